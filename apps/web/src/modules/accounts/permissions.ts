import { isCustomerRole, type Role } from '@paydesk/shared';

/** Create and change accounts, contacts, subscriptions and opportunities. */
export function canManageAccounts(role: Role): boolean {
  return role === 'admin' || role === 'account_manager';
}

/** Notes and opportunities are internal: staff only (the API answers 403 to customers). */
export function canSeeInternal(role: Role): boolean {
  return !isCustomerRole(role);
}
