import type { Role } from '@paydesk/shared';
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
  | 'account-users:read';

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
};

export function can(actor: UserActor, permission: Permission): boolean {
  return grants[permission].includes(actor.role);
}

export function assertCan(actor: UserActor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError('AUTH_FORBIDDEN', `Your role (${actor.role}) may not do this (${permission})`);
  }
}
