import type { Role } from '@paydesk/shared';

/** Create, change and delete business calendars (the API's `calendars:manage`). */
export function canManageCalendars(role: Role): boolean {
  return role === 'admin' || role === 'account_manager' || role === 'service_level_analyst';
}
