// The governance module's public surface: an account's service reviews, decisions, action items and timeline.
export type { ActionItem, Decision, ServiceReview, TimelineEntry } from './api/governance-types.ts';
export { governanceKeys } from './api/governance-keys.ts';
export { GovernanceTab } from './components/governance-tab.tsx';
export { canManageGovernance } from './permissions.ts';
