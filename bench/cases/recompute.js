/**
 * SLA recomputation at volume: `benchRecompute({ url })` on the PostgreSQL database at `url`
 *
 * 1. recomputes every open case's clocks in a run (scope all) — on a freshly generated database the
 *    first computation of their clocks, later the same clocks again (mostly unchanged, so few rows
 *    are rewritten);
 * 2. changes the hours of the calendar most open clocks run on (toggling Monday–Friday 09:00–17:30
 *    and 08:30–17:30), as an administrator would: the change governs from now and queues its run,
 *    which is timed — the figure. The run replays the calendar's open cases that have a clock
 *    running past now (the others' clocks are paused, or breached before the change, and cannot move);
 *    the figure counts every open clock (running or paused, as the issue counts) of all the calendar's
 *    open cases, which are all up to date when it ends. A full replay of all of those cases follows,
 *    timed too, and must move no schedule but by time alone (a breach reached since is recorded;
 *    the bench fails on anything else);
 * 3. writes the same rows with bare SQL (two UPDATE statements, rolled back): the floor on this machine;
 * 4. measures the per-case path (`engine.recompute`, one transaction per case, as a case change does)
 *    on a sample of the same cases for comparison.
 *
 * It writes clocks, queue summaries, the calendar and the runs' rows. Give it a database of its own.
 *
 * Plain JavaScript run through tsx's loader (it imports the server's TypeScript). Directly:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/pd_rc node --import tsx bench/cases/recompute.js
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The per-case path on the first `sample` open cases (keyset order), for the ratio. */
const sample = 2_000;

/**
 * @param {{ url: string; log?: (line: string) => void }} options
 * The result is the calendar change's run (cases replayed, casesInScope, clocks, openClocks,
 * rewritten, seconds, clocksPerSecond, openClocksPerSecond, fullReplay: the same figures for the
 * check), with `all` (the run over every open case, same fields), the
 * calendar's name and new opening time (`calendar`, `opens`), `floor` (the bare SQL writes: seconds,
 * clocksPerSecond, openClocksPerSecond), `baseline` (the per-case path: cases, clocks, seconds,
 * clocksPerSecond) and `ratio` (the calendar run's clocks/s over the per-case path's, all clocks both).
 */
export async function benchRecompute({ url, log = console.log }) {
  const { openDatabase, migrateToLatest } = await import(`${root}/apps/server/src/platform/db/index.ts`);
  const { createServices } = await import(`${root}/apps/server/src/app.ts`);
  const { systemClock } = await import(`${root}/apps/server/src/platform/clock.ts`);
  const { createFileStore } = await import(`${root}/apps/server/src/platform/files/index.ts`);
  const { nextCases } = await import(`${root}/apps/server/src/modules/sla/recompute.repository.ts`);
  const { createJobs } = await import(`${root}/apps/server/src/platform/jobs/index.ts`);
  const { sql } = await import('kysely');

  const handle = await openDatabase({ kind: 'postgres', url });
  let jobs;
  try {
    await migrateToLatest(handle.db);
    const services = createServices({
      db: handle.db,
      clock: systemClock,
      files: createFileStore(path.join(os.tmpdir(), 'paydesk-bench-files')),
    });
    const engine = services.sla;
    const runs = services.slaRecomputations;
    // A job queue that only enqueues, as the server's: the checks a run schedules are written.
    const quiet = { debug() {}, info() {}, warn() {}, error: (obj, msg) => log(`jobs: ${msg}`) };
    jobs = createJobs({ db: handle.db, kind: 'postgres', logger: quiet, workers: false });
    jobs.register(engine.checkJob, runs.runJob);
    await jobs.start();
    engine.useJobs(jobs);
    runs.useJobs(jobs);

    /** Works a run to its end; its cases, clocks and the clocks it rewrote (the rest were unchanged). */
    async function timed(runId) {
      const started = new Date();
      const clock = performance.now();
      await runs.work(runId);
      const seconds = (performance.now() - clock) / 1000;
      const done = await handle.db
        .selectFrom('slaRecomputations')
        .select(['casesDone', 'clocksWritten', 'scope', 'scopeId'])
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      const { rewritten } = await handle.db
        .selectFrom('slaClocks')
        .select((eb) => eb.fn.countAll().as('rewritten'))
        .where('updatedAt', '>=', started)
        .executeTakeFirstOrThrow();
      const { rows } = await sql`select count(*)::int as checks from pgboss.job
        where name = 'sla-check' and created_on >= ${started}`.execute(handle.db);
      const checks = rows[0].checks;
      const clocks = Number(done.clocksWritten);
      const openClocks = await countOpenClocks(done.scope, done.scopeId);
      return {
        checks,
        started,
        cases: Number(done.casesDone),
        clocks,
        openClocks,
        rewritten: Number(rewritten),
        seconds,
        clocksPerSecond: clocks / seconds,
        openClocksPerSecond: openClocks / seconds,
      };
    }

    /**
     * The open clocks (running or paused) of the run's cases: what the figure counts. A run
     * recomputes every clock of its cases, the finished ones too (replayed from the history like the
     * rest), but only the open ones had to be: the goal is measured in these.
     */
    async function countOpenClocks(scope, scopeId) {
      if (scope !== 'calendar' && scope !== 'all') throw new Error(`the bench runs no ${scope} run`);
      const open = sql`c.status in ('running', 'paused')`;
      const { rows } =
        scope === 'calendar'
          ? await sql`select count(*)::int as n from sla_clocks c where ${open} and exists (
              select 1 from sla_clocks d where d.account_id = c.account_id and d.case_id = c.case_id
                and d.calendar_id = ${scopeId} and d.status in ('running', 'paused'))`.execute(handle.db)
          : await sql`select count(*)::int as n from sla_clocks c join case_queue q
              on q.account_id = c.account_id and q.case_id = c.case_id where q.open and ${open}`.execute(
              handle.db,
            );
      return rows[0].n;
    }
    const describe = (run) =>
      `${run.cases} open cases, ${run.clocks} clocks of which ${run.openClocks} open (${run.rewritten} rewritten, ` +
      `${run.checks} checks scheduled) in ${run.seconds.toFixed(1)} s = ${Math.round(run.openClocksPerSecond)} open clocks/s ` +
      `(${Math.round(run.clocksPerSecond)} clocks/s counting all)`;

    // 1. Every open case, as an admin's manual run.
    const manual = await handle.db.transaction().execute((tx) =>
      runs.request(tx, {
        trigger: 'manual',
        triggerId: null,
        scope: 'all',
        scopeId: null,
        requestedBy: null,
      }),
    );
    const all = await timed(manual.run.id);
    log(`SLA recomputation of every open case: ${describe(all)}`);

    // 2. A calendar change: the calendar with the most open clocks gets other hours.
    const { calendarId } = await handle.db
      .selectFrom('slaClocks')
      .select('calendarId')
      .where('status', 'in', ['running', 'paused'])
      .where('calendarId', 'is not', null)
      .groupBy('calendarId')
      .orderBy((eb) => eb.fn.countAll(), 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const calendar = await services.calendars.get(null, calendarId);
    const opens = calendar.spec.week.mon?.[0]?.[0] === '09:00' ? '08:30' : '09:00';
    const week = Object.fromEntries(
      Object.entries(calendar.spec.week).map(([day, windows]) => [
        day,
        windows.length === 0 ? windows : [[opens, windows.at(-1)[1]]],
      ]),
    );
    await services.calendars.replace(null, calendarId, calendar.version, {
      name: calendar.name,
      description: calendar.description,
      spec: { ...calendar.spec, week },
    });
    const queued = await handle.db
      .selectFrom('slaRecomputations')
      .select('id')
      .where('status', '=', 'queued')
      .where('scope', '=', 'calendar')
      .where('scopeId', '=', calendarId)
      .executeTakeFirstOrThrow();
    const changed = await timed(queued.id);
    // The change governs from now, so the run replays only the cases with a clock on the calendar
    // still running past now; the figure counts every open clock of the calendar's cases, all of
    // which are up to date when it ends. Checked: a full replay of every one of those cases right
    // after (the run a correction into the past queues) must move no schedule but by time alone —
    // a running clock whose due time has passed since gets its breach recorded, nothing else.
    await sql`drop table if exists bench_clock_schedules`.execute(handle.db);
    await sql`create table bench_clock_schedules as select account_id, case_id, source, metric, cycle,
      status, target_ms, pauses, due_at, breached_at, stopped_at, warnings from sla_clocks`.execute(
      handle.db,
    );
    const full = await handle.db.transaction().execute((tx) =>
      runs.request(tx, {
        trigger: 'manual',
        triggerId: null,
        scope: 'calendar',
        scopeId: calendarId,
        movesFrom: null,
        requestedBy: null,
      }),
    );
    const replayed = await timed(full.run.id);
    const { rows: movedRows } = await sql`select
        count(*) filter (where (c.status, c.target_ms, c.pauses, c.due_at, c.stopped_at, c.warnings)
          is distinct from (b.status, b.target_ms, b.pauses, b.due_at, b.stopped_at, b.warnings)
          or (c.breached_at is distinct from b.breached_at
            and not (b.breached_at is null and c.breached_at = c.due_at and c.due_at <= now())))::int as moved,
        count(*) filter (where b.breached_at is null and c.breached_at is not null)::int as breached
      from sla_clocks c join bench_clock_schedules b using (account_id, case_id, source, metric, cycle)`.execute(
      handle.db,
    );
    await sql`drop table bench_clock_schedules`.execute(handle.db);
    const { moved, breached } = movedRows[0];
    const result = { ...changed, casesInScope: replayed.cases, fullReplay: { ...replayed, moved, breached } };
    log(
      `After "${calendar.name}" opens at ${opens} on working days: ${describe(result)}, replaying ` +
        `${result.cases} of the ${result.casesInScope} cases (goal ≥ 50,000); a full replay of all of them ` +
        `after it: ${replayed.seconds.toFixed(1)} s, ${breached} breaches reached since, ${moved} schedules moved (must be 0)`,
    );
    if (moved !== 0) throw new Error(`the calendar run left ${moved} clocks that a full replay moved`);

    // The floor: the same rows written by bare SQL, with nothing computed or sent — the clocks the
    // run rewrote (one statement) and their cases' queue summaries (another), rolled back.
    const floor = await handle.db
      .transaction()
      .execute(async (tx) => {
        const floorStarted = performance.now();
        await sql`update sla_clocks set due_at = due_at + interval '1 millisecond',
            remaining_ms = remaining_ms - 1, updated_at = now()
          where updated_at >= ${result.started}`.execute(tx);
        await sql`update case_queue set next_due_at = next_due_at + interval '1 millisecond'
          where (account_id, case_id) in (select account_id, case_id from sla_clocks where updated_at >= ${result.started})`.execute(
          tx,
        );
        throw Object.assign(new Error('rolled back'), { seconds: (performance.now() - floorStarted) / 1000 });
      })
      .catch((error) => {
        if (error.seconds === undefined) throw error;
        return {
          seconds: error.seconds,
          clocksPerSecond: result.clocks / error.seconds,
          openClocksPerSecond: result.openClocks / error.seconds,
        };
      });
    log(
      `Bare SQL writing the same rows: ${floor.seconds.toFixed(1)} s = ${Math.round(floor.openClocksPerSecond)} open clocks/s ` +
        `(the run takes ${(result.seconds / floor.seconds).toFixed(1)}× as long)`,
    );

    // The per-case path on a sample of the same cases, each in its own transaction.
    const keys = await nextCases(handle.db, { scope: 'all', scopeId: null, movesFrom: null }, null, sample);
    let baselineClocks = 0;
    const baselineStarted = performance.now();
    for (const key of keys) {
      await handle.db.transaction().execute((tx) => engine.recompute(tx, key));
      baselineClocks += (await engine.clocks(handle.db, key.accountId, key.caseId)).length;
    }
    const baselineSeconds = (performance.now() - baselineStarted) / 1000;
    const baseline = {
      cases: keys.length,
      clocks: baselineClocks,
      seconds: baselineSeconds,
      clocksPerSecond: baselineClocks / baselineSeconds,
    };
    const ratio = result.clocksPerSecond / baseline.clocksPerSecond;
    log(
      `Per-case path (engine.recompute, first ${keys.length} open cases): ${baselineClocks} clocks in ` +
        `${baselineSeconds.toFixed(1)} s = ${Math.round(baseline.clocksPerSecond)} clocks/s; the run is ${ratio.toFixed(1)}× faster`,
    );
    return { ...result, all, calendar: calendar.name, opens, floor, baseline, ratio };
  } finally {
    await jobs?.stop();
    await handle.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith('postgres')) {
    console.log('bench recompute skipped: set DATABASE_URL to a PostgreSQL database of its own');
    process.exit(0);
  }
  await benchRecompute({ url });
}
