import type { HttpServer } from '../src/platform/http/index.ts';
import { buildAccount, buildUser, createApiToken, signIn, type Session, type TestApp } from './app.ts';

/**
 * The tenant-isolation matrix: every endpoint, called as a customer of account A with account B's
 * identifiers, must hide B (404, or 403 for a staff-only endpoint) or answer without any of B's data.
 * Every route the app registers needs a case here — a new endpoint without one fails the test, so
 * isolation is checked for endpoints that do not exist yet too.
 */
export interface Tenant {
  accountId: string;
  accountName: string;
  adminId: string;
  adminEmail: string;
  userId: string;
  userEmail: string;
  tokenId: string;
  session: Session;
  token: { id: string; secret: string; headers: { authorization: string } };
}

export interface IsolationRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
}

export type IsolationCase =
  | ((a: Tenant, b: Tenant) => IsolationRequest)
  /** The endpoint takes no identifier and acts only on the caller's own session: say why. */
  | { selfOnly: string };

export interface IsolationFailure {
  route: string;
  via: 'session' | 'api_token' | 'matrix';
  problem: string;
}

export async function buildTenant(t: TestApp, name: string): Promise<Tenant> {
  const account = await buildAccount(t, { name });
  const admin = await buildUser(t, {
    role: 'customer_admin',
    accountId: account.id,
    email: `admin@${name.toLowerCase()}.test`,
  });
  const user = await buildUser(t, {
    role: 'customer_user',
    accountId: account.id,
    email: `user@${name.toLowerCase()}.test`,
  });
  const session = await signIn(t, admin.email);
  const token = await createApiToken(t, session);
  return {
    accountId: account.id,
    accountName: account.name,
    adminId: admin.id,
    adminEmail: admin.email,
    userId: user.id,
    userEmail: user.email,
    tokenId: token.id,
    session,
    token,
  };
}

/** Identifiers of B that must never appear in an answer to A. */
function secretsOf(b: Tenant): string[] {
  return [b.accountId, b.accountName, b.adminId, b.adminEmail, b.userId, b.userEmail, b.tokenId];
}

export async function checkIsolation(
  app: HttpServer,
  cases: Record<string, IsolationCase>,
  a: Tenant,
  b: Tenant,
): Promise<IsolationFailure[]> {
  const failures: IsolationFailure[] = [];
  const routes = app.routeTable.filter((r) => r.auth !== 'public').map((r) => `${r.method} ${r.url}`);
  for (const route of routes) {
    if (!cases[route])
      failures.push({ route, via: 'matrix', problem: 'no isolation case: add one to the matrix' });
  }
  for (const [route, build] of Object.entries(cases)) {
    if (!routes.includes(route)) {
      failures.push({ route, via: 'matrix', problem: 'case for a route that does not exist' });
      continue;
    }
    if (typeof build !== 'function') {
      if (build.selfOnly.trim().length < 10)
        failures.push({ route, via: 'matrix', problem: 'selfOnly needs a reason' });
      continue;
    }
    for (const via of ['session', 'api_token'] as const) {
      const request = build(a, b);
      const headers = via === 'session' ? a.session.headers : a.token.headers;
      const response = await app.inject({
        method: request.method,
        url: request.url,
        headers,
        ...(request.payload !== undefined ? { payload: request.payload as object } : {}),
      });
      const leaked = secretsOf(b).filter((secret) => response.body.includes(secret));
      if (leaked.length > 0) {
        failures.push({
          route,
          via,
          problem: `answer ${response.statusCode} contains B's ${leaked.join(', ')}`,
        });
      } else if (response.statusCode >= 500) {
        failures.push({ route, via, problem: `server error ${response.statusCode}` });
      } else if (response.statusCode === 401) {
        failures.push({ route, via, problem: 'A was not authenticated: the case tests nothing' });
      }
    }
  }
  return failures;
}
