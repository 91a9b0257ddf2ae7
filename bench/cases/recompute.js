/**
 * SLA recomputation at volume: `benchRecompute({ url })` recomputes the clocks of every open case on
 * the PostgreSQL database at `url`, as a run does after a calendar change (batches of cases: one
 * query per read, one statement per write), and measures the per-case path (`engine.recompute`, one
 * transaction per case, as a case change does) on a sample of the same cases for comparison.
 *
 * It writes: the clocks and the cases' queue summary (a cache the engine rebuilds at any time) and
 * the run's row. Give it a database of its own (a copy: CREATE DATABASE … TEMPLATE …).
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
 * @returns {Promise<{ cases: number; clocks: number; seconds: number; clocksPerSecond: number;
 *   baseline: { cases: number; clocks: number; seconds: number; clocksPerSecond: number }; ratio: number }>}
 */
export async function benchRecompute({ url, log = console.log }) {
  const { openDatabase, migrateToLatest } = await import(`${root}/apps/server/src/platform/db/index.ts`);
  const { createServices } = await import(`${root}/apps/server/src/app.ts`);
  const { systemClock } = await import(`${root}/apps/server/src/platform/clock.ts`);
  const { createFileStore } = await import(`${root}/apps/server/src/platform/files/index.ts`);
  const { nextCases } = await import(`${root}/apps/server/src/modules/sla/recompute.repository.ts`);

  const handle = await openDatabase({ kind: 'postgres', url });
  try {
    await migrateToLatest(handle.db);
    const services = createServices({
      db: handle.db,
      clock: systemClock,
      files: createFileStore(path.join(os.tmpdir(), 'paydesk-bench-files')),
    });
    const engine = services.sla;
    const runs = services.slaRecomputations;

    // The run: every open case (after a calendar change, its cases are a subset of these).
    const manual = await handle.db.transaction().execute((tx) =>
      runs.request(tx, {
        trigger: 'manual',
        triggerId: null,
        scope: 'all',
        scopeId: null,
        requestedBy: null,
      }),
    );
    const started = performance.now();
    await runs.work(manual.run.id);
    const seconds = (performance.now() - started) / 1000;
    const done = await handle.db
      .selectFrom('slaRecomputations')
      .select(['casesDone', 'clocksWritten'])
      .where('id', '=', manual.run.id)
      .executeTakeFirstOrThrow();
    const cases = Number(done.casesDone);
    const clocks = Number(done.clocksWritten);
    const result = { cases, clocks, seconds, clocksPerSecond: clocks / seconds };
    log(
      `SLA recomputation run: ${cases} open cases, ${clocks} clocks in ${seconds.toFixed(1)} s ` +
        `= ${Math.round(result.clocksPerSecond)} clocks/s (goal ≥ 50,000)`,
    );

    // The per-case path on a sample of the same cases, each in its own transaction.
    const keys = await nextCases(handle.db, 'all', null, null, sample);
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
    return { ...result, baseline, ratio };
  } finally {
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
