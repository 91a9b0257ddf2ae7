import { staffRoles, type Role } from '@paydesk/shared';
import { AppError } from '../errors.ts';
import type { UserActor } from './actor.ts';

/**
 * Platform-wide permissions. Modules add their own policy functions on top; every permission
 * decision is a function of the actor (and the resource), never scattered role checks.
 */
export type Permission =
  | 'users:read'
  | 'users:manage'
  | 'teams:manage'
  | 'audit:read'
  | 'accounts:read'
  | 'accounts:manage'
  | 'account-users:read'
  | 'accounts:read-internal'
  | 'contacts:manage'
  | 'services:manage'
  | 'account-notes:read'
  | 'account-notes:write'
  | 'opportunities:read'
  | 'opportunities:raise'
  | 'opportunities:manage'
  | 'calendars:read'
  | 'calendars:manage';

const grants: Record<Permission, readonly Role[]> = {
  'users:read': ['admin', 'account_manager', 'service_level_analyst'],
  'users:manage': ['admin'],
  'teams:manage': ['admin'],
  'audit:read': ['admin'],
  'accounts:read': [
    'admin',
    'account_manager',
    'service_level_analyst',
    'agent',
    'payments_operator',
    'customer_admin',
    'customer_user',
  ],
  'accounts:manage': ['admin', 'account_manager'],
  'account-users:read': ['admin', 'account_manager', 'service_level_analyst', 'agent', 'customer_admin'],
  // Internal classification of an account (its segment): customers see their account without it.
  'accounts:read-internal': staffRoles,
  'contacts:manage': ['admin', 'account_manager'],
  // The service catalogue and which services each account subscribes to.
  'services:manage': ['admin', 'account_manager'],
  // Relationship notes and opportunities are internal: staff only, never a customer.
  'account-notes:read': staffRoles,
  'account-notes:write': staffRoles,
  'opportunities:read': staffRoles,
  // Whoever talks to a customer may spot an opportunity; account managers work it.
  'opportunities:raise': staffRoles,
  'opportunities:manage': ['admin', 'account_manager'],
  // Business calendars are internal reference data: SLA targets are shown to customers, not calendars.
  'calendars:read': staffRoles,
  'calendars:manage': ['admin', 'account_manager', 'service_level_analyst'],
};

export const permissions = Object.keys(grants) as Permission[];

export function can(actor: UserActor, permission: Permission): boolean {
  return grants[permission].includes(actor.role);
}

export function assertCan(actor: UserActor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError('AUTH_FORBIDDEN', `Your role (${actor.role}) may not do this (${permission})`);
  }
}
