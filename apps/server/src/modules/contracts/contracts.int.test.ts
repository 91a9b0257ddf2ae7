import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, createTestApp, signedInAs, type Caller, type TestApp } from '../../../test/app.ts';
import { defaultContractTerms, type ContractTerms } from '../contract-terms/index.ts';
import { withModuleTables } from '../../platform/db/index.ts';
import type { ContractTables } from './index.ts';

let t: TestApp;
let manager: Caller;
let otherManager: Caller;
let analyst: Caller;
let agent: Caller;
let customer: Caller;
let accountId: string;
let calendarId: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await signedInAs(t, 'account_manager');
  otherManager = await signedInAs(t, 'account_manager');
  analyst = await signedInAs(t, 'service_level_analyst');
  agent = await signedInAs(t, 'agent');
  accountId = (await buildAccount(t, { timeZone: 'Europe/London' })).id;
  customer = await signedInAs(t, 'customer_admin', { accountId });
  const calendar = await analyst.call('POST', '/api/calendars', {
    name: 'UK office hours',
    spec: { timeZone: 'Europe/London', week: { mon: [['09:00', '17:30']], tue: [['09:00', '17:30']] } },
  });
  expect(calendar.statusCode, calendar.body).toBe(201);
  calendarId = calendar.json<{ id: string }>().id;
});
afterAll(() => t.close());

interface Contract {
  id: string;
  reference: string;
  status: string;
  revision: number;
  latestVersion: number;
  allowedActions: string[];
  endDate: string | null;
  versionInForce: number | null;
  effectiveFrom: string;
  terms: ContractTerms;
  owner: { id: string } | null;
}

let sequence = 0;
function termsFor(overrides: Partial<ContractTerms> = {}): ContractTerms {
  const terms = defaultContractTerms({
    title: 'Faster Payments support',
    startDate: '2026-01-01',
    currency: 'GBP',
  });
  return {
    ...terms,
    endDate: '2026-12-31',
    autoRenew: false,
    monthlyFee: { amountMinor: '1200000', currency: 'GBP' },
    services: ['faster_payments'],
    ...overrides,
  };
}

async function draft(terms = termsFor()) {
  const response = await manager.call('POST', `/api/accounts/${accountId}/contracts`, {
    reference: `MSA-2026-${++sequence}`,
    terms,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Contract>();
}

function write(
  who: Caller,
  contract: { id: string; revision: number },
  path: string,
  payload: unknown,
  method: 'POST' | 'PUT' = 'POST',
) {
  return who.call(method, `/api/contracts/${contract.id}${path}`, payload, {
    'if-match': `"${contract.revision}"`,
  });
}

async function active(terms = termsFor()) {
  const created = await draft(terms);
  const response = await write(manager, created, '/transitions', { action: 'activate' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Contract>();
}

const contractTables = () => withModuleTables<ContractTables>(t.db);
function contractRows() {
  return contractTables().selectFrom('contracts').selectAll().orderBy('id').execute();
}
function versionRows() {
  return contractTables()
    .selectFrom('contractVersions')
    .selectAll()
    .orderBy('contractId')
    .orderBy('version')
    .execute();
}

describe('drafting a contract', () => {
  it('creates a draft with its first version, owned by its author, and hides it from the customer', async () => {
    const contract = await draft();
    expect(contract).toMatchObject({
      status: 'draft',
      latestVersion: 1,
      revision: 1,
      allowedActions: ['activate'],
      versionInForce: null,
      effectiveFrom: '2026-01-01',
      owner: { id: manager.id },
    });
    expect((await customer.call('GET', `/api/contracts/${contract.id}`)).statusCode).toBe(404);
    const list = await customer.call('GET', `/api/contracts?accountId=${accountId}`);
    expect(list.json<{ items: Contract[] }>().items.map((c) => c.id)).not.toContain(contract.id);
  });

  it('refuses invalid terms with every problem and a path, and stores nothing', async () => {
    const before = await contractRows();
    const terms = termsFor({ services: ['no_such_service'] });
    terms.sla.policies[0]!.calendarId = '00000000-0000-4000-8000-000000000000';
    terms.sla.policies[0]!.warningThresholds = [90, 50];
    const response = await manager.call('POST', `/api/accounts/${accountId}/contracts`, {
      reference: 'BAD-1',
      terms,
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json<{ code: string; errors: { path: string }[] }>();
    expect(problem.code).toBe('CONTRACT_TERMS_INVALID');
    expect(problem.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'body/terms/services/0',
        'body/terms/sla/policies/0/calendarId',
        expect.stringMatching(/^body\/terms\/sla\/policies\/0\/warningThresholds/),
      ]),
    );
    expect(await contractRows()).toEqual(before);
  });

  it('refuses a taken reference, an unknown account and a customer owner', async () => {
    const existing = await draft();
    const taken = await manager.call('POST', `/api/accounts/${accountId}/contracts`, {
      reference: existing.reference.toLowerCase(),
      terms: termsFor(),
    });
    expect(taken.json()).toMatchObject({ status: 409, code: 'CONTRACT_ALREADY_EXISTS' });
    const unknown = await manager.call(
      'POST',
      '/api/accounts/00000000-0000-4000-8000-000000000000/contracts',
      {
        reference: 'NEW-1',
        terms: termsFor(),
      },
    );
    expect(unknown.json()).toMatchObject({ status: 404, code: 'ACCOUNT_NOT_FOUND' });
    const customerOwner = await manager.call('POST', `/api/accounts/${accountId}/contracts`, {
      reference: 'NEW-2',
      ownerId: customer.id,
      terms: termsFor(),
    });
    expect(customerOwner.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('rewrites a draft only with the revision it read', async () => {
    const contract = await draft();
    const body = {
      reference: contract.reference,
      ownerId: analyst.id,
      terms: termsFor({ title: 'Renamed' }),
    };
    const missing = await manager.call('PUT', `/api/contracts/${contract.id}/draft`, body);
    expect(missing.json()).toMatchObject({ status: 428, code: 'PRECONDITION_REQUIRED' });
    const updated = await write(manager, contract, '/draft', body, 'PUT');
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json<Contract>()).toMatchObject({
      owner: { id: analyst.id },
      terms: { title: 'Renamed' },
    });
    const stale = await write(manager, contract, '/draft', body, 'PUT');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONTRACT_VERSION_CONFLICT', current: { revision: 2 } });
  });

  it('lets only contract managers write, and agents read', async () => {
    const contract = await draft();
    expect((await agent.call('GET', `/api/contracts/${contract.id}`)).statusCode).toBe(200);
    const denied = await write(agent, contract, '/transitions', { action: 'activate' });
    expect(denied.json()).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
  });

  it('discards a draft but never a contract once active', async () => {
    const contract = await draft();
    expect((await manager.call('DELETE', `/api/contracts/${contract.id}`)).statusCode).toBe(204);
    expect((await manager.call('GET', `/api/contracts/${contract.id}`)).statusCode).toBe(404);
    const live = await active();
    const refused = await manager.call('DELETE', `/api/contracts/${live.id}`);
    expect(refused.json()).toMatchObject({ status: 409, code: 'CONTRACT_TRANSITION_FORBIDDEN' });
  });
});

describe('the lifecycle', () => {
  it('activates a draft, which the customer then sees in force', async () => {
    const contract = await active();
    expect(contract).toMatchObject({ status: 'active', versionInForce: 1 });
    expect(contract.allowedActions).toEqual(
      expect.arrayContaining(['amend', 'renew', 'expire', 'terminate']),
    );
    const seen = await customer.call('GET', `/api/contracts/${contract.id}`);
    expect(seen.json<Contract>()).toMatchObject({ id: contract.id, status: 'active' });
  });

  it('refuses a transition the lifecycle forbids, changing nothing', async () => {
    const contract = await active();
    const before = await contractRows();
    const again = await write(manager, contract, '/transitions', { action: 'activate' });
    expect(again.json()).toMatchObject({ status: 409, code: 'CONTRACT_TRANSITION_FORBIDDEN' });
    const edit = await write(
      manager,
      contract,
      '/draft',
      { reference: contract.reference, ownerId: null, terms: termsFor() },
      'PUT',
    );
    expect(edit.json()).toMatchObject({ status: 409, code: 'CONTRACT_TRANSITION_FORBIDDEN' });
    expect(await contractRows()).toEqual(before);
  });

  it('terminates with a reason, and nothing follows a termination', async () => {
    const contract = await active();
    const noReason = await write(manager, contract, '/transitions', { action: 'terminate' });
    expect(noReason.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const ended = await write(manager, contract, '/transitions', {
      action: 'terminate',
      reason: 'Customer left',
    });
    expect(ended.json<Contract>()).toMatchObject({ status: 'terminated', allowedActions: [] });
    const amend = await write(manager, ended.json<Contract>(), '/amendments', {
      effectiveFrom: '2026-06-01',
      summary: 'Too late',
      terms: termsFor(),
    });
    expect(amend.json()).toMatchObject({ status: 409, code: 'CONTRACT_TRANSITION_FORBIDDEN' });
  });
});

describe('amendments and renewals', () => {
  it('adds an immutable version with a readable diff against the previous one', async () => {
    const contract = await active();
    const terms = termsFor({ monthlyFee: { amountMinor: '1350000', currency: 'GBP' } });
    terms.sla.policies[0]!.targets.P1.resolution = 120;
    terms.sla.policies[0]!.calendarId = calendarId;
    const amended = await write(manager, contract, '/amendments', {
      effectiveFrom: '2026-04-01',
      summary: 'Faster P1 resolution for a higher fee',
      terms,
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json<Contract>()).toMatchObject({
      status: 'amended',
      latestVersion: 2,
      effectiveFrom: '2026-04-01',
      // The clock says 2 March: version 1 is still the one in force.
      versionInForce: 1,
      calendars: [{ id: calendarId, name: 'UK office hours' }],
    });
    const diff = await manager.call('GET', `/api/contracts/${contract.id}/versions/2/diff`);
    const changes = diff.json<{ from: number; changes: { path: string; before: string; after: string }[] }>();
    expect(changes.from).toBe(1);
    expect(changes.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'monthlyFee', before: '12,000.00 GBP', after: '13,500.00 GBP' }),
        expect.objectContaining({
          path: 'sla.policies[Standard].targets.P1.resolution',
          before: '4 h',
          after: '2 h',
        }),
      ]),
    );
    const versions = await customer.call('GET', `/api/contracts/${contract.id}/versions`);
    expect(versions.json<{ items: { version: number; kind: string }[] }>().items).toMatchObject([
      { version: 1, kind: 'original' },
      { version: 2, kind: 'amendment' },
    ]);
    const v1 = await manager.call('GET', `/api/contracts/${contract.id}/versions/1`);
    expect(v1.json<{ terms: ContractTerms }>().terms.monthlyFee.amountMinor).toBe('1200000');
  });

  it('refuses an amendment effective before the current version, changing nothing', async () => {
    const contract = await active();
    const amended = (
      await write(manager, contract, '/amendments', {
        effectiveFrom: '2026-05-01',
        summary: 'May',
        terms: termsFor(),
      })
    ).json<Contract>();
    const before = await versionRows();
    const earlier = await write(manager, amended, '/amendments', {
      effectiveFrom: '2026-04-30',
      summary: 'Backdated',
      terms: termsFor(),
    });
    expect(earlier.statusCode).toBe(422);
    expect(earlier.json()).toMatchObject({
      code: 'CONTRACT_EFFECTIVE_DATE_INVALID',
      errors: [{ path: 'body/effectiveFrom' }],
    });
    const afterEnd = await write(manager, amended, '/amendments', {
      effectiveFrom: '2027-01-05',
      summary: 'After the end',
      terms: termsFor(),
    });
    expect(afterEnd.json()).toMatchObject({ status: 422, code: 'CONTRACT_EFFECTIVE_DATE_INVALID' });
    expect(await versionRows()).toEqual(before);
  });

  it('renews to a later end date, effective the day after the current end', async () => {
    const contract = await active();
    const same = await write(manager, contract, '/renewals', { summary: 'Renewal', terms: termsFor() });
    expect(same.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body/terms/endDate' }],
    });
    const renewed = await write(manager, contract, '/renewals', {
      summary: 'Second year',
      terms: termsFor({ endDate: '2027-12-31' }),
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json<Contract>()).toMatchObject({
      status: 'renewed',
      latestVersion: 2,
      endDate: '2027-12-31',
      effectiveFrom: '2027-01-01',
    });
  });
});

describe('calendars in use', () => {
  it('cannot be deleted while a contract version counts on them', async () => {
    const calendar = (
      await analyst.call('POST', '/api/calendars', {
        name: `In use ${++sequence}`,
        spec: { timeZone: 'Europe/London', always: true },
      })
    ).json<{ id: string }>();
    const terms = termsFor();
    terms.sla.policies[0]!.calendarId = calendar.id;
    await draft(terms);
    const refused = await analyst.call('DELETE', `/api/calendars/${calendar.id}`);
    expect(refused.json()).toMatchObject({ status: 409, code: 'CALENDAR_IN_USE' });
    expect((await analyst.call('GET', `/api/calendars/${calendar.id}`)).statusCode).toBe(200);
  });
});

describe('documents', () => {
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  function upload(
    who: Caller,
    contractId: string,
    body: Buffer,
    contentType: string,
    fileName = 'contract.pdf',
  ) {
    return t.app.inject({
      method: 'POST',
      url: `/api/contracts/${contractId}/documents?fileName=${encodeURIComponent(fileName)}`,
      headers: { ...who.headers, 'content-type': contentType },
      payload: body,
    });
  }

  it('stores a signed PDF, lists it and gives it back as an attachment', async () => {
    const contract = await active();
    const response = await upload(manager, contract.id, pdf, 'application/pdf', 'Signed MSA (2026).pdf');
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json<{ id: string; sizeBytes: number; fileName: string }>();
    expect(document).toMatchObject({ sizeBytes: pdf.length, fileName: 'Signed MSA (2026).pdf' });
    const list = await customer.call('GET', `/api/contracts/${contract.id}/documents`);
    expect(list.json<{ items: { id: string }[] }>().items.map((d) => d.id)).toEqual([document.id]);
    const download = await customer.call(
      'GET',
      `/api/contracts/${contract.id}/documents/${document.id}/content`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="Signed MSA \(2026\)\.pdf"/,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a file that is not what it says, a type it does not take, and an empty body', async () => {
    const contract = await active();
    const png = Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1');
    const disguised = await upload(manager, contract.id, png, 'application/pdf');
    expect(disguised.json()).toMatchObject({ status: 415, code: 'DOCUMENT_TYPE_UNSUPPORTED' });
    const exe = await upload(
      manager,
      contract.id,
      Buffer.from('MZ\x90\x00', 'latin1'),
      'application/x-msdownload',
    );
    expect(exe.json()).toMatchObject({ status: 415, code: 'DOCUMENT_TYPE_UNSUPPORTED' });
    const empty = await upload(manager, contract.id, Buffer.alloc(0), 'application/pdf');
    expect(empty.statusCode).toBe(400);
    const list = await manager.call('GET', `/api/contracts/${contract.id}/documents`);
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('refuses a file over 20 MiB with 413', async () => {
    const contract = await active();
    const huge = Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)]);
    const response = await upload(manager, contract.id, huge, 'application/pdf');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('masks card numbers in text documents and in file names', async () => {
    const contract = await active();
    const text = Buffer.from('Test card for the pilot: 4111 1111 1111 1111\n');
    const response = await upload(
      manager,
      contract.id,
      text,
      'text/plain; charset=utf-8',
      'card 4111111111111111.txt',
    );
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json<{ id: string; fileName: string }>();
    expect(document.fileName).not.toContain('4111111111111111');
    const download = await manager.call(
      'GET',
      `/api/contracts/${contract.id}/documents/${document.id}/content`,
    );
    expect(download.body).not.toMatch(/4111 1111 1111 1111/);
    expect(download.body).toMatch(/1111/);
  });

  it('lets customers read documents but not add them', async () => {
    const contract = await active();
    const response = await upload(customer, contract.id, pdf, 'application/pdf');
    expect(response.json()).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
  });
});

describe('change requests', () => {
  it('go from the customer to a decision by someone else, and are implemented by an amendment', async () => {
    const contract = await active();
    const raised = await customer.call('POST', `/api/contracts/${contract.id}/change-requests`, {
      title: 'Add Bacs Direct Credit',
      description: 'We start payroll runs in June.',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const request = raised.json<{ id: string; status: string }>();
    expect(request.status).toBe('requested');

    const notifications = await manager.call('GET', '/api/notifications');
    expect(notifications.json<{ items: { kind: string }[] }>().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'contract.change_requested' })]),
    );

    const byCustomer = await customer.call(
      'POST',
      `/api/contracts/${contract.id}/change-requests/${request.id}/decision`,
      { decision: 'approve' },
    );
    expect(byCustomer.json()).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });

    const approved = await otherManager.call(
      'POST',
      `/api/contracts/${contract.id}/change-requests/${request.id}/decision`,
      { decision: 'approve', note: 'Agreed at the service review' },
    );
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { id: otherManager.id } });
    const twice = await otherManager.call(
      'POST',
      `/api/contracts/${contract.id}/change-requests/${request.id}/decision`,
      { decision: 'reject' },
    );
    expect(twice.json()).toMatchObject({ status: 409, code: 'CHANGE_REQUEST_TRANSITION_FORBIDDEN' });

    const amended = await write(manager, contract, '/amendments', {
      effectiveFrom: '2026-06-01',
      summary: 'Bacs Direct Credit added',
      terms: termsFor({ services: ['faster_payments', 'bacs_direct_credit'] }),
      changeRequestId: request.id,
    });
    expect(amended.statusCode, amended.body).toBe(200);
    const list = await customer.call('GET', `/api/contracts/${contract.id}/change-requests`);
    expect(list.json<{ items: unknown[] }>().items).toMatchObject([
      { id: request.id, status: 'implemented', implementedVersion: 2 },
    ]);
  });

  it('never lets the requester approve their own request', async () => {
    const contract = await active();
    const request = (
      await manager.call('POST', `/api/contracts/${contract.id}/change-requests`, {
        title: 'Lower P3 target',
      })
    ).json<{ id: string }>();
    const own = await manager.call(
      'POST',
      `/api/contracts/${contract.id}/change-requests/${request.id}/decision`,
      {
        decision: 'approve',
      },
    );
    expect(own.json()).toMatchObject({ status: 403, code: 'CHANGE_REQUEST_SELF_APPROVAL' });
    const withdrawn = await manager.call(
      'POST',
      `/api/contracts/${contract.id}/change-requests/${request.id}/withdrawal`,
    );
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
  });

  it('implements only an approved request', async () => {
    const contract = await active();
    const request = (
      await customer.call('POST', `/api/contracts/${contract.id}/change-requests`, {
        title: 'Not yet decided',
      })
    ).json<{ id: string }>();
    const before = await versionRows();
    const amend = await write(manager, contract, '/amendments', {
      effectiveFrom: '2026-06-01',
      summary: 'Jumping the gun',
      terms: termsFor(),
      changeRequestId: request.id,
    });
    expect(amend.json()).toMatchObject({ status: 400, errors: [{ path: 'body/changeRequestId' }] });
    expect(await versionRows()).toEqual(before);
  });
});

describe('the lifecycle scan', () => {
  // Read through the database: moving the clock by weeks expires every session.
  async function notificationsOf(who: Caller, kind: string) {
    return withModuleTables<{ notifications: { userId: string; kind: string; title: string } }>(t.db)
      .selectFrom('notifications')
      .select(['kind', 'title'])
      .where('userId', '=', who.id)
      .where('kind', '=', kind)
      .execute();
  }
  const statusOf = async (id: string) => (await t.services.contracts.contracts.get(null, id)).status;

  it('reminds the owner 90, 60 and 30 days before the end, each once, then expires the contract', async () => {
    const owner = await signedInAs(t, 'account_manager');
    const created = await manager.call('POST', `/api/accounts/${accountId}/contracts`, {
      reference: `SCAN-${++sequence}`,
      ownerId: owner.id,
      // The clock says 2026-03-02; this contract ends 45 days later.
      terms: termsFor({ endDate: '2026-04-16' }),
    });
    const contract = created.json<Contract>();
    await write(manager, contract, '/transitions', { action: 'activate' });

    await t.services.contracts.runLifecycleScan();
    await t.services.contracts.runLifecycleScan();
    let reminders = await notificationsOf(owner, 'contract.renewal_due');
    // Found inside the 60-day window: the 60-day reminder, once, however often the scan runs.
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.title).toMatch(/ends in 45 days/);

    t.clock.set(new Date('2026-03-20T09:00:00Z'));
    await t.services.contracts.runLifecycleScan();
    reminders = await notificationsOf(owner, 'contract.renewal_due');
    expect(reminders).toHaveLength(2);

    // 23:30 UTC on the end date is already the next day in nowhere west of London: still in force.
    t.clock.set(new Date('2026-04-16T22:30:00Z'));
    await t.services.contracts.runLifecycleScan();
    expect(await statusOf(contract.id)).toBe('active');
    // 00:30 in London on 17 April (British Summer Time): the day after the end date.
    t.clock.set(new Date('2026-04-16T23:30:00Z'));
    const result = await t.services.contracts.runLifecycleScan();
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(await statusOf(contract.id)).toBe('expired');
    expect(await notificationsOf(owner, 'contract.expired')).toHaveLength(1);
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
  });

  it('renews a contract whose terms say so for twelve months instead of expiring it', async () => {
    const created = await manager.call('POST', `/api/accounts/${accountId}/contracts`, {
      reference: `AUTO-${++sequence}`,
      terms: termsFor({ endDate: '2026-02-28', startDate: '2025-03-01', autoRenew: true }),
    });
    const contract = created.json<Contract>();
    await write(manager, contract, '/transitions', { action: 'activate' });
    await t.services.contracts.runLifecycleScan();
    const renewed = (await manager.call('GET', `/api/contracts/${contract.id}`)).json<Contract>();
    expect(renewed).toMatchObject({
      status: 'renewed',
      latestVersion: 2,
      endDate: '2027-02-28',
      effectiveFrom: '2026-03-01',
      versionInForce: 2,
    });
  });
});

describe('the governance timeline', () => {
  it("shows each version and the activation of the account's contracts, never a draft", async () => {
    const { id: timelineAccount } = await buildAccount(t);
    const create = (reference: string) =>
      manager.call('POST', `/api/accounts/${timelineAccount}/contracts`, { reference, terms: termsFor() });
    const live = (await create(`TL-${++sequence}`)).json<Contract>();
    const hidden = (await create(`TL-DRAFT-${++sequence}`)).json<Contract>();
    const active = (await write(manager, live, '/transitions', { action: 'activate' })).json<Contract>();
    await write(manager, active, '/amendments', {
      effectiveFrom: '2026-07-01',
      summary: 'Summer cut-over window added',
      terms: termsFor(),
    });
    const timeline = await manager.call('GET', `/api/accounts/${timelineAccount}/governance/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    const entries = timeline.json<{ items: { kind: string; entity: { id: string }; summary: string }[] }>()
      .items;
    expect(entries.filter((e) => e.entity.id === live.id).map((e) => e.kind)).toEqual([
      'contract.amendment',
      'contract.activated',
      'contract.original',
    ]);
    expect(entries.find((e) => e.kind === 'contract.amendment')!.summary).toBe(
      'Summer cut-over window added',
    );
    expect(entries.some((e) => e.entity.id === hidden.id)).toBe(false);
  });
});
