import { isCustomerRole, type Role } from '@paydesk/shared';

/**
 * Working cases (status, assignment, priority, fields, watchers, internal notes) is the operator's
 * staff's job; customers open cases on their own account, follow them and reply.
 */
export function canWorkCases(role: Role): boolean {
  return !isCustomerRole(role);
}

/** The staff directory (GET /api/users) is open to these roles; agents pick themselves or keep who it is. */
export function canListStaff(role: Role): boolean {
  return role === 'admin' || role === 'account_manager' || role === 'service_level_analyst';
}
