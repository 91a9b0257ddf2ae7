import type { Role } from '@paydesk/shared';

/** Create and change vendors, OLAs and underpinning contracts (the API's agreements:manage). */
export function canManageAgreements(role: Role): boolean {
  return role === 'admin' || role === 'account_manager' || role === 'service_level_analyst';
}
