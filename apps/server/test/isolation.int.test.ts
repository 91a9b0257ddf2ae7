import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { IdParams, type HttpServer } from '../src/platform/http/index.ts';
import { createTestApp, type TestApp } from './app.ts';
import { buildTenant, checkIsolation, type IsolationCase, type Tenant } from './isolation.ts';

/** One case per endpoint: how A would try to reach B's data through it. */
const matrix: Record<string, IsolationCase> = {
  'POST /api/auth/logout': { selfOnly: "ends the caller's own session; takes no identifier" },
  'GET /api/me': () => ({ method: 'GET', url: '/api/me' }),
  'PATCH /api/me': () => ({ method: 'PATCH', url: '/api/me', payload: { language: 'pl' } }),
  'POST /api/me/password': { selfOnly: "changes the caller's own password; takes no identifier" },
  'GET /api/me/tokens': () => ({ method: 'GET', url: '/api/me/tokens' }),
  'POST /api/me/tokens': () => ({
    method: 'POST',
    url: '/api/me/tokens',
    payload: { name: 'probe', scopes: ['read'], expiresInDays: 1 },
  }),
  'DELETE /api/me/tokens/:id': (_a, b) => ({ method: 'DELETE', url: `/api/me/tokens/${b.tokenId}` }),
  'GET /api/users': () => ({ method: 'GET', url: '/api/users' }),
  'POST /api/users': (_a, b) => ({
    method: 'POST',
    url: '/api/users',
    payload: {
      email: 'intruder@b.test',
      displayName: 'Intruder',
      role: 'customer_admin',
      accountId: b.accountId,
      password: 'intruder-password-1',
    },
  }),
  'GET /api/users/:id': (_a, b) => ({ method: 'GET', url: `/api/users/${b.userId}` }),
  'PATCH /api/users/:id': (_a, b) => ({
    method: 'PATCH',
    url: `/api/users/${b.userId}`,
    payload: { isActive: false },
  }),
  'POST /api/users/:id/password-reset': (_a, b) => ({
    method: 'POST',
    url: `/api/users/${b.userId}/password-reset`,
  }),
  'GET /api/accounts/:id/users': (_a, b) => ({ method: 'GET', url: `/api/accounts/${b.accountId}/users` }),
  'GET /api/teams': () => ({ method: 'GET', url: '/api/teams' }),
  'POST /api/teams': () => ({ method: 'POST', url: '/api/teams', payload: { name: 'Probe team' } }),
  'POST /api/teams/:id/members': (_a, b) => ({
    method: 'POST',
    url: `/api/teams/00000000-0000-4000-8000-000000000000/members`,
    payload: { userId: b.userId },
  }),
  'GET /api/accounts': () => ({ method: 'GET', url: '/api/accounts' }),
  'GET /api/accounts/:id': (_a, b) => ({ method: 'GET', url: `/api/accounts/${b.accountId}` }),
  'POST /api/accounts': () => ({
    method: 'POST',
    url: '/api/accounts',
    payload: { name: 'Probe', legalName: 'Probe', countryCode: 'GB', kind: 'bank' },
  }),
  'GET /api/audit': () => ({ method: 'GET', url: '/api/audit' }),
};

describe('tenant isolation matrix', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    t = await createTestApp();
    a = await buildTenant(t, 'Alphabank');
    b = await buildTenant(t, 'Betapay');
  });
  afterAll(() => t.close());

  it("never shows a customer of A anything of B's, through any endpoint", async () => {
    const bBefore = await snapshot(t, b);
    const failures = await checkIsolation(t.app, matrix, a, b);
    expect(failures).toEqual([]);
    expect(await snapshot(t, b)).toEqual(bBefore);
  });

  it('still sees its own data (the matrix is not passing because everything is refused)', async () => {
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/accounts/${a.accountId}`,
      headers: a.session.headers,
    });
    expect(own.statusCode).toBe(200);
    const users = await t.app.inject({
      method: 'GET',
      url: `/api/accounts/${a.accountId}/users`,
      headers: a.token.headers,
    });
    expect(
      users
        .json()
        .items.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual([a.adminId, a.userId].sort());
  });
});

describe('the matrix itself', () => {
  it('catches a route that leaks another account and a route without a case', async () => {
    const leaky = async (app: HttpServer) => {
      // Deliberately wrong: reads an account without the customer scope.
      app.get(
        '/api/leaky/:id',
        { schema: { params: IdParams, response: { 200: Type.Object({ name: Type.String() }) } } },
        async (request) => {
          const row = await leakyApp.db
            .selectFrom('accounts')
            .select('name')
            .where('id', '=', request.params.id)
            .executeTakeFirstOrThrow();
          return row;
        },
      );
      app.get('/api/uncovered', async () => ({}));
    };
    const leakyApp: TestApp = await createTestApp({ extraRoutes: leaky });
    try {
      const a = await buildTenant(leakyApp, 'Gammabank');
      const b = await buildTenant(leakyApp, 'Deltapay');
      const failures = await checkIsolation(
        leakyApp.app,
        { ...matrix, 'GET /api/leaky/:id': (_a, b) => ({ method: 'GET', url: `/api/leaky/${b.accountId}` }) },
        a,
        b,
      );
      expect(failures).toContainEqual({
        route: 'GET /api/leaky/:id',
        via: 'session',
        problem: expect.stringContaining("contains B's"),
      });
      expect(failures).toContainEqual({
        route: 'GET /api/uncovered',
        via: 'matrix',
        problem: expect.stringContaining('no isolation case'),
      });
    } finally {
      await leakyApp.close();
    }
  });
});

async function snapshot(t: TestApp, tenant: Tenant) {
  const account = await t.db
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', tenant.accountId)
    .executeTakeFirst();
  const users = await t.db
    .selectFrom('users')
    .selectAll()
    .where('accountId', '=', tenant.accountId)
    .orderBy('id')
    .execute();
  const tokens = await t.db.selectFrom('apiTokens').selectAll().where('id', '=', tenant.tokenId).execute();
  return { account, users, tokens };
}
