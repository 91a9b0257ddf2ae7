import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildUser,
  createTestApp,
  signIn,
  type Caller,
  type TestApp,
} from '../../../test/app.ts';
import { createJobs, type Jobs } from '../../platform/jobs/index.ts';
import type { CaseTables } from '../cases/index.ts';
import { defaultContractTerms, type SlaPolicy } from '../contract-terms/index.ts';
import type { SlaTables } from './index.ts';

/**
 * Underpinning clocks end to end: a functional escalation to a vendor through the API, the vendor's
 * contract on its own calendar, the release, and the breach. Each test starts on its own Monday
 * (London is on GMT all through March 2026, so the office hours below are UTC) with fresh sessions:
 * a week later the last ones have expired.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let t: TestApp;
let jobs: Jobs;
let users: Record<'agent' | 'lead' | 'customer', { id: string; email: string }>;
let agent: Caller;
let lead: Caller;
let customer: Caller;
let accountId: string;
let teamId: string;
let calendarId: string;
let vendor: { id: string; name: string };
let agreementId: string;
let uncontractedVendorId: string;

const workingDay = [['09:00', '17:00']] as const;

/** Mon–Fri 09:00–17:00: P2 resolution 4 business hours, warned at half. */
const ucPolicy = (): SlaPolicy => ({
  name: 'Processor incident support',
  calendarId,
  conditions: { services: [], caseTypes: [], channels: [] },
  targets: {
    P1: { firstResponse: 15, nextResponse: null, resolution: 120, periodicUpdate: null },
    P2: { firstResponse: 60, nextResponse: null, resolution: 240, periodicUpdate: null },
    P3: { firstResponse: 240, nextResponse: null, resolution: 960, periodicUpdate: null },
    P4: { firstResponse: 480, nextResponse: null, resolution: null, periodicUpdate: null },
  },
  pauseStatuses: ['pending_customer'],
  warningThresholds: [50],
  breachActions: ['notify_manager'],
});

beforeAll(async () => {
  t = await createTestApp();
  jobs = createJobs({ db: t.db, kind: t.kind, logger: silent, workers: false });
  jobs.register(t.services.sla.checkJob);
  t.services.sla.useJobs(jobs);
  await jobs.start();

  accountId = (await buildAccount(t)).id;
  users = {
    agent: await buildUser(t, { role: 'agent' }),
    lead: await buildUser(t, { role: 'agent' }),
    customer: await buildUser(t, { role: 'customer_admin', accountId }),
  };
  teamId = (await t.services.identity.createTeam(null, { name: 'L2 Payments' })).id;
  await t.services.identity.addTeamMember(null, teamId, { userId: users.agent.id, isLead: false });
  await t.services.identity.addTeamMember(null, teamId, { userId: users.lead.id, isLead: true });
  calendarId = (
    await t.services.calendars.create(null, {
      name: 'Processor office hours',
      spec: {
        timeZone: 'Europe/London',
        week: { mon: workingDay, tue: workingDay, wed: workingDay, thu: workingDay, fri: workingDay },
      },
    })
  ).id;
  const created = await t.services.agreements.createVendor(null, {
    name: 'Northwind Processing',
    kind: 'processor',
  });
  vendor = { id: created.id, name: 'Northwind Processing' };
  agreementId = (
    await t.services.agreements.create(null, {
      kind: 'underpinning',
      vendorId: vendor.id,
      name: 'Northwind underpinning contract',
      policy: ucPolicy(),
      effectiveFrom: '2026-01-01',
    })
  ).id;
  uncontractedVendorId = (
    await t.services.agreements.createVendor(null, { name: 'Contoso Telecom', kind: 'telecom' })
  ).id;

  // The customer's 24×7 Standard policy (P2 resolution 8 h), with a P2 penalty a breach could accrue.
  const terms = defaultContractTerms({
    title: 'Northbank services',
    startDate: '2026-01-01',
    currency: 'GBP',
  });
  const contract = await t.services.contracts.contracts.create(null, accountId, {
    reference: `MSA-UC-${process.pid}`,
    terms: { ...terms, sla: { ...terms.sla, incidentPenalties: [{ priority: 'P2', amountMinor: '10000' }] } },
  });
  await t.services.contracts.contracts.transition(null, contract.id, undefined, { action: 'activate' });
});

afterAll(async () => {
  await jobs.stop({ timeoutMs: 1000 });
  await t.close();
});

interface Case {
  id: string;
  reference: string;
  version: number;
  status: string;
}

interface SlaClock {
  source: string;
  metric: string;
  cycle: number;
  status: string;
  policy: { name: string; calendarId: string | null; agreementId: string | null };
  vendor: { id: string; name: string } | null;
  startedAt: string;
  dueAt: string | null;
  stoppedAt: string | null;
  businessElapsedMs: number;
  pauses: Array<{ from: string; to: string | null; reason: string }>;
  explanation: { timeZone: string; summary: string };
}

/** Sets the clock to a Monday of March 2026 (2, 9, 16, 23) at `time` UTC, and signs everyone in. */
async function setMonday(day: number, time: string) {
  t.clock.set(new Date(`2026-03-${String(day).padStart(2, '0')}T${time}:00Z`));
  agent = await callerOf(users.agent);
  lead = await callerOf(users.lead);
  customer = await callerOf(users.customer);
}

async function callerOf(user: { id: string; email: string }): Promise<Caller> {
  const session = await signIn(t, user.email);
  return {
    id: user.id,
    headers: session.headers,
    call: (method, url, payload, headers = {}) =>
      t.app.inject({
        method,
        url,
        headers: { ...session.headers, ...headers },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      }),
  };
}

async function open() {
  const response = await agent.call('POST', '/api/cases', {
    accountId,
    subject: 'Card authorisations declined by the processor',
    description: 'Approval rate fell from 97 % to 60 % at 08:40.',
    type: 'incident',
    impact: 'high',
    urgency: 'medium',
    teamId,
    assigneeId: agent.id,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Case>();
}

async function current(id: string) {
  return (await agent.call('GET', `/api/cases/${id}`)).json<Case>();
}

async function escalate(id: string, vendorId = vendor.id, externalReference = 'NW-20417') {
  const { version } = await current(id);
  const response = await agent.call(
    'POST',
    `/api/cases/${id}/escalations`,
    { kind: 'functional', vendorId, externalReference, reason: 'Declines come from the processor' },
    { 'if-match': `"${version}"` },
  );
  expect(response.statusCode, response.body).toBe(201);
}

async function setStatus(id: string, status: string) {
  const { version } = await current(id);
  const response = await agent.call('PATCH', `/api/cases/${id}`, { status }, { 'if-match': `"${version}"` });
  expect(response.statusCode, response.body).toBe(200);
}

async function slaOf(id: string, who: Caller = agent) {
  const response = await who.call('GET', `/api/cases/${id}/sla`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ clocks: SlaClock[] }>().clocks;
}

async function vendorClocks(id: string) {
  return (await slaOf(id)).filter((clock) => clock.source === 'underpinning');
}

async function events(id: string, type: string) {
  const rows = await t.db
    .withTables<CaseTables>()
    .selectFrom('caseEvents')
    .select(['data'])
    .where('caseId', '=', id)
    .where('type', '=', type)
    .orderBy('seq')
    .execute();
  return rows.map(
    (row) => (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>,
  );
}

async function notificationsFor(who: Caller, caseId: string) {
  const response = await who.call('GET', '/api/notifications?limit=100');
  expect(response.statusCode, response.body).toBe(200);
  return response
    .json<{ items: Array<{ kind: string; title: string; entityId: string | null }> }>()
    .items.filter((item) => item.entityId === caseId);
}

describe('a case escalated to a vendor', () => {
  it("runs the vendor's underpinning clock from the escalation, due on the contract's calendar", async () => {
    await setMonday(2, '14:00');
    const created = await open();
    expect(await vendorClocks(created.id)).toEqual([]);

    t.clock.set(new Date('2026-03-02T15:00:00Z'));
    await escalate(created.id);
    // 4 business hours from Monday 15:00: 2 h on Monday, 2 h on Tuesday from 09:00 (24×7: 19:00).
    expect(await vendorClocks(created.id)).toEqual([
      expect.objectContaining({
        metric: 'resolution',
        cycle: 1,
        status: 'running',
        policy: expect.objectContaining({ name: 'Processor incident support', calendarId, agreementId }),
        vendor,
        startedAt: '2026-03-02T15:00:00.000Z',
        dueAt: '2026-03-03T11:00:00.000Z',
        explanation: expect.objectContaining({ timeZone: 'Europe/London' }),
      }),
    ]);
    // Stored like the others, and never shown to the customer.
    const stored = await t.services.sla.clocks(t.db, accountId, created.id);
    expect(stored.filter((row) => row.source === 'underpinning')).toEqual([
      expect.objectContaining({ metric: 'resolution', cycle: 1, agreementId, calendarId }),
    ]);
    expect(new Set((await slaOf(created.id, customer)).map((clock) => clock.source))).toEqual(
      new Set(['customer']),
    );
  });

  it('pauses in the contract pause statuses, stops at the release and starts a cycle per escalation', async () => {
    await setMonday(9, '10:00');
    const created = await open();
    await escalate(created.id);
    t.clock.advance(HOUR);
    await setStatus(created.id, 'pending_customer');
    t.clock.advance(HOUR);
    await setStatus(created.id, 'pending_vendor');
    t.clock.advance(30 * MINUTE);
    await setStatus(created.id, 'open');
    const [released] = await vendorClocks(created.id);
    expect(released).toMatchObject({
      cycle: 1,
      status: 'met',
      stoppedAt: '2026-03-09T12:30:00.000Z',
      businessElapsedMs: 1.5 * HOUR,
      pauses: [
        { from: '2026-03-09T11:00:00.000Z', to: '2026-03-09T12:00:00.000Z', reason: 'pending_customer' },
      ],
    });

    // Back to pending_vendor by hand: no new escalation, no new vendor clock.
    t.clock.advance(30 * MINUTE);
    await setStatus(created.id, 'pending_vendor');
    expect((await vendorClocks(created.id)).map((clock) => [clock.cycle, clock.status])).toEqual([
      [1, 'met'],
    ]);

    // A new escalation (with a new vendor ticket) is cycle 2; a vendor without a contract gets none.
    t.clock.advance(HOUR);
    await escalate(created.id, vendor.id, 'NW-20533');
    t.clock.advance(HOUR);
    await escalate(created.id, uncontractedVendorId, 'CT-7');
    t.clock.advance(HOUR);
    await escalate(created.id, vendor.id, 'NW-20590');
    expect(
      (await vendorClocks(created.id)).map((clock) => [clock.cycle, clock.status, clock.startedAt]),
    ).toEqual([
      [1, 'met', '2026-03-09T10:00:00.000Z'],
      [2, 'met', '2026-03-09T14:00:00.000Z'],
      [4, 'running', '2026-03-09T16:00:00.000Z'],
    ]);

    // Reproducible from the history alone: the rows rebuild the same after being dropped.
    const before = await t.services.sla.clocks(t.db, accountId, created.id);
    await t.db.withTables<SlaTables>().deleteFrom('slaClocks').where('caseId', '=', created.id).execute();
    await t.db.transaction().execute((tx) => t.services.sla.recompute(tx, { accountId, caseId: created.id }));
    expect(await t.services.sla.clocks(t.db, accountId, created.id)).toEqual(before);
  });

  it('fires the vendor breach once, however many checks run, to the owner and the team lead, with no penalty', async () => {
    await setMonday(16, '09:00');
    const created = await open();
    t.clock.advance(5 * MINUTE);
    await escalate(created.id);
    const payload = { accountId, caseId: created.id };
    // Due at 13:05; the customer's P2 resolution (8 h, 24×7) is not due until 17:00.
    t.clock.set(new Date('2026-03-16T13:06:00Z'));
    await Promise.all([t.services.sla.check(payload), t.services.sla.check(payload)]);
    await t.services.sla.check(payload);

    const breaches = (await events(created.id, 'sla_breached')).filter((b) => b.source === 'underpinning');
    expect(breaches).toEqual([
      expect.objectContaining({
        metric: 'resolution',
        cycle: 1,
        threshold: 100,
        policy: 'Processor incident support',
        reachedAt: '2026-03-16T13:05:00.000Z',
      }),
    ]);
    // The first check came after the due time: the breach says it all, the 50 % warning is not sent late.
    expect((await events(created.id, 'sla_warning')).filter((w) => w.source === 'underpinning')).toEqual([]);
    for (const who of [agent, lead]) {
      const breached = (await notificationsFor(who, created.id)).filter(
        (n) => n.kind === 'sla.breached' && n.title.includes('underpinning'),
      );
      expect(breached.map((n) => n.title)).toEqual([
        `${created.reference}: resolution (Northwind Processing underpinning contract) breached`,
      ]);
    }
    expect((await vendorClocks(created.id))[0]).toMatchObject({ status: 'running', vendor });
    // Penalties are the customer contract's: a vendor's breach accrues none.
    expect(await t.services.sla.penalties(t.db, accountId, created.id)).toEqual([]);
  });

  it("is released when resolved, and a vendor's clock that ended early stays met", async () => {
    await setMonday(23, '09:00');
    const created = await open();
    await escalate(created.id);
    t.clock.advance(HOUR);
    await setStatus(created.id, 'resolved');
    t.clock.advance(8 * HOUR);
    await t.services.sla.check({ accountId, caseId: created.id });
    expect(await vendorClocks(created.id)).toEqual([
      expect.objectContaining({
        status: 'met',
        stoppedAt: '2026-03-23T10:00:00.000Z',
        dueAt: '2026-03-23T13:00:00.000Z',
      }),
    ]);
    expect((await events(created.id, 'sla_breached')).filter((b) => b.source === 'underpinning')).toEqual([]);
  });
});
