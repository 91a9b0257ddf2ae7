import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@paydesk/shared';
import { buildAccount, buildUser, createTestApp, signIn, type TestApp } from '../../../test/app.ts';
import type { SlaPolicy } from '../contract-terms/index.ts';
import { applicableAgreements } from './applicable-agreements.ts';

// Test clock: 2026-03-02 09:00 UTC.
let t: TestApp;
let admin: Caller;
let analyst: Caller;
let agent: Caller;
let customer: Caller;
let teamId: string;
let otherTeamId: string;
let calendarId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await caller('admin');
  analyst = await caller('service_level_analyst');
  agent = await caller('agent');
  const accountId = (await buildAccount(t)).id;
  customer = await caller('customer_admin', { accountId });
  teamId = (await t.services.identity.createTeam(null, { name: 'L2 Warsaw' })).id;
  otherTeamId = (await t.services.identity.createTeam(null, { name: 'L3 London' })).id;
  calendarId = (
    await t.services.calendars.create(null, {
      name: 'UK hours',
      spec: { timeZone: 'Europe/London', week: { mon: [['09:00', '17:30']] } },
    })
  ).id;
});
afterAll(() => t.close());

interface Caller {
  id: string;
  call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

async function caller(role: Role, overrides: { accountId?: string } = {}): Promise<Caller> {
  const user = await buildUser(t, { role, ...overrides });
  const session = await signIn(t, user.email);
  return {
    id: user.id,
    call: (method, url, payload, headers = {}) =>
      t.app.inject({
        method,
        url,
        headers: { ...session.headers, ...headers },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      }),
  };
}

interface Vendor {
  id: string;
  name: string;
  kind: string;
  contactEmail: string | null;
  contactPhone: string | null;
  isActive: boolean;
}

interface Agreement {
  id: string;
  kind: 'ola' | 'underpinning';
  team: { id: string; name: string } | null;
  vendor: { id: string; name: string } | null;
  name: string;
  reference: string;
  policy: SlaPolicy;
  effectiveFrom: string;
  effectiveTo: string | null;
  version: number;
}

const unmeasured = { firstResponse: null, nextResponse: null, resolution: null, periodicUpdate: null };

function policy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    name: 'Default',
    calendarId,
    conditions: { services: [], caseTypes: [], channels: [] },
    targets: {
      P1: { firstResponse: 15, nextResponse: 60, resolution: 240, periodicUpdate: 60 },
      P2: { ...unmeasured, resolution: 480 },
      P3: unmeasured,
      P4: unmeasured,
    },
    pauseStatuses: ['pending_vendor'],
    warningThresholds: [50, 75, 90],
    breachActions: ['notify_manager'],
    ...overrides,
  };
}

let sequence = 0;
async function createVendor(overrides: object = {}) {
  const response = await analyst.call('POST', '/api/vendors', {
    name: `Vendor ${++sequence}`,
    kind: 'processor',
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Vendor>();
}

function olaBody(overrides: object = {}) {
  return {
    kind: 'ola',
    teamId,
    name: `OLA ${++sequence}`,
    policy: policy(),
    effectiveFrom: '2026-01-01',
    ...overrides,
  };
}

async function createAgreement(body: object) {
  const response = await analyst.call('POST', '/api/agreements', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Agreement>();
}

async function snapshot() {
  return {
    agreements: await t.db
      .withTables<{ operationalAgreements: { id: string } }>()
      .selectFrom('operationalAgreements')
      .selectAll()
      .orderBy('id')
      .execute(),
    vendors: await t.db
      .withTables<{ vendors: { id: string } }>()
      .selectFrom('vendors')
      .selectAll()
      .orderBy('id')
      .execute(),
    audit: (
      await t.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  };
}

function auditActions(entityId: string) {
  return t.db
    .selectFrom('auditLog')
    .select(['action', 'actorId'])
    .where('entityId', '=', entityId)
    .orderBy('seq')
    .execute();
}

describe('vendors', () => {
  it('creates, reads, lists and changes a vendor, auditing every change', async () => {
    const created = await createVendor({
      name: '  Visa Europe ',
      kind: 'card_scheme',
      contactEmail: 'Ops@Visa.test',
      contactPhone: '+44 (20) 7946 0000',
    });
    expect(created).toMatchObject({
      name: 'Visa Europe',
      kind: 'card_scheme',
      contactEmail: 'ops@visa.test',
      contactPhone: '+442079460000',
      isActive: true,
    });
    expect((await agent.call('GET', `/api/vendors/${created.id}`)).json()).toEqual(created);

    const retired = await analyst.call('PATCH', `/api/vendors/${created.id}`, { isActive: false });
    expect(retired.statusCode, retired.body).toBe(200);
    const active = (await agent.call('GET', '/api/vendors?limit=200')).json<{ items: Vendor[] }>();
    expect(active.items.map((vendor) => vendor.id)).not.toContain(created.id);
    const all = (await agent.call('GET', '/api/vendors?limit=200&includeRetired=true')).json<{
      items: Vendor[];
    }>();
    expect(all.items.map((vendor) => vendor.id)).toContain(created.id);
    expect(await auditActions(created.id)).toEqual([
      { action: 'vendor.created', actorId: analyst.id },
      { action: 'vendor.updated', actorId: analyst.id },
    ]);
  });

  it('refuses a second vendor of the same name in another case, and a bad phone, changing nothing', async () => {
    await createVendor({ name: 'CloudCo hosting', kind: 'hosting' });
    const before = await snapshot();
    const clash = await analyst.call('POST', '/api/vendors', { name: 'CLOUDCO Hosting', kind: 'hosting' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'VENDOR_ALREADY_EXISTS', errors: [{ path: 'body/name' }] });
    const phone = await analyst.call('POST', '/api/vendors', {
      name: 'Telia',
      kind: 'telecom',
      contactPhone: '+0 12',
    });
    expect(phone.statusCode).toBe(400);
    const kind = await analyst.call('POST', '/api/vendors', { name: 'Telia', kind: 'utility' });
    expect(kind.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 404 for an unknown vendor and lets only managers write', async () => {
    const missing = await agent.call('GET', '/api/vendors/00000000-0000-4000-8000-000000000000');
    expect(missing.json()).toMatchObject({ status: 404, code: 'VENDOR_NOT_FOUND' });
    const denied = await agent.call('POST', '/api/vendors', { name: 'Agent vendor', kind: 'other' });
    expect(denied.statusCode).toBe(403);
  });
});

describe('operational agreements', () => {
  it('creates an OLA and an underpinning contract, reads, lists and filters them', async () => {
    const vendor = await createVendor({ name: 'Mastercard', kind: 'card_scheme' });
    const ola = await createAgreement(olaBody({ name: 'L2 Warsaw OLA' }));
    expect(ola).toMatchObject({
      kind: 'ola',
      team: { id: teamId, name: 'L2 Warsaw' },
      vendor: null,
      policy: policy(),
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      version: 1,
    });
    const uc = await createAgreement({
      kind: 'underpinning',
      vendorId: vendor.id,
      name: 'Mastercard UC',
      reference: 'MC-2026-114',
      policy: policy({ calendarId: null }),
      effectiveFrom: '2026-01-01',
      effectiveTo: '2027-01-01',
    });
    expect(uc).toMatchObject({
      vendor: { id: vendor.id, name: 'Mastercard' },
      team: null,
      reference: 'MC-2026-114',
    });

    const read = await agent.call('GET', `/api/agreements/${uc.id}`);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(uc);
    const byVendor = (await agent.call('GET', `/api/agreements?vendorId=${vendor.id}`)).json<{
      items: Agreement[];
    }>();
    expect(byVendor.items.map((item) => item.id)).toEqual([uc.id]);
    const olas = (await agent.call('GET', '/api/agreements?kind=ola&limit=200')).json<{
      items: Agreement[];
    }>();
    expect(olas.items.every((item) => item.kind === 'ola')).toBe(true);
    expect(olas.items.map((item) => item.id)).toContain(ola.id);
    expect(await auditActions(uc.id)).toEqual([{ action: 'agreement.created', actorId: analyst.id }]);
  });

  it.each([
    [
      'an unknown team',
      { teamId: '00000000-0000-4000-8000-000000000000' },
      404,
      'TEAM_NOT_FOUND',
      'body/teamId',
    ],
    [
      'an unknown vendor',
      { kind: 'underpinning', teamId: undefined, vendorId: '00000000-0000-4000-8000-000000000000' },
      404,
      'VENDOR_NOT_FOUND',
      'body/vendorId',
    ],
    [
      'an unknown calendar',
      { policy: policy({ calendarId: '00000000-0000-4000-8000-000000000000' }) },
      400,
      'VALIDATION_FAILED',
      'body/policy/calendarId',
    ],
    [
      'warning thresholds out of order',
      { policy: policy({ calendarId: null, warningThresholds: [80, 50] }) },
      400,
      'VALIDATION_FAILED',
      'body/policy/warningThresholds/1',
    ],
    [
      'a warning threshold of 100 %',
      { policy: policy({ calendarId: null, warningThresholds: [50, 100] }) },
      400,
      'VALIDATION_FAILED',
      undefined,
    ],
    ['an end before the start', { effectiveTo: '2025-12-31' }, 400, 'VALIDATION_FAILED', 'body/effectiveTo'],
    ['an end on the start', { effectiveTo: '2026-01-01' }, 400, 'VALIDATION_FAILED', 'body/effectiveTo'],
    [
      'a date that does not exist',
      { effectiveFrom: '2026-02-30' },
      400,
      'VALIDATION_FAILED',
      'body/effectiveFrom',
    ],
    ['an OLA without a team', { teamId: undefined }, 400, 'VALIDATION_FAILED', 'body/teamId'],
    [
      'an OLA naming a vendor too',
      { vendorId: '00000000-0000-4000-8000-000000000000' },
      400,
      'VALIDATION_FAILED',
      'body/vendorId',
    ],
    [
      'a policy measuring nothing',
      {
        policy: policy({
          calendarId: null,
          targets: { P1: unmeasured, P2: unmeasured, P3: unmeasured, P4: unmeasured },
        }),
      },
      400,
      'VALIDATION_FAILED',
      'body/policy/targets',
    ],
    ['an unknown field', { colour: 'red' }, 400, 'VALIDATION_FAILED', undefined],
  ])('refuses %s, changing nothing', async (_what, overrides, status, code, path) => {
    const before = await snapshot();
    const response = await analyst.call('POST', '/api/agreements', olaBody(overrides));
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code });
    if (path)
      expect(response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    expect(await snapshot()).toEqual(before);
  });

  it('replaces with If-Match; a stale version gets 409 with the current agreement, a missing one 428', async () => {
    const ola = await createAgreement(olaBody());
    const next = olaBody({ name: ola.name, policy: policy({ warningThresholds: [80] }) });
    const replaced = await analyst.call('PUT', `/api/agreements/${ola.id}`, next, { 'if-match': '"1"' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.headers.etag).toBe('"2"');
    expect(replaced.json()).toMatchObject({ version: 2, policy: { warningThresholds: [80] } });

    const before = await snapshot();
    const stale = await analyst.call('PUT', `/api/agreements/${ola.id}`, olaBody(), { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'AGREEMENT_VERSION_CONFLICT',
      current: { id: ola.id, version: 2, policy: { warningThresholds: [80] } },
    });
    const missing = await analyst.call('PUT', `/api/agreements/${ola.id}`, olaBody());
    expect(missing.statusCode).toBe(428);
    expect(missing.json()).toMatchObject({ code: 'PRECONDITION_REQUIRED' });
    const garbled = await analyst.call('PUT', `/api/agreements/${ola.id}`, olaBody(), {
      'if-match': 'latest',
    });
    expect(garbled.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
    expect(await auditActions(ola.id)).toEqual([
      { action: 'agreement.created', actorId: analyst.id },
      { action: 'agreement.updated', actorId: analyst.id },
    ]);
  });

  it('deletes an agreement not yet in force, and ends one in force after today instead', async () => {
    const future = await createAgreement(olaBody({ effectiveFrom: '2026-06-01' }));
    expect((await admin.call('DELETE', `/api/agreements/${future.id}`)).statusCode).toBe(204);
    expect((await agent.call('GET', `/api/agreements/${future.id}`)).statusCode).toBe(404);

    const current = await createAgreement(olaBody({ effectiveFrom: '2026-03-02' }));
    expect((await admin.call('DELETE', `/api/agreements/${current.id}`)).statusCode).toBe(204);
    const ended = (await agent.call('GET', `/api/agreements/${current.id}`)).json<Agreement>();
    expect(ended).toMatchObject({ effectiveTo: '2026-03-03', version: 2 });
    // Withdrawing it again changes nothing more.
    expect((await admin.call('DELETE', `/api/agreements/${current.id}`)).statusCode).toBe(204);
    expect(await auditActions(current.id)).toEqual([
      { action: 'agreement.created', actorId: analyst.id },
      { action: 'agreement.ended', actorId: admin.id },
    ]);
    expect(await auditActions(future.id)).toEqual([
      { action: 'agreement.created', actorId: analyst.id },
      { action: 'agreement.deleted', actorId: admin.id },
    ]);
  });

  it('keeps a calendar an agreement runs on from being deleted', async () => {
    const calendar = await t.services.calendars.create(null, {
      name: 'Held by an OLA',
      spec: { timeZone: 'UTC', always: true },
    });
    await createAgreement(olaBody({ policy: policy({ calendarId: calendar.id }) }));
    // The calendars module answers 409 CALENDAR_IN_USE for it; here only the refusal itself matters.
    await expect(t.services.calendars.remove(null, calendar.id)).rejects.toThrow();
    expect(await t.services.calendars.get(null, calendar.id)).toMatchObject({ id: calendar.id });
  });

  it('lets staff read but not write, and customers neither (403)', async () => {
    const ola = await createAgreement(olaBody());
    expect((await agent.call('GET', `/api/agreements/${ola.id}`)).statusCode).toBe(200);
    expect((await agent.call('POST', '/api/agreements', olaBody())).statusCode).toBe(403);
    expect((await agent.call('DELETE', `/api/agreements/${ola.id}`)).statusCode).toBe(403);
    for (const [method, url] of [
      ['GET', '/api/agreements'],
      ['GET', `/api/agreements/${ola.id}`],
      ['GET', '/api/vendors'],
    ] as const) {
      const response = await customer.call(method, url);
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain(ola.name);
    }
    const put = await customer.call('PUT', `/api/agreements/${ola.id}`, olaBody(), { 'if-match': '"1"' });
    expect(put.statusCode).toBe(403);
  });
});

describe('applicableAgreements', () => {
  it('finds the agreements of a team or vendor in force on a date whose conditions take the case in', async () => {
    const team = (await t.services.identity.createTeam(null, { name: 'Resolver team' })).id;
    const vendor = await createVendor({ name: 'Resolver vendor' });
    const any = await createAgreement(olaBody({ teamId: team, name: 'Any case' }));
    const cards = await createAgreement(
      olaBody({
        teamId: team,
        name: 'Card incidents',
        policy: policy({
          conditions: { services: ['card_acquiring'], caseTypes: ['incident'], channels: [] },
        }),
      }),
    );
    const ended = await createAgreement(
      olaBody({ teamId: team, name: 'Last year', effectiveFrom: '2025-01-01', effectiveTo: '2026-01-01' }),
    );
    const uc = await createAgreement({
      kind: 'underpinning',
      vendorId: vendor.id,
      name: 'Resolver UC',
      policy: policy({ conditions: { services: [], caseTypes: [], channels: ['phone'] } }),
      effectiveFrom: '2026-03-01',
    });
    await createAgreement(olaBody({ teamId: otherTeamId, name: 'Another team' }));

    const names = async (query: Parameters<typeof applicableAgreements>[1]) =>
      (await applicableAgreements(t.db, query)).map((agreement) => agreement.name);

    expect(
      await names({
        teamId: team,
        onDate: '2026-03-02',
        serviceCode: 'card_acquiring',
        caseType: 'incident',
      }),
    ).toEqual([any.name, cards.name]);
    expect(
      await names({ teamId: team, onDate: '2026-03-02', serviceCode: 'bacs', caseType: 'incident' }),
    ).toEqual([any.name]);
    // In force from effectiveFrom up to, not including, effectiveTo.
    expect(await names({ teamId: team, onDate: '2025-12-31' })).toEqual([ended.name]);
    expect(await names({ teamId: team, onDate: '2026-01-01' })).toEqual([any.name]);
    expect(
      await names({ teamId: team, vendorId: vendor.id, onDate: '2026-03-02', channel: 'phone' }),
    ).toEqual([any.name, uc.name]);
    expect(await names({ vendorId: vendor.id, onDate: '2026-02-28', channel: 'phone' })).toEqual([]);
    const [found] = await applicableAgreements(t.db, {
      vendorId: vendor.id,
      onDate: '2026-03-02',
      channel: 'phone',
    });
    expect(found?.policy).toEqual(uc.policy);
  });
});
