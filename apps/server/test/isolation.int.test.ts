import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { IdParams, type HttpServer } from '../src/platform/http/index.ts';
import { buildContact, buildUser, createTestApp, signIn, type TestApp } from './app.ts';
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
  'PATCH /api/accounts/:id': (_a, b) => ({
    method: 'PATCH',
    url: `/api/accounts/${b.accountId}`,
    payload: { segment: 'emerging' },
  }),
  'GET /api/accounts/:id/contacts': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/contacts`,
  }),
  // Their own account in the path, B's contact id: the contact must not be found through A.
  'GET /api/accounts/:id/contacts/:contactId': (a) => ({
    method: 'GET',
    url: `/api/accounts/${a.accountId}/contacts/${bData.contactId}`,
  }),
  'POST /api/accounts/:id/contacts': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/contacts`,
    payload: { name: 'Intruder', email: 'intruder@a.test' },
  }),
  'PATCH /api/accounts/:id/contacts/:contactId': (_a, b) => ({
    method: 'PATCH',
    url: `/api/accounts/${b.accountId}/contacts/${bData.contactId}`,
    payload: { email: 'intruder@a.test' },
  }),
  'DELETE /api/accounts/:id/contacts/:contactId': (_a, b) => ({
    method: 'DELETE',
    url: `/api/accounts/${b.accountId}/contacts/${bData.contactId}`,
  }),
  'GET /api/services': () => ({ method: 'GET', url: '/api/services?includeRetired=true' }),
  'POST /api/services': () => ({
    method: 'POST',
    url: '/api/services',
    payload: { code: 'probe', name: 'Probe' },
  }),
  'PATCH /api/services/:id': () => ({
    method: 'PATCH',
    url: `/api/services/${bData.serviceId}`,
    payload: { isActive: false },
  }),
  'GET /api/accounts/:id/services': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/services`,
  }),
  'POST /api/accounts/:id/services': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/services`,
    payload: { serviceId: bData.otherServiceId, startedOn: '2026-01-01' },
  }),
  'DELETE /api/accounts/:id/services/:serviceId': (_a, b) => ({
    method: 'DELETE',
    url: `/api/accounts/${b.accountId}/services/${bData.serviceId}`,
  }),
  'GET /api/accounts/:id/notes': (_a, b) => ({ method: 'GET', url: `/api/accounts/${b.accountId}/notes` }),
  'POST /api/accounts/:id/notes': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/notes`,
    payload: { body: 'Probe' },
  }),
  'PATCH /api/accounts/:id/notes/:noteId': (_a, b) => ({
    method: 'PATCH',
    url: `/api/accounts/${b.accountId}/notes/${bData.noteId}`,
    payload: { body: 'Probe' },
  }),
  'GET /api/accounts/:id/opportunities': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/opportunities`,
  }),
  'GET /api/accounts/:id/opportunities/:opportunityId': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/opportunities/${bData.opportunityId}`,
  }),
  'POST /api/accounts/:id/opportunities': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/opportunities`,
    payload: { title: 'Probe', raisedTo: 'account_manager' },
  }),
  'PATCH /api/accounts/:id/opportunities/:opportunityId': (_a, b) => ({
    method: 'PATCH',
    url: `/api/accounts/${b.accountId}/opportunities/${bData.opportunityId}`,
    payload: { status: 'lost' },
  }),
  'GET /api/audit': () => ({ method: 'GET', url: '/api/audit' }),
  // Business calendars are global staff reference data: a customer may neither read nor change them.
  'GET /api/calendars': () => ({ method: 'GET', url: '/api/calendars' }),
  'GET /api/calendars/:id': () => ({ method: 'GET', url: `/api/calendars/${bData.calendarId}` }),
  'POST /api/calendars': () => ({
    method: 'POST',
    url: '/api/calendars',
    payload: { name: 'Probe', spec: { timeZone: 'UTC', always: true } },
  }),
  'PUT /api/calendars/:id': () => ({
    method: 'PUT',
    url: `/api/calendars/${bData.calendarId}`,
    payload: { name: 'Probe', spec: { timeZone: 'UTC', always: true } },
  }),
  'DELETE /api/calendars/:id': () => ({ method: 'DELETE', url: `/api/calendars/${bData.calendarId}` }),
  'POST /api/calendars/:id/holidays/import': () => ({
    method: 'POST',
    url: `/api/calendars/${bData.calendarId}/holidays/import`,
    payload: { ics: probeIcs, from: '2026-01-01', to: '2026-12-31' },
  }),
  'POST /api/calendars/preview': () => ({
    method: 'POST',
    url: '/api/calendars/preview',
    payload: { calendarId: bData.calendarId, target: '8h' },
  }),
  'POST /api/calendars/preview/elapsed': () => ({
    method: 'POST',
    url: '/api/calendars/preview/elapsed',
    payload: { calendarId: bData.calendarId, from: '2026-03-02T09:00:00Z' },
  }),
};

const probeIcs = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//probe//EN',
  'BEGIN:VEVENT',
  'UID:probe-1',
  'DTSTART;VALUE=DATE:20260601',
  'SUMMARY:Probe',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** B's records below the account, made by staff before the matrix runs. */
const bData = {
  contactId: '',
  serviceId: '',
  otherServiceId: '',
  noteId: '',
  opportunityId: '',
  calendarId: '',
};

async function buildAccountRecords(t: TestApp, b: Tenant) {
  const staff = await buildUser(t, { role: 'account_manager' });
  const session = await signIn(t, staff.email);
  const post = async (url: string, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers: session.headers, payload });
    if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string }>();
  };
  const services = await t.app.inject({ method: 'GET', url: '/api/services', headers: session.headers });
  const [first, second] = services.json<{ items: { id: string }[] }>().items;
  bData.serviceId = first!.id;
  bData.otherServiceId = second!.id;
  bData.contactId = (await buildContact(t, b.accountId, { roles: ['primary'] })).id;
  await post(`/api/accounts/${b.accountId}/services`, {
    serviceId: bData.serviceId,
    startedOn: '2025-01-01',
  });
  bData.noteId = (await post(`/api/accounts/${b.accountId}/notes`, { body: 'Renewal talks in May' })).id;
  bData.opportunityId = (
    await post(`/api/accounts/${b.accountId}/opportunities`, {
      title: 'Open banking',
      raisedTo: 'product_manager',
      value: { amountMinor: '5000000', currency: 'GBP' },
    })
  ).id;
  bData.calendarId = (
    await post('/api/calendars', {
      name: 'Betapay support hours',
      spec: { timeZone: 'Europe/London', week: { mon: [['09:00', '17:30']] } },
    })
  ).id;
}

describe('tenant isolation matrix', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    t = await createTestApp();
    a = await buildTenant(t, 'Alphabank');
    b = await buildTenant(t, 'Betapay');
    await buildAccountRecords(t, b);
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
  const accountId = tenant.accountId;
  return {
    account,
    users,
    tokens,
    contacts: await t.db
      .selectFrom('accountContacts')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    services: await t.db
      .selectFrom('accountServices')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    notes: await t.db.selectFrom('accountNotes').selectAll().where('accountId', '=', accountId).execute(),
    opportunities: await t.db
      .selectFrom('accountOpportunities')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    catalogue: await t.db.selectFrom('services').selectAll().orderBy('id').execute(),
    calendars: await t.db.selectFrom('businessCalendars').selectAll().orderBy('id').execute(),
  };
}
