/** The vocabularies of contracts, SLA policies and governance, shared by the API and the web. */
export const contractStatuses = ['draft', 'active', 'amended', 'renewed', 'expired', 'terminated'] as const;
/** What can be done to a contract; the lifecycle says which action is allowed in which status. */
export const contractActions = ['activate', 'amend', 'renew', 'expire', 'terminate'] as const;
/** The clocks an SLA policy sets targets for, one per priority. */
export const slaMetrics = ['firstResponse', 'nextResponse', 'resolution', 'periodicUpdate'] as const;
/** What the SLA engine does when a clock breaches, as the policy says. */
export const breachActions = ['raise_priority', 'notify_manager', 'reassign'] as const;
export const changeRequestStatuses = [
  'requested',
  'approved',
  'rejected',
  'implemented',
  'withdrawn',
] as const;
export const actionItemStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const serviceReviewStatuses = ['planned', 'held', 'cancelled'] as const;

/** What a vendor provides; lets the escalation screen group them. */
export const vendorKinds = ['card_scheme', 'processor', 'hosting', 'software', 'telecom', 'other'] as const;
/** An OLA is a team's promise to the service desk; an underpinning contract is a vendor's. */
export const agreementKinds = ['ola', 'underpinning'] as const;

export type VendorKind = (typeof vendorKinds)[number];
export type AgreementKind = (typeof agreementKinds)[number];
export type ContractStatus = (typeof contractStatuses)[number];
export type ContractAction = (typeof contractActions)[number];
export type SlaMetric = (typeof slaMetrics)[number];
export type BreachAction = (typeof breachActions)[number];
export type ChangeRequestStatus = (typeof changeRequestStatuses)[number];
export type ActionItemStatus = (typeof actionItemStatuses)[number];
export type ServiceReviewStatus = (typeof serviceReviewStatuses)[number];
