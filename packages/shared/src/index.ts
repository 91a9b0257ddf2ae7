export { errorCodes, type ErrorCode, type Problem } from './error-codes.ts';
export {
  roles,
  staffRoles,
  customerRoles,
  agentTiers,
  languages,
  isCustomerRole,
  type Role,
  type StaffRole,
  type CustomerRole,
  type AgentTier,
  type Language,
} from './roles.ts';
export {
  accountKinds,
  accountSegments,
  contactRoles,
  opportunityStatuses,
  opportunityAudiences,
  type AccountKind,
  type AccountSegment,
  type ContactRole,
  type OpportunityStatus,
  type OpportunityAudience,
} from './accounts.ts';
