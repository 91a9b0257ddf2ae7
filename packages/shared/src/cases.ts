/**
 * The vocabularies of cases that contracts and SLA policies already refer to (a policy's conditions
 * name case types and channels; its pause statuses are case statuses). Shared so the API, the SLA
 * engine and the web cannot drift apart.
 */
export const caseTypes = [
  'incident',
  'service_request',
  'question',
  'complaint',
  'enhancement_request',
  'payment_investigation',
  'refund',
  'dispute',
] as const;
export const caseStatuses = [
  'new',
  'open',
  'pending_customer',
  'pending_internal',
  'pending_vendor',
  'on_hold',
  'resolved',
  'closed',
] as const;
/** The statuses an SLA policy may name as pausing its clocks (the waiting ones). */
export const pausableCaseStatuses = [
  'pending_customer',
  'pending_internal',
  'pending_vendor',
  'on_hold',
] as const;
export const caseChannels = ['email', 'phone', 'portal', 'api'] as const;
export const priorities = ['P1', 'P2', 'P3', 'P4'] as const;
/** Impact × urgency gives the priority (the matrix is in the cases module). */
export const impactLevels = ['high', 'medium', 'low'] as const;
export const messageVisibilities = ['public', 'internal'] as const;

export type CaseType = (typeof caseTypes)[number];
export type CaseStatus = (typeof caseStatuses)[number];
export type PausableCaseStatus = (typeof pausableCaseStatuses)[number];
export type CaseChannel = (typeof caseChannels)[number];
export type Priority = (typeof priorities)[number];
export type ImpactLevel = (typeof impactLevels)[number];
export type MessageVisibility = (typeof messageVisibilities)[number];
