import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@paydesk/shared';
import {
  buildAccount,
  buildContact,
  buildUser,
  createTestApp,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/app.ts';

let t: TestApp;
let admin: Caller;
let manager: Caller;
let agent: Caller;
let customer: Caller;
let customerAccountId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await caller('admin');
  manager = await caller('account_manager', { displayName: 'Amelia Hughes' });
  agent = await caller('agent', { displayName: 'Lucía Hernández' });
  customerAccountId = (await buildAccount(t, { name: 'Customer Own Bank' })).id;
  customer = await caller('customer_admin', { accountId: customerAccountId });
});
afterAll(() => t.close());

interface Caller {
  id: string;
  session: Session;
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
}

async function caller(
  role: Role,
  overrides: { displayName?: string; accountId?: string } = {},
): Promise<Caller> {
  const user = await buildUser(t, { role, ...overrides });
  const session = await signIn(t, user.email);
  return {
    id: user.id,
    session,
    call: (method, url, payload) =>
      t.app.inject({
        method,
        url,
        headers: session.headers,
        ...(payload !== undefined ? { payload: payload as object } : {}),
      }),
  };
}

function auditEntries(action: string, entityId: string) {
  return t.db
    .selectFrom('auditLog')
    .select(['action', 'actorId', 'accountId', 'changes'])
    .where('action', '=', action)
    .where('entityId', '=', entityId)
    .orderBy('seq')
    .execute();
}

async function catalogue() {
  const response = await manager.call('GET', '/api/services');
  return new Map(
    response.json<{ items: { id: string; code: string }[] }>().items.map((s) => [s.code, s.id] as const),
  );
}

describe('accounts', () => {
  it('creates an account with a segment and an owning account manager, shown by name', async () => {
    const response = await manager.call('POST', '/api/accounts', {
      name: 'Severn Bank',
      legalName: 'Severn Bank plc',
      countryCode: 'gb',
      kind: 'bank',
      segment: 'strategic',
      ownerId: manager.id,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: 'Severn Bank',
      countryCode: 'GB',
      kind: 'bank',
      segment: 'strategic',
      owner: { id: manager.id, displayName: 'Amelia Hughes' },
      defaultLanguage: 'en',
      timeZone: 'Europe/London',
    });
    const [entry] = await auditEntries('account.created', response.json().id);
    expect(entry?.changes).toMatchObject({ segment: { from: null, to: 'strategic' } });
  });

  it('changes an account with PATCH and audits only the fields that changed', async () => {
    const account = await buildAccount(t, { name: 'Wye Savings' });
    const response = await manager.call('PATCH', `/api/accounts/${account.id}`, {
      name: 'Wye Savings',
      segment: 'enterprise',
      timeZone: 'Europe/Dublin',
      defaultLanguage: 'pl',
      ownerId: manager.id,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      segment: 'enterprise',
      timeZone: 'Europe/Dublin',
      defaultLanguage: 'pl',
      owner: { id: manager.id },
    });
    const entries = await auditEntries('account.updated', account.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: manager.id, accountId: account.id });
    expect(Object.keys(entries[0]!.changes as object).sort()).toEqual([
      'defaultLanguage',
      'ownerId',
      'segment',
      'timeZone',
    ]);

    const unowned = await manager.call('PATCH', `/api/accounts/${account.id}`, { ownerId: null });
    expect(unowned.json().owner).toBeNull();
    const again = await manager.call('PATCH', `/api/accounts/${account.id}`, { ownerId: null });
    expect(again.statusCode).toBe(200);
    expect(await auditEntries('account.updated', account.id)).toHaveLength(2);
  });

  it.each([
    ['an unknown field', { colour: 'blue' }, 'body'],
    ['a country that is not ISO 3166-1', { countryCode: 'XX' }, 'body/countryCode'],
    ['a reserved country code', { countryCode: 'UK' }, 'body/countryCode'],
    ['a malformed country code', { countryCode: 'GBR' }, 'body/countryCode'],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'body/timeZone'],
    ['an unknown segment', { segment: 'whale' }, 'body/segment'],
    ['a blank name', { name: '   ' }, 'body/name'],
    ['an unknown language', { defaultLanguage: 'fr' }, 'body/defaultLanguage'],
  ])('refuses %s and changes nothing', async (_what, payload, path) => {
    const account = await buildAccount(t);
    const response = await manager.call('PATCH', `/api/accounts/${account.id}`, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().errors[0].path).toBe(path);
    expect((await manager.call('GET', `/api/accounts/${account.id}`)).json()).toMatchObject({
      name: account.name,
      countryCode: 'GB',
      timeZone: 'Europe/London',
    });
    expect(await auditEntries('account.updated', account.id)).toEqual([]);
  });

  it('accepts only an active account manager as owner', async () => {
    const account = await buildAccount(t);
    const nobody = '00000000-0000-4000-8000-000000000000';
    for (const ownerId of [agent.id, customer.id, nobody]) {
      const response = await admin.call('PATCH', `/api/accounts/${account.id}`, { ownerId });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { path: 'body/ownerId', message: 'is not an active account manager' },
      ]);
    }
  });

  it('answers a name another account has (in any case) with ACCOUNT_ALREADY_EXISTS', async () => {
    await buildAccount(t, { name: 'Tamar Trust' });
    const created = await manager.call('POST', '/api/accounts', {
      name: 'TAMAR TRUST',
      legalName: 'Tamar Trust Ltd',
      countryCode: 'GB',
      kind: 'bank',
    });
    expect(created.statusCode).toBe(409);
    expect(created.json()).toMatchObject({ code: 'ACCOUNT_ALREADY_EXISTS', errors: [{ path: 'body/name' }] });
    const other = await buildAccount(t);
    const renamed = await manager.call('PATCH', `/api/accounts/${other.id}`, { name: 'tamar trust' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().code).toBe('ACCOUNT_ALREADY_EXISTS');
  });

  it('lets only admins and account managers change an account; a customer gets 403 on their own, 404 on another', async () => {
    const other = await buildAccount(t);
    expect((await agent.call('PATCH', `/api/accounts/${other.id}`, { segment: 'emerging' })).statusCode).toBe(
      403,
    );
    const own = await customer.call('PATCH', `/api/accounts/${customerAccountId}`, { segment: 'emerging' });
    expect(own.statusCode).toBe(403);
    const foreign = await customer.call('PATCH', `/api/accounts/${other.id}`, { segment: 'emerging' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('shows a customer their account with its owner but without the internal segment', async () => {
    await admin.call('PATCH', `/api/accounts/${customerAccountId}`, {
      segment: 'emerging',
      ownerId: manager.id,
    });
    const own = await customer.call('GET', `/api/accounts/${customerAccountId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).not.toHaveProperty('segment');
    expect(own.json().owner).toEqual({ id: manager.id, displayName: 'Amelia Hughes' });
    const listed = await customer.call('GET', '/api/accounts');
    expect(listed.json().items.map((a: { id: string }) => a.id)).toEqual([customerAccountId]);
    expect(listed.json().items[0]).not.toHaveProperty('segment');
    // Filtering by segment would reveal it too.
    expect((await customer.call('GET', '/api/accounts?segment=emerging')).statusCode).toBe(403);
    expect((await agent.call('GET', `/api/accounts/${customerAccountId}`)).json().segment).toBe('emerging');
  });
});

describe('account search and filters', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const services = await catalogue();
    const make = async (name: string, legalName: string, extra: Record<string, unknown>) => {
      const response = await admin.call('POST', '/api/accounts', { name, legalName, ...extra });
      if (response.statusCode !== 201) throw new Error(response.body);
      return response.json<{ id: string }>().id;
    };
    ids = {
      alpha: await make('Qx Alpha Bank', 'Alpha Holdings plc', {
        countryCode: 'GB',
        kind: 'bank',
        segment: 'strategic',
        ownerId: manager.id,
      }),
      bravo: await make('Qx Bravo Pay', 'Bravo Pagos S.A. de C.V.', { countryCode: 'MX', kind: 'psp' }),
      charlie: await make('Qx Charlie Water', 'Agua Charlie', {
        countryCode: 'MX',
        kind: 'biller',
        segment: 'emerging',
      }),
      delta: await make('Qx Delta Acquiring', 'Delta 收单', { countryCode: 'CN', kind: 'acquirer' }),
      echo: await make('Qx Echo 100% Bank', 'Echo plc', {
        countryCode: 'GB',
        kind: 'bank',
        ownerId: manager.id,
      }),
    };
    await admin.call('POST', `/api/accounts/${ids.bravo}/services`, {
      serviceId: services.get('bill_payments'),
      startedOn: '2024-01-01',
    });
    await admin.call('POST', `/api/accounts/${ids.charlie}/services`, {
      serviceId: services.get('bill_payments'),
      startedOn: '2024-06-01',
    });
    await admin.call('POST', `/api/accounts/${ids.alpha}/services`, {
      serviceId: services.get('faster_payments'),
      startedOn: '2020-01-01',
    });
  });

  async function names(query: string) {
    const response = await agent.call('GET', `/api/accounts?${query}`);
    expect(response.statusCode).toBe(200);
    return response.json<{ items: { name: string }[] }>().items.map((a) => a.name);
  }

  it('finds accounts by part of the name or of the legal name, case-insensitively', async () => {
    expect(await names('search=qx%20b')).toEqual(['Qx Bravo Pay']);
    expect(await names('search=PAGOS')).toEqual(['Qx Bravo Pay']);
    expect(await names(`search=${encodeURIComponent('收单')}`)).toEqual(['Qx Delta Acquiring']);
  });

  it('treats % and _ in a search as plain characters', async () => {
    expect(await names('search=100%25')).toEqual(['Qx Echo 100% Bank']);
    expect(await names('search=Qx_')).toEqual([]);
  });

  it('filters by country, kind, segment, owner and subscribed service, together', async () => {
    const services = await catalogue();
    expect(await names('search=Qx&countryCode=mx')).toEqual(['Qx Bravo Pay', 'Qx Charlie Water']);
    expect(await names('search=Qx&kind=bank')).toEqual(['Qx Alpha Bank', 'Qx Echo 100% Bank']);
    expect(await names('search=Qx&segment=emerging')).toEqual(['Qx Charlie Water']);
    expect(await names(`search=Qx&ownerId=${manager.id}`)).toEqual(['Qx Alpha Bank', 'Qx Echo 100% Bank']);
    expect(await names(`search=Qx&serviceId=${services.get('bill_payments')}`)).toEqual([
      'Qx Bravo Pay',
      'Qx Charlie Water',
    ]);
    expect(await names(`serviceId=${services.get('bill_payments')}&kind=psp&countryCode=MX`)).toEqual([
      'Qx Bravo Pay',
    ]);
  });

  it('refuses a filter that is not one, instead of ignoring it', async () => {
    for (const query of ['colour=red', 'kind=casino', 'countryCode=MEX', 'ownerId=me', 'limit=0']) {
      const response = await agent.call('GET', `/api/accounts?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('pages through the results with a cursor, each account once, in name order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `search=Qx&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await agent.call('GET', `/api/accounts?${query}`)).json<{
        items: { name: string }[];
        nextCursor: string | null;
      }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'Qx Alpha Bank',
      'Qx Bravo Pay',
      'Qx Charlie Water',
      'Qx Delta Acquiring',
      'Qx Echo 100% Bank',
    ]);
    const bad = await agent.call('GET', '/api/accounts?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('PAGINATION_CURSOR_INVALID');
  });
});

describe('contacts', () => {
  it('adds a contact with several roles, a normalised e-mail and phone, and audits it', async () => {
    const account = await buildAccount(t);
    const response = await manager.call('POST', `/api/accounts/${account.id}/contacts`, {
      name: ' Hannah Clarke ',
      jobTitle: 'Head of Payments Operations',
      email: 'Hannah.Clarke@Northbank.TEST',
      phone: '+44 (20) 7946-0000',
      language: 'en',
      roles: ['escalation', 'primary'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      accountId: account.id,
      name: 'Hannah Clarke',
      email: 'hannah.clarke@northbank.test',
      phone: '+442079460000',
      roles: ['primary', 'escalation'],
    });
    const [entry] = await auditEntries('contact.created', response.json().id);
    expect(entry).toMatchObject({ actorId: manager.id, accountId: account.id });
  });

  it('lists, filters by role, reads, changes and removes contacts', async () => {
    const account = await buildAccount(t);
    const ops = await buildContact(t, account.id, { name: 'Bea Ops', roles: ['technical'] });
    await buildContact(t, account.id, { name: 'Abe Money', roles: ['billing', 'primary'] });
    const base = `/api/accounts/${account.id}/contacts`;

    const all = (await agent.call('GET', base)).json();
    expect(all.items.map((c: { name: string }) => c.name)).toEqual(['Abe Money', 'Bea Ops']);
    const billing = (await agent.call('GET', `${base}?role=billing`)).json();
    expect(billing.items.map((c: { name: string }) => c.name)).toEqual(['Abe Money']);
    expect((await agent.call('GET', `${base}/${ops.id}`)).json().name).toBe('Bea Ops');

    const reordered = await manager.call('PATCH', `${base}/${ops.id}`, { roles: ['technical'] });
    expect(reordered.statusCode).toBe(200);
    expect(await auditEntries('contact.updated', ops.id)).toEqual([]);
    const changed = await manager.call('PATCH', `${base}/${ops.id}`, {
      roles: ['technical', 'escalation'],
      phone: null,
      language: 'zh-CN',
    });
    expect(changed.json()).toMatchObject({
      roles: ['technical', 'escalation'],
      phone: null,
      language: 'zh-CN',
    });
    const [update] = await auditEntries('contact.updated', ops.id);
    expect(update?.changes).toMatchObject({
      roles: { from: ['technical'], to: ['technical', 'escalation'] },
    });

    expect((await manager.call('DELETE', `${base}/${ops.id}`)).statusCode).toBe(204);
    const gone = await agent.call('GET', `${base}/${ops.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('CONTACT_NOT_FOUND');
    const [deletion] = await auditEntries('contact.deleted', ops.id);
    expect(deletion?.changes).toMatchObject({ name: { from: 'Bea Ops', to: null } });
    expect((await manager.call('DELETE', `${base}/${ops.id}`)).statusCode).toBe(404);
  });

  it('pages through contacts', async () => {
    const account = await buildAccount(t);
    for (const name of ['C', 'A', 'E', 'B', 'D']) await buildContact(t, account.id, { name });
    const first = (await agent.call('GET', `/api/accounts/${account.id}/contacts?limit=3`)).json();
    const second = (
      await agent.call('GET', `/api/accounts/${account.id}/contacts?limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect([...first.items, ...second.items].map((c: { name: string }) => c.name)).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('keeps e-mail addresses unique within an account, not across accounts', async () => {
    const account = await buildAccount(t);
    const other = await buildAccount(t);
    await buildContact(t, account.id, { email: 'ops@severn.test' });
    const duplicate = await manager.call('POST', `/api/accounts/${account.id}/contacts`, {
      name: 'Someone Else',
      email: 'OPS@severn.test',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'CONTACT_ALREADY_EXISTS',
      errors: [{ path: 'body/email' }],
    });
    const second = await buildContact(t, account.id, { email: 'second@severn.test' });
    const renamed = await manager.call('PATCH', `/api/accounts/${account.id}/contacts/${second.id}`, {
      email: 'ops@severn.test',
    });
    expect(renamed.statusCode).toBe(409);
    const elsewhere = await manager.call('POST', `/api/accounts/${other.id}/contacts`, {
      name: 'Same Address',
      email: 'ops@severn.test',
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it.each([
    ['an unknown field', { name: 'X', email: 'x@y.test', twitter: '@x' }, 'body'],
    ['a malformed e-mail', { name: 'X', email: 'not-an-address' }, 'body/email'],
    ['a national phone number', { name: 'X', email: 'x@y.test', phone: '020 7946 0000' }, 'body/phone'],
    ['a phone number too short', { name: 'X', email: 'x@y.test', phone: '+44 12' }, 'body/phone'],
    ['an unknown role', { name: 'X', email: 'x@y.test', roles: ['ceo'] }, 'body/roles/0'],
    ['a role twice', { name: 'X', email: 'x@y.test', roles: ['primary', 'primary'] }, 'body/roles'],
    ['an unknown language', { name: 'X', email: 'x@y.test', language: 'de' }, 'body/language'],
    ['no name', { email: 'x@y.test' }, 'body'],
  ])('refuses a contact with %s', async (_what, payload, path) => {
    const account = await buildAccount(t);
    const response = await manager.call('POST', `/api/accounts/${account.id}/contacts`, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe(path);
    expect((await agent.call('GET', `/api/accounts/${account.id}/contacts`)).json().items).toEqual([]);
  });

  it('lets a customer read their own contacts but not change them, and not see another account', async () => {
    const contact = await buildContact(t, customerAccountId, { name: 'Own Contact' });
    const own = await customer.call('GET', `/api/accounts/${customerAccountId}/contacts`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((c: { id: string }) => c.id)).toContain(contact.id);
    expect(
      (await customer.call('GET', `/api/accounts/${customerAccountId}/contacts/${contact.id}`)).statusCode,
    ).toBe(200);
    const add = await customer.call('POST', `/api/accounts/${customerAccountId}/contacts`, {
      name: 'X',
      email: 'x@own.test',
    });
    expect(add.statusCode).toBe(403);
    expect(
      (
        await agent.call('POST', `/api/accounts/${customerAccountId}/contacts`, {
          name: 'X',
          email: 'x@own.test',
        })
      ).statusCode,
    ).toBe(403);

    const other = await buildAccount(t);
    const foreign = await buildContact(t, other.id);
    expect((await customer.call('GET', `/api/accounts/${other.id}/contacts`)).statusCode).toBe(404);
    expect(
      (await customer.call('GET', `/api/accounts/${customerAccountId}/contacts/${foreign.id}`)).statusCode,
    ).toBe(404);
  });

  it("does not find one account's contact under another account's path", async () => {
    const account = await buildAccount(t);
    const other = await buildAccount(t);
    const contact = await buildContact(t, account.id);
    const response = await manager.call('PATCH', `/api/accounts/${other.id}/contacts/${contact.id}`, {
      name: 'Moved',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('CONTACT_NOT_FOUND');
  });
});

describe('service catalogue and subscriptions', () => {
  it('comes with the network services', async () => {
    expect([...(await catalogue()).keys()].sort()).toEqual([
      'bacs_direct_credit',
      'bacs_direct_debit',
      'bill_payments',
      'card_acquiring',
      'card_issuing_processing',
      'faster_payments',
      'link_atm',
      'open_banking_api',
    ]);
  });

  it('lets admins and account managers add, rename and retire services', async () => {
    const created = await manager.call('POST', '/api/services', {
      code: 'request_to_pay',
      name: 'Request to Pay',
      description: 'Payee-initiated payment requests',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ code: 'request_to_pay', isActive: true });

    const retired = await admin.call('PATCH', `/api/services/${id}`, {
      name: 'Request to Pay (pilot)',
      isActive: false,
    });
    expect(retired.json()).toMatchObject({ name: 'Request to Pay (pilot)', isActive: false });
    expect((await catalogue()).has('request_to_pay')).toBe(false);
    const everything = await agent.call('GET', '/api/services?includeRetired=true');
    expect(everything.json().items.map((s: { code: string }) => s.code)).toContain('request_to_pay');
    expect((await auditEntries('service.updated', id))[0]?.changes).toMatchObject({
      isActive: { from: true, to: false },
    });

    expect((await agent.call('POST', '/api/services', { code: 'x_y', name: 'X' })).statusCode).toBe(403);
    expect((await customer.call('PATCH', `/api/services/${id}`, { isActive: true })).statusCode).toBe(403);
    expect((await admin.call('PATCH', `/api/services/${id}`, { code: 'renamed' })).statusCode).toBe(400);
  });

  it('refuses a second service with the same code or name', async () => {
    const code = await manager.call('POST', '/api/services', { code: 'faster_payments', name: 'FPS 2' });
    expect(code.statusCode).toBe(409);
    expect(code.json()).toMatchObject({ code: 'SERVICE_ALREADY_EXISTS', errors: [{ path: 'body/code' }] });
    const name = await manager.call('POST', '/api/services', { code: 'fps_two', name: 'faster payments' });
    expect(name.statusCode).toBe(409);
    expect(name.json().errors[0].path).toBe('body/name');
    expect((await manager.call('POST', '/api/services', { code: 'Bad Code', name: 'Bad' })).statusCode).toBe(
      400,
    );
  });

  it('subscribes an account to services from a start date and ends a subscription', async () => {
    const services = await catalogue();
    const account = await buildAccount(t);
    const base = `/api/accounts/${account.id}/services`;
    const fps = services.get('faster_payments')!;
    const added = await manager.call('POST', base, { serviceId: fps, startedOn: '2024-04-01' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      accountId: account.id,
      service: { id: fps, code: 'faster_payments', name: 'Faster Payments' },
      startedOn: '2024-04-01',
    });
    await manager.call('POST', base, {
      serviceId: services.get('bacs_direct_debit'),
      startedOn: '2019-11-30',
    });
    const listed = (await agent.call('GET', base)).json().items;
    expect(
      listed.map((s: { service: { code: string }; startedOn: string }) => [s.service.code, s.startedOn]),
    ).toEqual([
      ['bacs_direct_debit', '2019-11-30'],
      ['faster_payments', '2024-04-01'],
    ]);
    const [entry] = await auditEntries('account.service_added', account.id);
    expect(entry?.changes).toEqual({ service: 'faster_payments', startedOn: '2024-04-01' });

    const twice = await manager.call('POST', base, { serviceId: fps, startedOn: '2025-01-01' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('SUBSCRIPTION_ALREADY_EXISTS');

    expect((await manager.call('DELETE', `${base}/${fps}`)).statusCode).toBe(204);
    const again = await manager.call('DELETE', `${base}/${fps}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('SUBSCRIPTION_NOT_FOUND');
    expect((await auditEntries('account.service_removed', account.id))[0]?.changes).toEqual({
      service: 'faster_payments',
      startedOn: '2024-04-01',
    });
  });

  it('refuses an unknown or retired service and an impossible date', async () => {
    const account = await buildAccount(t);
    const base = `/api/accounts/${account.id}/services`;
    const unknown = await manager.call('POST', base, {
      serviceId: '00000000-0000-4000-8000-000000000000',
      startedOn: '2024-01-01',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('SERVICE_NOT_FOUND');
    const retired = (
      await manager.call('POST', '/api/services', { code: 'cheques', name: 'Cheque imaging' })
    ).json();
    await manager.call('PATCH', `/api/services/${retired.id}`, { isActive: false });
    const toRetired = await manager.call('POST', base, { serviceId: retired.id, startedOn: '2024-01-01' });
    expect(toRetired.statusCode).toBe(400);
    expect(toRetired.json().errors[0].path).toBe('body/serviceId');
    const fps = (await catalogue()).get('faster_payments');
    for (const startedOn of ['2026-02-30', '01/04/2024', '2024-04-01T00:00:00Z']) {
      const response = await manager.call('POST', base, { serviceId: fps, startedOn });
      expect(response.statusCode, startedOn).toBe(400);
    }
    expect((await agent.call('GET', base)).json().items).toEqual([]);
  });

  it("lets a customer read their own account's services, not change them, and not see another's", async () => {
    const fps = (await catalogue()).get('faster_payments');
    const other = await buildAccount(t);
    await manager.call('POST', `/api/accounts/${other.id}/services`, {
      serviceId: fps,
      startedOn: '2024-01-01',
    });
    expect((await customer.call('GET', `/api/accounts/${customerAccountId}/services`)).statusCode).toBe(200);
    expect(
      (
        await customer.call('POST', `/api/accounts/${customerAccountId}/services`, {
          serviceId: fps,
          startedOn: '2024-01-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await customer.call('GET', `/api/accounts/${other.id}/services`)).statusCode).toBe(404);
    expect((await agent.call('DELETE', `/api/accounts/${other.id}/services/${fps}`)).statusCode).toBe(403);
  });
});

describe('relationship notes', () => {
  it('are written by staff, listed newest first with their author, and edited only by the author', async () => {
    const account = await buildAccount(t);
    const base = `/api/accounts/${account.id}/notes`;
    const first = await agent.call('POST', base, { body: 'Called about the Bacs file delays' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ author: { id: agent.id, displayName: 'Lucía Hernández' } });
    t.clock.advance(60_000);
    await manager.call('POST', base, { body: 'QBR booked for June' });
    const listed = (await admin.call('GET', base)).json();
    expect(listed.items.map((n: { body: string }) => n.body)).toEqual([
      'QBR booked for June',
      'Called about the Bacs file delays',
    ]);

    const edited = await agent.call('PATCH', `${base}/${first.json().id}`, {
      body: 'Called about the Bacs file delay (one file)',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().body).toBe('Called about the Bacs file delay (one file)');
    const [entry] = await auditEntries('account_note.updated', first.json().id);
    expect(entry?.changes).toEqual({
      body: { from: 'Called about the Bacs file delays', to: 'Called about the Bacs file delay (one file)' },
    });
    const notAuthor = await manager.call('PATCH', `${base}/${first.json().id}`, { body: 'Rewritten' });
    expect(notAuthor.statusCode).toBe(403);
    const missing = await agent.call('PATCH', `${base}/00000000-0000-4000-8000-000000000000`, { body: 'X' });
    expect(missing.json().code).toBe('ACCOUNT_NOTE_NOT_FOUND');
  });

  it('pages newest first', async () => {
    const account = await buildAccount(t);
    const base = `/api/accounts/${account.id}/notes`;
    for (const body of ['one', 'two', 'three']) {
      await agent.call('POST', base, { body });
      t.clock.advance(1000);
    }
    const first = (await agent.call('GET', `${base}?limit=2`)).json();
    const second = (await agent.call('GET', `${base}?limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((n: { body: string }) => n.body)).toEqual([
      'three',
      'two',
      'one',
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a blank note or an unknown field', async () => {
    const account = await buildAccount(t);
    for (const payload of [{ body: ' \n ' }, { body: 'x', pinned: true }, {}]) {
      expect((await agent.call('POST', `/api/accounts/${account.id}/notes`, payload)).statusCode).toBe(400);
    }
  });

  it('are internal: 403 for a customer on their own account, 404 on another', async () => {
    const other = await buildAccount(t);
    const own = `/api/accounts/${customerAccountId}/notes`;
    expect((await customer.call('GET', own)).statusCode).toBe(403);
    expect((await customer.call('POST', own, { body: 'Hello' })).statusCode).toBe(403);
    const foreign = await customer.call('GET', `/api/accounts/${other.id}/notes`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('ACCOUNT_NOT_FOUND');
  });
});

describe('opportunities', () => {
  it('are raised by staff with an exact value and worked by account managers', async () => {
    const account = await buildAccount(t);
    const base = `/api/accounts/${account.id}/opportunities`;
    const raised = await agent.call('POST', base, {
      title: 'Open-banking API for SME customers',
      description: 'Their ops lead asked twice on calls',
      raisedTo: 'product_manager',
      value: { amountMinor: '1250000', currency: 'gbp' },
    });
    expect(raised.statusCode).toBe(201);
    const opportunity = raised.json();
    expect(opportunity).toMatchObject({
      status: 'open',
      raisedTo: 'product_manager',
      value: { amountMinor: '1250000', currency: 'GBP' },
      raisedBy: { id: agent.id, displayName: 'Lucía Hernández' },
      owner: null,
      nextStep: '',
    });

    const worked = await manager.call('PATCH', `${base}/${opportunity.id}`, {
      status: 'in_progress',
      nextStep: 'Demo to their product team on 12 March',
      ownerId: manager.id,
      value: { amountMinor: '1500000', currency: 'GBP' },
    });
    expect(worked.statusCode).toBe(200);
    expect(worked.json()).toMatchObject({
      status: 'in_progress',
      owner: { id: manager.id },
      value: { amountMinor: '1500000', currency: 'GBP' },
    });
    const [entry] = await auditEntries('opportunity.updated', opportunity.id);
    expect(entry?.changes).toMatchObject({
      status: { from: 'open', to: 'in_progress' },
      valueMinor: { from: '1250000', to: '1500000' },
    });
    expect(entry?.changes).not.toHaveProperty('valueCurrency');

    const cleared = await manager.call('PATCH', `${base}/${opportunity.id}`, {
      value: null,
      status: 'parked',
    });
    expect(cleared.json()).toMatchObject({ value: null, status: 'parked' });
    expect((await agent.call('PATCH', `${base}/${opportunity.id}`, { status: 'won' })).statusCode).toBe(403);
    expect((await agent.call('GET', `${base}/${opportunity.id}`)).json().status).toBe('parked');
  });

  it('keeps the largest bigint amount exact', async () => {
    const account = await buildAccount(t);
    const response = await manager.call('POST', `/api/accounts/${account.id}/opportunities`, {
      title: 'Huge',
      raisedTo: 'account_manager',
      value: { amountMinor: '9223372036854775807', currency: 'JPY' },
    });
    expect(response.statusCode).toBe(201);
    const read = await agent.call('GET', `/api/accounts/${account.id}/opportunities/${response.json().id}`);
    expect(read.json().value).toEqual({ amountMinor: '9223372036854775807', currency: 'JPY' });
    expect(read.body).toContain('"amountMinor":"9223372036854775807"');
  });

  it.each([
    ['a JSON number', { amountMinor: 1250, currency: 'GBP' }, 'body/value/amountMinor'],
    ['a decimal amount', { amountMinor: '12.50', currency: 'GBP' }, 'body/value/amountMinor'],
    ['a negative amount', { amountMinor: '-100', currency: 'GBP' }, 'body/value/amountMinor'],
    ['an exponent', { amountMinor: '1e5', currency: 'GBP' }, 'body/value/amountMinor'],
    ['leading zeros', { amountMinor: '007', currency: 'GBP' }, 'body/value/amountMinor'],
    [
      'an amount past the bigint range',
      { amountMinor: '9223372036854775808', currency: 'GBP' },
      'body/value/amountMinor',
    ],
    ['twenty digits', { amountMinor: '10000000000000000000', currency: 'GBP' }, 'body/value/amountMinor'],
    ['an unknown currency', { amountMinor: '100', currency: 'XYZ' }, 'body/value/currency'],
    ['a withdrawn currency', { amountMinor: '100', currency: 'HRK' }, 'body/value/currency'],
    ['a currency symbol', { amountMinor: '100', currency: '£' }, 'body/value/currency'],
    ['no currency', { amountMinor: '100' }, 'body/value'],
    ['an unknown money field', { amountMinor: '100', currency: 'GBP', decimals: 2 }, 'body/value'],
  ])('refuses a value with %s and stores nothing', async (_what, value, path) => {
    const account = await buildAccount(t);
    const base = `/api/accounts/${account.id}/opportunities`;
    const response = await manager.call('POST', base, { title: 'Deal', raisedTo: 'account_manager', value });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().errors[0].path).toBe(path);
    expect((await manager.call('GET', base)).json().items).toEqual([]);
  });

  it('refuses a JSON number past 2^53 rather than store it rounded', async () => {
    const account = await buildAccount(t);
    const base = `/api/accounts/${account.id}/opportunities`;
    const response = await t.app.inject({
      method: 'POST',
      url: base,
      headers: { ...manager.session.headers, 'content-type': 'application/json' },
      payload:
        '{"title":"Deal","raisedTo":"account_manager","value":{"amountMinor":9007199254740993,"currency":"GBP"}}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'body/value/amountMinor', message: 'must be a string of integer minor units' },
    ]);
    expect((await manager.call('GET', base)).json().items).toEqual([]);
  });

  it('refuses an unknown status, audience or field, and a customer as owner', async () => {
    const account = await buildAccount(t);
    const base = `/api/accounts/${account.id}/opportunities`;
    for (const payload of [
      { title: 'Deal', raisedTo: 'account_manager', status: 'closed' },
      { title: 'Deal', raisedTo: 'sales' },
      { title: 'Deal', raisedTo: 'account_manager', probability: 0.5 },
      { title: 'Deal', raisedTo: 'account_manager', ownerId: customer.id },
    ]) {
      expect((await manager.call('POST', base, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('filters by status and pages newest first', async () => {
    const account = await buildAccount(t);
    const base = `/api/accounts/${account.id}/opportunities`;
    for (const [title, status] of [
      ['A', 'open'],
      ['B', 'won'],
      ['C', 'open'],
    ] as const) {
      await manager.call('POST', base, { title, status, raisedTo: 'account_manager' });
      t.clock.advance(1000);
    }
    const open = (await agent.call('GET', `${base}?status=open`)).json();
    expect(open.items.map((o: { title: string }) => o.title)).toEqual(['C', 'A']);
    const first = (await agent.call('GET', `${base}?limit=2`)).json();
    const second = (await agent.call('GET', `${base}?limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((o: { title: string }) => o.title)).toEqual(['C', 'B', 'A']);
  });

  it('are internal: 403 for a customer on their own account, 404 on another', async () => {
    const other = await buildAccount(t);
    const own = `/api/accounts/${customerAccountId}/opportunities`;
    expect((await customer.call('GET', own)).statusCode).toBe(403);
    expect((await customer.call('POST', own, { title: 'X', raisedTo: 'account_manager' })).statusCode).toBe(
      403,
    );
    expect((await customer.call('GET', `/api/accounts/${other.id}/opportunities`)).statusCode).toBe(404);
  });
});
