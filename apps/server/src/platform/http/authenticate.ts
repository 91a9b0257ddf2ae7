import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { hashSecret, safeEqual, type UserActor } from '../auth/index.ts';

export const sessionCookie = 'pd_session';
export const csrfCookie = 'pd_csrf';
export const csrfHeader = 'x-csrf-token';

/** Resolves credentials to an actor; implemented by the identity module, which owns the tables. */
export interface Authenticator {
  fromSession(token: string): Promise<{ actor: UserActor; csrfTokenHash: string } | null>;
  fromApiToken(token: string): Promise<UserActor | null>;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request gets an actor before its handler runs. Cookie-authenticated writes must echo the
 * CSRF token (double submit, bound to the session by its hash); API tokens need the `write` scope
 * for anything but reads.
 */
export function registerAuthentication(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('actor', null as never);
  app.addHook('preValidation', async (request) => {
    request.actor = { kind: 'anonymous' };
    // The API needs a user unless a route says otherwise; the web app's pages and assets are public
    // (the not-found handler serving index.html has no route config of its own).
    const auth = request.routeOptions.config.auth ?? (isApiPath(request.url) ? 'user' : 'public');
    const bearer = bearerToken(request);

    if (bearer !== undefined) {
      const actor = await authenticator.fromApiToken(bearer);
      if (!actor) throw new AppError('AUTH_REQUIRED', 'The API token is invalid, expired or revoked');
      if (auth === 'session') {
        throw new AppError('AUTH_FORBIDDEN', 'This endpoint needs a signed-in session, not an API token');
      }
      if (!safeMethods.has(request.method) && !actor.scopes.includes('write')) {
        throw new AppError('AUTH_FORBIDDEN', 'The API token lacks the write scope');
      }
      request.actor = actor;
    } else {
      const token = request.cookies[sessionCookie];
      const session = token ? await authenticator.fromSession(token) : null;
      if (session) {
        if (auth !== 'public' && !safeMethods.has(request.method)) {
          const sent = request.headers[csrfHeader];
          if (typeof sent !== 'string' || !safeEqual(hashSecret(sent), session.csrfTokenHash)) {
            throw new AppError('AUTH_CSRF_INVALID', `Send the ${csrfCookie} cookie's value in ${csrfHeader}`);
          }
        }
        request.actor = session.actor;
      }
    }

    if (auth !== 'public' && request.actor.kind !== 'user') {
      throw new AppError('AUTH_REQUIRED', 'Sign in or send an API token');
    }
  });
}

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError('AUTH_REQUIRED', 'Authorization must be "Bearer <token>"');
  return match[1];
}
