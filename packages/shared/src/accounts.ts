/** The vocabularies of customer accounts, shared so the API and the web cannot drift apart. */
export const accountKinds = ['bank', 'psp', 'biller', 'acquirer'] as const;
export const accountSegments = ['strategic', 'enterprise', 'mid_market', 'emerging'] as const;
export const contactRoles = ['primary', 'technical', 'escalation', 'billing'] as const;
export const opportunityStatuses = ['open', 'in_progress', 'won', 'lost', 'parked'] as const;
export const opportunityAudiences = ['account_manager', 'product_manager'] as const;

export type AccountKind = (typeof accountKinds)[number];
export type AccountSegment = (typeof accountSegments)[number];
export type ContactRole = (typeof contactRoles)[number];
export type OpportunityStatus = (typeof opportunityStatuses)[number];
export type OpportunityAudience = (typeof opportunityAudiences)[number];
