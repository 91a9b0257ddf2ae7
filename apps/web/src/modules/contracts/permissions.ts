import { isCustomerRole, type Role } from '@paydesk/shared';

/** Read contracts (the API's `contracts:read`): all staff and the customer's administrator, who sees no drafts. */
export function canReadContracts(role: Role): boolean {
  return !isCustomerRole(role) || role === 'customer_admin';
}

/** Draft, activate, amend, renew and end contracts and attach documents (`contracts:manage`). */
export function canManageContracts(role: Role): boolean {
  return role === 'admin' || role === 'account_manager' || role === 'service_level_analyst';
}

/** Approve or reject change requests (`change-requests:decide`), never one's own. */
export function canDecideChangeRequests(role: Role): boolean {
  return role === 'admin' || role === 'account_manager';
}

/** Ask for a change (`change-requests:raise`): the same people who read contracts. */
export const canRaiseChangeRequests = canReadContracts;
