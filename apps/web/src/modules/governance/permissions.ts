import type { Role } from '@paydesk/shared';

/** Write reviews, decisions and action items (customers' administrators only read them). */
export function canManageGovernance(role: Role): boolean {
  return role === 'admin' || role === 'account_manager' || role === 'service_level_analyst';
}
