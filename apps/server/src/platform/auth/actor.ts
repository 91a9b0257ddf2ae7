import type { AgentTier, Role } from '@paydesk/shared';
import { isCustomerRole } from '@paydesk/shared';

export type TokenScope = 'read' | 'write';

/** Who is making a request. Every request carries one; services receive it explicitly. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      role: Role;
      /** Set for customer users: the one account they may see. */
      accountId: string | null;
      tier: AgentTier | null;
      via: 'session' | 'api_token';
      sessionId: string | null;
      tokenId: string | null;
      scopes: readonly TokenScope[];
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

/**
 * What part of the customer data an actor may see. Staff see every account; a customer user only
 * their own. Repositories of customer-scoped tables take a Scope as a required argument.
 */
export type Scope = { kind: 'all' } | { kind: 'account'; accountId: string };

export function scopeOf(actor: UserActor): Scope {
  if (isCustomerRole(actor.role)) {
    if (actor.accountId === null) throw new Error('customer user without an account');
    return { kind: 'account', accountId: actor.accountId };
  }
  return { kind: 'all' };
}

/** Everything a service needs to know about the request besides its input. */
export interface RequestContext {
  actor: UserActor;
  requestId: string;
  ip: string | null;
}

export interface AnonymousContext {
  actor: Actor;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Who and where, as the audit log records it: the user, or the API token acting for them; a
 * null context is the system itself (seeding, jobs, the CLI).
 */
export function auditContextOf(ctx: RequestContext | null): {
  actor: { type: 'user' | 'api_token' | 'system'; id: string | null };
  requestId: string | null;
  sourceIp: string | null;
} {
  if (ctx === null) return { actor: { type: 'system', id: null }, requestId: null, sourceIp: null };
  const actor =
    ctx.actor.via === 'api_token'
      ? { type: 'api_token' as const, id: ctx.actor.tokenId }
      : { type: 'user' as const, id: ctx.actor.userId };
  return { actor, requestId: ctx.requestId, sourceIp: ctx.ip };
}
