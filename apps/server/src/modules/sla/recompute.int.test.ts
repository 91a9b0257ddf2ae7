import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, createTestApp, signedInAs, type Caller, type TestApp } from '../../../test/app.ts';
import { createJobs, type Jobs } from '../../platform/jobs/index.ts';
import type { CaseTables } from '../cases/index.ts';
import { defaultContractTerms, type ContractTerms } from '../contract-terms/index.ts';
import { createSlaRecomputations, type SlaTables } from './index.ts';
import { l1LondonOla } from './ola-policy.fixture.ts';

const MINUTE = 60_000;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let t: TestApp;
/** Runs the recomputation jobs (drained by hand). */
let jobs: Jobs;
/** Only queues the engine's checks: never drained, since the test clock is months behind the database's
 * and every check it schedules would be due at once, each scheduling the next for ever. */
let checks: Jobs;
let admin: Caller;
let manager: Caller;
let agent: Caller;
let customer: Caller;
let accountId: string;
let otherAccountId: string;
let teamId: string;
let contractId: string;
let calendarId: string;
let olaId: string;

const officeHours = (from: string, to: string) => ({
  timeZone: 'Europe/London',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [[from, to]]])),
});

function contractTerms(): ContractTerms {
  const terms = defaultContractTerms({
    title: 'Northbank services',
    startDate: '2026-01-01',
    currency: 'GBP',
  });
  const standard = terms.sla.policies[0]!;
  return { ...terms, sla: { ...terms.sla, policies: [{ ...standard, calendarId }] } };
}

beforeAll(async () => {
  t = await createTestApp();
  checks = createJobs({ db: t.db, kind: t.kind, logger: silent, workers: false });
  checks.register(t.services.sla.checkJob);
  t.services.sla.useJobs(checks);
  await checks.start();
  jobs = createJobs({ db: t.db, kind: t.kind, logger: silent, workers: false });
  jobs.register(t.services.slaRecomputations.runJob);
  t.services.slaRecomputations.useJobs(jobs);
  await jobs.start();

  accountId = (await buildAccount(t)).id;
  otherAccountId = (await buildAccount(t)).id;
  admin = await signedInAs(t, 'admin');
  manager = await signedInAs(t, 'account_manager');
  agent = await signedInAs(t, 'agent');
  customer = await signedInAs(t, 'customer_admin', { accountId });
  teamId = (await t.services.identity.createTeam(null, { name: 'L1 London' })).id;
  await t.services.identity.addTeamMember(null, teamId, { userId: agent.id, isLead: true });
  calendarId = (
    await t.services.calendars.create(null, { name: 'London office', spec: officeHours('09:00', '17:30') })
  ).id;
  olaId = (
    await t.services.agreements.create(null, {
      kind: 'ola',
      teamId,
      name: 'L1 London OLA',
      policy: l1LondonOla(calendarId),
      effectiveFrom: '2026-01-01',
    })
  ).id;
  contractId = (
    await t.services.contracts.contracts.create(null, accountId, {
      reference: `MSA-RC-${process.pid}`,
      terms: contractTerms(),
    })
  ).id;
  await t.services.contracts.contracts.transition(null, contractId, undefined, { action: 'activate' });
  // The set-up's own changes queued runs: done before the tests start from a quiet queue.
  await jobs.drain();
});

afterAll(async () => {
  await jobs?.stop({ timeoutMs: 1000 });
  await checks?.stop({ timeoutMs: 1000 });
  await t?.close();
});

async function open(overrides: Record<string, unknown> = {}) {
  const response = await agent.call('POST', '/api/cases', {
    accountId,
    subject: 'Faster Payments credits not arriving',
    description: 'Inbound FPS credits are delayed since 09:10.',
    type: 'incident',
    impact: 'high',
    urgency: 'medium',
    teamId,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; version: number }>().id;
}

async function setStatus(id: string, status: string) {
  const { version } = (await agent.call('GET', `/api/cases/${id}`)).json<{ version: number }>();
  const response = await agent.call('PATCH', `/api/cases/${id}`, { status }, { 'if-match': `"${version}"` });
  expect(response.statusCode, response.body).toBe(200);
}

async function changeHours(from: string, to: string, effectiveFrom?: Date) {
  const current = await t.services.calendars.get(null, calendarId);
  const response = await admin.call(
    'PUT',
    `/api/calendars/${calendarId}`,
    {
      name: current.name,
      spec: officeHours(from, to),
      ...(effectiveFrom ? { effectiveFrom: effectiveFrom.toISOString() } : {}),
    },
    { 'if-match': `"${current.version}"` },
  );
  expect(response.statusCode, response.body).toBe(200);
}

interface Run {
  id: string;
  trigger: string;
  triggerId: string | null;
  scope: string;
  scopeId: string | null;
  status: string;
  totalCases: number | null;
  casesDone: number;
  percent: number | null;
  clocksWritten: number;
}

async function runs(query = '') {
  const response = await agent.call('GET', `/api/sla/recomputations${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Run[]; nextCursor: string | null }>();
}

/** The one run queued now (several runs can share a requested instant on the test clock). */
async function queuedRun() {
  const queued = (await runs()).items.filter((item) => item.status === 'queued');
  expect(queued).toHaveLength(1);
  return queued[0]!;
}

async function run(id: string) {
  const response = await agent.call('GET', `/api/sla/recomputations/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Run>();
}

/** Every stored clock and queue summary of the cases, as the database holds them. */
async function stored(caseIds: string[]) {
  const clocks = await Promise.all(caseIds.map((id) => t.services.sla.clocks(t.db, accountId, id)));
  const summaries = await t.db
    .withTables<CaseTables>()
    .selectFrom('caseQueue')
    .select(['caseId', 'nextDueAt'])
    .where('caseId', 'in', caseIds)
    .orderBy('caseId')
    .execute();
  return { clocks, summaries };
}

const alertCount = async () =>
  Number(
    (
      await t.db
        .withTables<SlaTables>()
        .selectFrom('slaAlerts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('recomputation after a calendar change', () => {
  it('recomputes every open clock on the calendar exactly as the per-case path does, in the background', async () => {
    const running = await open();
    const urgent = await open({ impact: 'high', urgency: 'high' });
    const waiting = await open({ impact: 'low', urgency: 'low' });
    await setStatus(waiting, 'pending_customer');
    const resolved = await open();
    await setStatus(resolved, 'resolved');
    t.clock.advance(45 * MINUTE);
    const caseIds = [running, urgent, waiting];
    const before = await stored(caseIds);
    const alertsBefore = await alertCount();

    // Shorter hours: every business-hours due time moves.
    await changeHours('10:00', '16:00');
    const [queued] = (await runs()).items;
    expect(queued).toMatchObject({
      trigger: 'calendar',
      triggerId: calendarId,
      scope: 'calendar',
      scopeId: calendarId,
      status: 'queued',
      totalCases: null,
      percent: null,
    });
    // Nothing has moved yet: the run is the job's.
    expect(await stored(caseIds)).toEqual(before);

    await jobs.drain();
    const finished = await run(queued!.id);
    // The change governs from now: the case waiting on the customer, its clocks paused before it,
    // cannot move and is left as stored; the two with clocks running on are replayed.
    expect(finished).toMatchObject({ status: 'done', totalCases: 2, casesDone: 2, percent: 100 });
    const after = await stored(caseIds);
    expect(finished.clocksWritten).toBe(after.clocks[0]!.length + after.clocks[1]!.length);
    expect(after.clocks[2]).toEqual(before.clocks[2]);
    expect(after.clocks).not.toEqual(before.clocks);

    // The per-case path, case by case, over the same state and instant, gives the same rows.
    await t.db.transaction().execute(async (tx) => {
      for (const caseId of caseIds) await t.services.sla.recompute(tx, { accountId, caseId });
    });
    const perCase = await stored(caseIds);
    expect(after.clocks).toEqual(perCase.clocks);
    expect(after.summaries).toEqual(perCase.summaries);
    // A run fires nothing itself: alerts stay the check job's, once each.
    expect(await alertCount()).toBe(alertsBefore);
  });

  it('rewrites only the clocks whose schedule changed; the others keep their figures as of when they were stored', async () => {
    const caseId = await open();
    await changeHours('09:00', '17:00');
    await jobs.drain();
    const before = await stored([caseId]);
    t.clock.advance(5 * MINUTE);

    // Nothing moved but time: the run recomputes every clock and rewrites none.
    const manual = await admin.call('POST', '/api/sla/recomputations', { accountId });
    expect(manual.statusCode, manual.body).toBe(202);
    await jobs.drain();
    const unchanged = await run(manual.json<{ run: { id: string } }>().run.id);
    expect(unchanged).toMatchObject({ status: 'done', percent: 100 });
    expect(unchanged.clocksWritten).toBeGreaterThanOrEqual(before.clocks.flat().length);
    expect(await stored([caseId])).toEqual(before);

    // Shorter hours move the longer due times: those clocks are rewritten, as of now, as the
    // per-case path (which rewrites every clock) has them.
    await changeHours('09:00', '16:00');
    await jobs.drain();
    const key = (clock: { source: string; metric: string; cycle: number }) =>
      `${clock.source}/${clock.metric}/${clock.cycle}`;
    const dueBefore = new Map(before.clocks.flat().map((clock) => [key(clock), clock.dueAt?.getTime()]));
    const moved = (await stored([caseId])).clocks
      .flat()
      .filter((clock) => clock.dueAt?.getTime() !== dueBefore.get(key(clock)));
    expect(moved.length).toBeGreaterThan(0);
    await t.db.transaction().execute((tx) => t.services.sla.recompute(tx, { accountId, caseId }));
    const perCase = new Map((await stored([caseId])).clocks.flat().map((clock) => [key(clock), clock]));
    for (const clock of moved) expect(clock).toEqual(perCase.get(key(clock)));
  });

  it('leaves time already past measured as it was; a correction re-measures from the instant it names', async () => {
    // Open for the rest of this hour only (London is on UTC in early March).
    const hour = t.clock.now().getUTCHours();
    const clockTime = (h: number) => `${String(h).padStart(2, '0')}:00`;
    await changeHours(clockTime(hour), clockTime(hour + 1));
    await jobs.drain();
    const caseId = await open();
    const openedAt = t.clock.now();
    // Answered three hours later: the first response ran mostly through closed time.
    t.clock.advance(3 * 60 * MINUTE);
    const replied = await agent.call('POST', `/api/cases/${caseId}/messages`, {
      body: 'We are looking into the delayed credits.',
      visibility: 'public',
    });
    expect(replied.statusCode, replied.body).toBe(201);
    const finished = async () => {
      const clocks = (await stored([caseId])).clocks.flat();
      return clocks.filter((clock) => clock.metric === 'firstResponse');
    };
    const before = await finished();
    expect(before.length).toBeGreaterThan(0);
    for (const clock of before) expect(clock.stoppedAt).not.toBeNull();

    // Open all day from now on: the hours the clocks ran through closed stay closed, through the
    // run and through a replay of the whole history (as the case's next event does).
    await changeHours('00:00', '24:00');
    await jobs.drain();
    await t.db.transaction().execute((tx) => t.services.sla.recompute(tx, { accountId, caseId }));
    expect(await finished()).toEqual(before);

    // The same hours declared in force since before the case opened (a correction): those hours
    // count now. (A run rewrites the clocks whose schedule moved; the replay rewrites every figure.)
    await changeHours('00:00', '24:00', new Date(openedAt.getTime() - 60 * MINUTE));
    await jobs.drain();
    await t.db.transaction().execute((tx) => t.services.sla.recompute(tx, { accountId, caseId }));
    const corrected = await finished();
    for (const [index, clock] of corrected.entries())
      expect(clock.businessElapsedMs).toBeGreaterThan(before[index]!.businessElapsedMs);
  });

  it('replays only the cases a change from now can move, leaving nothing a full replay would change; a correction replays them all', async () => {
    const waiting = await open({ impact: 'low', urgency: 'low' });
    await setStatus(waiting, 'pending_customer');
    await open();
    await jobs.drain();
    /** The open cases with an open clock on the calendar: what an unnarrowed run covers. */
    const onCalendar = async () =>
      (
        await sql<{ caseId: string }>`select distinct c.case_id from sla_clocks c
          join cases k on k.account_id = c.account_id and k.id = c.case_id
          where c.calendar_id = ${calendarId} and c.status in ('running', 'paused')
            and k.status not in ('resolved', 'closed')`.execute(t.db)
      ).rows.map((row) => row.caseId);
    const everyCase = await onCalendar();

    // From now: the run leaves the cases whose clocks on the calendar are paused or already breached.
    await changeHours('09:00', '16:45');
    const narrowed = await queuedRun();
    await jobs.drain();
    expect((await run(narrowed.id)).totalCases).toBeLessThan(everyCase.length);
    // Replaying every one of them afterwards, as each case's next event would, moves no schedule:
    // only the figures that move with time alone (elapsed and remaining, as of the replay).
    const schedules = async () => {
      const { clocks, summaries } = await stored(everyCase);
      const withoutFigures = clocks.map((ofCase) =>
        ofCase.map(({ businessElapsedMs: _elapsed, remainingMs: _remaining, ...clock }) => clock),
      );
      return { clocks: withoutFigures, summaries };
    };
    const settled = await schedules();
    await t.db.transaction().execute(async (tx) => {
      for (const caseId of everyCase) await t.services.sla.recompute(tx, { accountId, caseId });
    });
    expect(await schedules()).toEqual(settled);

    // A change from now, then a correction reaching into last week before the run starts: the one
    // queued run widens to every open case on the calendar.
    await changeHours('09:00', '17:00');
    const queued = await queuedRun();
    await changeHours('09:00', '17:00', new Date(t.clock.now().getTime() - 7 * 24 * 60 * MINUTE));
    expect(await queuedRun()).toMatchObject({ id: queued.id });
    await jobs.drain();
    expect((await run(queued.id)).totalCases).toBe(everyCase.length);
  });

  it('schedules a check where a warning or due time moved earlier than the one already queued', async () => {
    const caseId = await open();
    await changeHours('09:00', '10:00');
    await jobs.drain();
    await changeHours('09:00', '17:30');
    await jobs.drain();
    const { rows } = await sql<{ singletonKey: string }>`
      select singleton_key from pgboss.job where name = 'sla-check' and singleton_key like ${`${caseId}@%`}
    `.execute(t.db);
    const [firstResponse] = (await t.services.sla.clocks(t.db, accountId, caseId)).filter(
      (clock) => clock.metric === 'firstResponse' && clock.source === 'customer',
    );
    const warningAt = Date.parse((firstResponse!.warnings as Array<{ at: string }>)[0]!.at);
    const soonest = Math.min(firstResponse!.dueAt!.getTime(), warningAt);
    expect(rows.map((row) => row.singletonKey)).toContain(`${caseId}@${soonest}`);
  });

  it('coalesces quick successive changes into one queued run', async () => {
    await open();
    await changeHours('08:00', '18:00');
    await changeHours('08:30', '18:00');
    await changeHours('08:30', '18:30');
    const queued = (await runs()).items.filter((item) => item.status === 'queued');
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ scope: 'calendar', scopeId: calendarId });
    await jobs.drain();
    expect((await run(queued[0]!.id)).status).toBe('done');
  });

  it('queues a run for the account on a contract amendment, and for the team on an OLA change', async () => {
    const contract = await t.services.contracts.contracts.get(null, contractId);
    await t.services.contracts.contracts.amend(null, contractId, contract.revision, {
      summary: 'Faster first response',
      effectiveFrom: '2026-03-02',
      terms: contractTerms(),
    });
    const agreement = await t.services.agreements.get(null, olaId);
    await t.services.agreements.replace(null, olaId, agreement.version, {
      kind: 'ola',
      teamId,
      name: 'L1 London OLA',
      policy: { ...l1LondonOla(calendarId), warningThresholds: [50] },
      effectiveFrom: '2026-01-01',
    });
    const queued = (await runs()).items.filter((item) => item.status === 'queued');
    expect(queued).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          trigger: 'contract',
          triggerId: contractId,
          scope: 'account',
          scopeId: accountId,
        }),
        expect.objectContaining({ trigger: 'agreement', triggerId: olaId, scope: 'team', scopeId: teamId }),
      ]),
    );
    await jobs.drain();
    for (const item of queued) expect(await run(item.id)).toMatchObject({ status: 'done', percent: 100 });
  });
});

/** `cases` more open cases, and a calendar run over them worked by a runner with batches of two. */
async function calendarRunInBatchesOfTwo(cases: number) {
  for (let index = 0; index < cases; index++) await open();
  const small = createSlaRecomputations({ db: t.db, clock: t.clock, engine: t.services.sla, batchSize: 2 });
  const requested = await t.db
    .transaction()
    .execute((tx) => small.calendarChanged(tx, { calendarId, userId: null, movesFrom: null }));
  return { small, requested };
}

describe('a run cut short', () => {
  it('continues from its last committed batch, counting each case once', async () => {
    const { small, requested } = await calendarRunInBatchesOfTwo(4);
    // Only the first batch gets through: the attempt is then given up, as at a shutdown.
    let checks = 0;
    const givenUpAfterOneBatch = {
      get aborted() {
        checks += 1;
        return checks > 1;
      },
    } as AbortSignal;
    await expect(small.work(requested.run.id, givenUpAfterOneBatch)).rejects.toThrow('given up');
    const cut = await run(requested.run.id);
    expect(cut).toMatchObject({ status: 'running', casesDone: 2 });
    expect(cut.totalCases).toBeGreaterThan(2);

    await small.work(requested.run.id);
    const finished = await run(requested.run.id);
    expect(finished).toMatchObject({ status: 'done', casesDone: cut.totalCases, percent: 100 });
    // Its job (queued with the request) finds the run done and does nothing more.
    await jobs.drain();
    expect(await run(requested.run.id)).toEqual(finished);
  });
});

describe('two attempts of one run at once', () => {
  it('write each batch once: the second finds its place taken and stops', async () => {
    const { small, requested } = await calendarRunInBatchesOfTwo(5);
    await Promise.all([small.work(requested.run.id), small.work(requested.run.id)]);
    const finished = await run(requested.run.id);
    expect(finished).toMatchObject({ status: 'done', percent: 100 });
    expect(finished.casesDone).toBe(finished.totalCases);
  });
});

describe('the API', () => {
  it('lets an admin or account manager start a manual run; asking again while queued returns it', async () => {
    const first = await admin.call('POST', '/api/sla/recomputations', {});
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toMatchObject({
      coalesced: false,
      run: { trigger: 'manual', scope: 'all', status: 'queued' },
    });
    const again = await manager.call('POST', '/api/sla/recomputations', {});
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json()).toMatchObject({ coalesced: true, run: { id: first.json().run.id } });

    const forAccount = await manager.call('POST', '/api/sla/recomputations', { accountId });
    expect(forAccount.statusCode, forAccount.body).toBe(202);
    expect(forAccount.json().run).toMatchObject({ scope: 'account', scopeId: accountId, triggerId: null });

    await jobs.drain();
    const done = await run(first.json().run.id);
    expect(done).toMatchObject({ status: 'done', percent: 100 });
    expect(done.casesDone).toBe(done.totalCases);
  });

  it('lists runs newest first, a page at a time', async () => {
    const all = (await runs('?limit=200')).items;
    expect(all.length).toBeGreaterThan(2);
    const first = await runs('?limit=2');
    expect(first.items).toEqual(all.slice(0, 2));
    const second = await runs(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toEqual(all.slice(2, 4));
  });

  it('refuses bad input with a problem and changes nothing', async () => {
    const count = (await runs('?limit=200')).items.length;
    const cases = [
      [{ calendarId, accountId }, 'VALIDATION_FAILED'],
      [{ calendarId: '00000000-0000-4000-8000-000000000000' }, 'VALIDATION_FAILED'],
      [{ accountId: '00000000-0000-4000-8000-000000000000' }, 'VALIDATION_FAILED'],
      [{ teamId }, 'VALIDATION_FAILED'],
      [{ calendarId: 'not-a-uuid' }, 'VALIDATION_FAILED'],
    ] as const;
    for (const [body, code] of cases) {
      const response = await admin.call('POST', '/api/sla/recomputations', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
    }
    expect((await runs('?limit=200')).items).toHaveLength(count);

    const unknown = await agent.call('GET', '/api/sla/recomputations/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('SLA_RECOMPUTATION_NOT_FOUND');
    expect((await agent.call('GET', '/api/sla/recomputations/42')).statusCode).toBe(400);
    expect((await agent.call('GET', '/api/sla/recomputations?cursor=nonsense')).statusCode).toBe(400);
  });

  it('keeps runs from customers and manual runs from agents', async () => {
    const [any] = (await runs()).items;
    expect((await customer.call('GET', '/api/sla/recomputations')).statusCode).toBe(403);
    expect((await customer.call('GET', `/api/sla/recomputations/${any!.id}`)).statusCode).toBe(403);
    const asCustomer = await customer.call('POST', '/api/sla/recomputations', { accountId });
    expect(asCustomer.statusCode).toBe(403);
    const asAgent = await agent.call('POST', '/api/sla/recomputations', { accountId: otherAccountId });
    expect(asAgent.statusCode).toBe(403);
    expect(asAgent.json().code).toBe('AUTH_FORBIDDEN');
  });
});
