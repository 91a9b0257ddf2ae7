import { roles, staffRoles, type Role } from '@paydesk/shared';
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
  | 'calendars:manage'
  | 'contracts:read'
  | 'contracts:manage'
  | 'change-requests:raise'
  | 'change-requests:decide'
  | 'agreements:read'
  | 'agreements:manage'
  | 'governance:read'
  | 'governance:manage'
  | 'cases:read'
  | 'cases:create'
  | 'cases:reply'
  | 'cases:work'
  | 'cases:read-internal'
  | 'sla-recomputations:read'
  | 'sla-recomputations:run';

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
  // A customer's administrator sees what was agreed (not drafts); agents see targets to work to.
  'contracts:read': [...staffRoles, 'customer_admin'],
  // Drafting, amending, renewing and ending contracts, their SLA policies and documents.
  'contracts:manage': ['admin', 'account_manager', 'service_level_analyst'],
  // Anyone who works with the contract, the customer's administrator included, may ask for a change;
  // the relationship owners decide (never the person who asked: four eyes).
  'change-requests:raise': [...staffRoles, 'customer_admin'],
  'change-requests:decide': ['admin', 'account_manager'],
  // Internal OLAs per team and underpinning contracts with vendors: never shown to a customer.
  'agreements:read': staffRoles,
  'agreements:manage': ['admin', 'account_manager', 'service_level_analyst'],
  // Service reviews are held with the customer: their administrator reads minutes and actions.
  'governance:read': [...staffRoles, 'customer_admin'],
  'governance:manage': ['admin', 'account_manager', 'service_level_analyst'],
  // Customers open cases, follow them and reply through the portal; their own account's only.
  'cases:read': roles,
  'cases:create': roles,
  'cases:reply': roles,
  // Working a case (status, priority, assignment, fields) and everything internal: staff only.
  'cases:work': staffRoles,
  'cases:read-internal': staffRoles,
  // Recomputing every open case's SLA clocks is internal: staff follow the runs, managers start one.
  'sla-recomputations:read': staffRoles,
  'sla-recomputations:run': ['admin', 'account_manager'],
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
