import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, createTestApp, signedInAs, type Caller, type TestApp } from '../../../test/app.ts';
import { createJobs, type Jobs } from '../../platform/jobs/index.ts';
import type { CaseTables } from '../cases/index.ts';
import { defaultContractTerms, type ContractTerms } from '../contract-terms/index.ts';
import { createSlaEngine, type SlaTables } from './index.ts';
import { l1LondonOla } from './ola-policy.fixture.ts';
import { listUnfiredAlerts } from './sla.repository.ts';

const MINUTE = 60_000;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let t: TestApp;
let jobs: Jobs;
let agent: Caller;
let lead: Caller;
let customer: Caller;
let otherCustomer: Caller;
let accountId: string;
let bareAccountId: string;
let teamId: string;
let contractId: string;

function contractTerms(): ContractTerms {
  const terms = defaultContractTerms({
    title: 'Northbank services',
    startDate: '2026-01-01',
    currency: 'GBP',
  });
  const standard = terms.sla.policies[0]!;
  return {
    ...terms,
    monthlyFee: { amountMinor: '1200000', currency: 'GBP' },
    sla: {
      ...terms.sla,
      // 24×7: P2 first response 30 min, resolution 8 h; P1 resolution 4 h.
      policies: [{ ...standard, breachActions: ['notify_manager', 'raise_priority'] }],
      incidentPenalties: [
        { priority: 'P1', amountMinor: '50000' },
        { priority: 'P2', amountMinor: '10000' },
      ],
    },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  jobs = createJobs({ db: t.db, kind: t.kind, logger: silent, workers: false });
  jobs.register(t.services.sla.checkJob);
  t.services.sla.useJobs(jobs);
  await jobs.start();

  accountId = (await buildAccount(t)).id;
  bareAccountId = (await buildAccount(t)).id;
  agent = await signedInAs(t, 'agent');
  lead = await signedInAs(t, 'agent');
  customer = await signedInAs(t, 'customer_admin', { accountId });
  otherCustomer = await signedInAs(t, 'customer_admin', { accountId: bareAccountId });
  teamId = (await t.services.identity.createTeam(null, { name: 'L1 London' })).id;
  await t.services.identity.addTeamMember(null, teamId, { userId: agent.id, isLead: false });
  await t.services.identity.addTeamMember(null, teamId, { userId: lead.id, isLead: true });
  await t.services.agreements.create(null, {
    kind: 'ola',
    teamId,
    name: 'L1 London OLA',
    policy: l1LondonOla(),
    effectiveFrom: '2026-01-01',
  });
  const contract = await t.services.contracts.contracts.create(null, accountId, {
    reference: `MSA-SLA-${process.pid}`,
    terms: contractTerms(),
  });
  contractId = contract.id;
  await t.services.contracts.contracts.transition(null, contractId, undefined, { action: 'activate' });
});

afterAll(async () => {
  await jobs.stop({ timeoutMs: 1000 });
  await t.close();
});

interface Case {
  id: string;
  reference: string;
  version: number;
  priority: string;
  nextDueAt: string | null;
}

async function open(account = accountId, overrides: Record<string, unknown> = {}) {
  const response = await agent.call('POST', '/api/cases', {
    accountId: account,
    subject: 'Faster Payments credits not arriving',
    description: 'Inbound FPS credits are delayed since 09:10.',
    type: 'incident',
    impact: 'high',
    urgency: 'medium',
    teamId,
    assigneeId: agent.id,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Case>();
}

async function current(id: string) {
  return (await agent.call('GET', `/api/cases/${id}`)).json<Case>();
}

async function patch(id: string, body: object) {
  const { version } = await current(id);
  const response = await agent.call('PATCH', `/api/cases/${id}`, body, { 'if-match': `"${version}"` });
  expect(response.statusCode, response.body).toBe(200);
}

async function reply(who: Caller, id: string, visibility: 'public' | 'internal' = 'public') {
  const response = await who.call('POST', `/api/cases/${id}/messages`, {
    visibility,
    body: 'Looking into it.',
  });
  expect(response.statusCode, response.body).toBe(201);
}

const clocksOf = (id: string, account = accountId) => t.services.sla.clocks(t.db, account, id);

async function clock(id: string, metric: string, source = 'customer', cycle = 1) {
  const found = (await clocksOf(id)).find(
    (row) => row.metric === metric && row.source === source && row.cycle === cycle,
  );
  if (!found) throw new Error(`no ${source} ${metric} clock ${cycle}`);
  return found;
}

async function events(id: string, type: string) {
  const rows = await t.db
    .withTables<CaseTables>()
    .selectFrom('caseEvents')
    .select(['type', 'data'])
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
    .json<{ items: Array<{ kind: string; entityId: string | null }> }>()
    .items.filter((item) => item.entityId === caseId)
    .map((item) => item.kind);
}

function runSweep() {
  return t.services.sla.sweepJob.handle(
    {},
    { db: t.db, logger: silent, jobId: 'sweep', attempt: 1, signal: new AbortController().signal },
  );
}

function runCheckJob(payload: { accountId: string; caseId: string }, attempt: number) {
  return t.services.sla.checkJob.handle(payload, {
    db: t.db,
    logger: silent,
    jobId: `test-${attempt}`,
    attempt,
    signal: new AbortController().signal,
  });
}

const at = (iso: string | null | Date, plusMs = 0) => new Date(new Date(iso!).getTime() + plusMs);

describe('clocks on every case change', () => {
  it('starts first response at opening, due 30 minutes later, and orders the queue by it', async () => {
    const opened = t.clock.now();
    const created = await open();
    const firstResponse = await clock(created.id, 'firstResponse');
    expect(firstResponse).toMatchObject({
      status: 'running',
      contractId,
      contractVersion: 1,
      policyName: 'Standard',
      targetMs: 30 * MINUTE,
      calendarId: null,
      dueAt: at(opened, 30 * MINUTE),
      businessElapsedMs: 0,
    });
    expect((await clock(created.id, 'resolution')).dueAt).toEqual(at(opened, 480 * MINUTE));
    expect((await clock(created.id, 'firstResponse', 'ola')).dueAt).toEqual(at(opened, 20 * MINUTE));
    // The customer's promise orders the queue, though the OLA is due sooner.
    expect(created.nextDueAt).toBe(at(opened, 30 * MINUTE).toISOString());

    // The first warning (50 % of 30 min) is scheduled once, however often the case changes.
    const key = `${created.id}@${opened.getTime() + 15 * MINUTE}`;
    await patch(created.id, { tags: ['fps'] });
    const scheduled = await t.db
      .selectFrom('pgboss.job' as 'users')
      .select('id')
      .where('singleton_key' as 'id', '=', key)
      .execute();
    expect(scheduled).toHaveLength(1);
  });

  it('meets first response at the first public staff reply, not at an internal note', async () => {
    const created = await open();
    t.clock.advance(5 * MINUTE);
    await reply(agent, created.id, 'internal');
    expect((await clock(created.id, 'firstResponse')).status).toBe('running');
    t.clock.advance(5 * MINUTE);
    await reply(agent, created.id);
    expect(await clock(created.id, 'firstResponse')).toMatchObject({
      status: 'met',
      stoppedAt: t.clock.now(),
      businessElapsedMs: 10 * MINUTE,
    });
    // Periodic update restarts at the reply (P2: 2 h) and is now the soonest.
    expect((await current(created.id)).nextDueAt).toBe(at(t.clock.now(), 120 * MINUTE).toISOString());
  });

  it('pauses resolution while pending on the customer and resumes at their reply', async () => {
    const created = await open();
    t.clock.advance(10 * MINUTE);
    await reply(agent, created.id);
    await patch(created.id, { status: 'pending_customer' });
    const paused = await clock(created.id, 'resolution');
    expect(paused).toMatchObject({ status: 'paused', dueAt: null, businessElapsedMs: 10 * MINUTE });
    expect(paused.pauses).toEqual([
      { from: t.clock.now().toISOString(), to: null, reason: 'pending_customer' },
    ]);
    expect((await current(created.id)).nextDueAt).toBeNull();

    t.clock.advance(60 * MINUTE);
    const customerView = await customer.call('POST', `/api/cases/${created.id}/messages`, {
      visibility: 'public',
      body: 'Here are the payment ids.',
    });
    expect(customerView.statusCode, customerView.body).toBe(201);
    const resumed = await clock(created.id, 'resolution');
    expect(resumed).toMatchObject({ status: 'running', businessElapsedMs: 10 * MINUTE });
    expect(resumed.dueAt).toEqual(at(t.clock.now(), 470 * MINUTE));
  });

  it('gives a case on an account without a contract no customer clocks', async () => {
    const created = await open(bareAccountId);
    const rows = await clocksOf(created.id, bareAccountId);
    expect(rows.filter((row) => row.source === 'customer')).toEqual([]);
    expect(rows.map((row) => row.source)).toContain('ola');
    // No customer promise: the OLA orders the queue.
    expect(created.nextDueAt).toBe(at(t.clock.now(), 20 * MINUTE).toISOString());

    const noTeam = await open(bareAccountId, { teamId: undefined, assigneeId: undefined });
    expect(await clocksOf(noTeam.id, bareAccountId)).toEqual([]);
    expect(noTeam.nextDueAt).toBeNull();
  });

  it('replays to the same rows from the history alone', async () => {
    const created = await open();
    t.clock.advance(7 * MINUTE);
    await reply(agent, created.id);
    await patch(created.id, { status: 'pending_customer' });
    t.clock.advance(3 * MINUTE);
    await patch(created.id, { status: 'open' });
    const before = await clocksOf(created.id);
    await t.db.withTables<SlaTables>().deleteFrom('slaClocks').where('caseId', '=', created.id).execute();
    await t.db.transaction().execute((tx) => t.services.sla.recompute(tx, { accountId, caseId: created.id }));
    expect(await clocksOf(created.id)).toEqual(before);
  });
});

describe('warnings and breaches', () => {
  it('records a warning once, however many checks run', async () => {
    const created = await open();
    t.clock.advance(16 * MINUTE);
    const payload = { accountId, caseId: created.id };
    // The job's handler, twice, as a retry or a second process would run it. (Not jobs.drain():
    // the test clock is months behind the database's, so every scheduled check is due at once.)
    await runCheckJob(payload, 1);
    await runCheckJob(payload, 2);
    const warnings = await events(created.id, 'sla_warning');
    // The OLA's 75 % of 20 min (15 min) and the customer's 50 % of 30 min.
    expect(warnings.map((w) => [w.source, w.metric, w.threshold])).toEqual(
      expect.arrayContaining([
        ['customer', 'firstResponse', 50],
        ['ola', 'firstResponse', 75],
      ]),
    );
    expect(warnings.filter((w) => w.source === 'customer' && w.metric === 'firstResponse')).toHaveLength(1);
    expect(await notificationsFor(agent, created.id)).toContain('sla.warning');
  });

  it('on a breach records one event, notifies, raises the priority and accrues the penalty once', async () => {
    const created = await open();
    const payload = { accountId, caseId: created.id };
    t.clock.advance(31 * MINUTE);
    await Promise.all([t.services.sla.check(payload), t.services.sla.check(payload)]);
    await runCheckJob(payload, 2);

    const breaches = await events(created.id, 'sla_breached');
    expect(breaches.filter((b) => b.source === 'customer' && b.metric === 'firstResponse')).toEqual([
      expect.objectContaining({ threshold: 100, cycle: 1, policy: 'Standard' }),
    ]);
    // notify_manager: the lead hears of it as well as the assignee.
    expect(await notificationsFor(lead, created.id)).toContain('sla.breached');
    expect(await notificationsFor(agent, created.id)).toContain('sla.breached');
    // raise_priority: one step up, once, as an ordinary change with its event.
    const raised = await current(created.id);
    expect(raised.priority).toBe('P1');
    expect(await events(created.id, 'priority_changed')).toEqual([
      expect.objectContaining({ from: 'P2', to: 'P1' }),
    ]);
    expect(await t.services.sla.penalties(t.db, accountId, created.id)).toEqual([]);

    // P1 resolves in 4 h: past it, the resolution breach accrues the P1 penalty, once.
    t.clock.advance(4 * 60 * MINUTE);
    await t.services.sla.check(payload);
    await t.services.sla.check(payload);
    const penalties = await t.services.sla.penalties(t.db, accountId, created.id);
    expect(penalties).toEqual([
      expect.objectContaining({
        contractId,
        contractVersion: 1,
        metric: 'resolution',
        priority: 'P1',
        amountMinor: '50000',
        currency: 'GBP',
      }),
    ]);
    expect(
      (await events(created.id, 'sla_breached')).filter(
        (b) => b.source === 'customer' && b.metric === 'resolution',
      ),
    ).toHaveLength(1);
  });
});

describe('the sweep', () => {
  it('fires a breach whose check was never scheduled', async () => {
    const created = await open();
    t.clock.advance(31 * MINUTE);
    await t.services.sla.sweepJob.handle(
      {},
      {
        db: t.db,
        logger: silent,
        jobId: 'sweep',
        attempt: 1,
        signal: new AbortController().signal,
      },
    );
    const breaches = await events(created.id, 'sla_breached');
    expect(breaches.filter((b) => b.source === 'customer' && b.metric === 'firstResponse')).toHaveLength(1);
  });

  it('fires a warning whose check never ran, once, however many sweeps run at once', async () => {
    const created = await open();
    // Past the customer's 50 % of 30 min and the OLA's 75 % of 20 min; neither due yet.
    t.clock.advance(16 * MINUTE);
    await Promise.all([runSweep(), runSweep()]);
    await runSweep();
    const warnings = await events(created.id, 'sla_warning');
    expect(warnings.map((w) => [w.source, w.metric, w.threshold]).sort()).toEqual([
      ['customer', 'firstResponse', 50],
      ['ola', 'firstResponse', 75],
    ]);
    expect(await events(created.id, 'sla_breached')).toEqual([]);
    expect(await notificationsFor(agent, created.id)).toEqual(['sla.warning', 'sla.warning']);
  });

  it('checks a bounded number of cases a run, goes on where it stopped, and passes over a failing case', async () => {
    const [first, broken, last] = [await open(), await open(), await open()];
    t.clock.advance(16 * MINUTE);
    const now = t.clock.now();
    const pending = async () =>
      (await listUnfiredAlerts(t.db, now, { limit: 1000 })).map((key) => key.caseId);
    const before = await pending();
    expect(before).toEqual(expect.arrayContaining([first.id, broken.id, last.id]));

    // A second engine with tiny bounds, whose history reads fail for one case.
    const checked: string[] = [];
    const failures: unknown[] = [];
    const cases = t.services.cases;
    const engine = createSlaEngine({
      db: t.db,
      clock: t.clock,
      notify: t.services.notifications.notify,
      cases: () => ({
        ...cases,
        events: async (executor, account, caseId) => {
          checked.push(caseId);
          if (caseId === broken.id) throw new Error('history unreadable');
          return cases.events(executor, account, caseId);
        },
      }),
      sweep: { pageSize: 1, perRun: 2 },
    });
    const logger = { ...silent, error: (fields: object) => failures.push(fields) };
    const sweep = () =>
      engine.sweepJob.handle(
        {},
        { db: t.db, logger, jobId: 'sweep', attempt: 1, signal: new AbortController().signal },
      );

    await sweep();
    expect(checked).toEqual(before.slice(0, 2));
    for (let run = 1; run < Math.ceil(before.length / 2); run++) await sweep();
    // Each case once, in case order; the failing one logged and left for a later run.
    expect(checked).toEqual(before);
    expect(failures).toEqual([expect.objectContaining({ caseId: broken.id })]);
    // (Others may be listed again: a breach action that raised a priority can bring a warning nearer.)
    const after = await pending();
    expect(after).toContain(broken.id);
    expect(after).not.toContain(first.id);
    expect(after).not.toContain(last.id);
    for (const { id } of [first, last])
      expect((await events(id, 'sla_warning')).map((w) => [w.source, w.threshold]).sort()).toEqual([
        ['customer', 50],
        ['ola', 75],
      ]);
  });
});

describe('GET /api/cases/:id/sla', () => {
  interface Explained {
    clocks: Array<{
      source: string;
      metric: string;
      status: string;
      dueAt: string | null;
      explanation: { summary: string; segments: Array<{ kind: string }> };
    }>;
  }

  it('explains every clock to staff, only the customer clocks to the customer', async () => {
    const created = await open();
    t.clock.advance(5 * MINUTE);
    const staff = await agent.call('GET', `/api/cases/${created.reference}/sla`);
    expect(staff.statusCode, staff.body).toBe(200);
    const body = staff.json<Explained>();
    expect(new Set(body.clocks.map((c) => c.source))).toEqual(new Set(['customer', 'ola']));
    const firstResponse = body.clocks.find((c) => c.source === 'customer' && c.metric === 'firstResponse')!;
    expect(firstResponse.status).toBe('running');
    expect(firstResponse.explanation.summary).not.toBe('');
    expect(firstResponse.explanation.segments.map((s) => s.kind)).toContain('counted');

    const own = await customer.call('GET', `/api/cases/${created.id}/sla`);
    expect(own.statusCode, own.body).toBe(200);
    expect(new Set(own.json<Explained>().clocks.map((c) => c.source))).toEqual(new Set(['customer']));
  });

  it("answers 404 for another account's case and for an unknown case", async () => {
    const created = await open();
    const foreign = await otherCustomer.call('GET', `/api/cases/${created.id}/sla`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'CASE_NOT_FOUND' });
    const unknown = await agent.call('GET', '/api/cases/00000000-0000-4000-8000-000000000000/sla');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect((await agent.call('GET', '/api/cases/PD-1/sla')).statusCode).toBe(404);
  });
});
