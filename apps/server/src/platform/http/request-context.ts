import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Actor, RequestContext, UserActor } from '../auth/index.ts';

/** How a route is protected; set in its `config`. Default: any signed-in user or API token. */
export type RouteAuth = 'public' | 'user' | 'session';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /** 'required': a POST without an Idempotency-Key is refused (400). Default: honoured if sent. */
    idempotency?: 'optional' | 'required';
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export function requireUser(request: FastifyRequest): UserActor {
  if (request.actor.kind !== 'user') throw new AppError('AUTH_REQUIRED', 'Sign in or send an API token');
  return request.actor;
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: requireUser(request), requestId: request.id, ip: request.ip ?? null };
}
