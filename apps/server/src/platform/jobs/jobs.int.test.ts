import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import type { DatabaseHandle } from '../db/index.ts';
import { openTestDatabase, testEngine } from '../../../test/database.ts';
import { createJobs, defineJob, type JobDefinition, type Jobs, type Logger } from './index.ts';

const handle = await openTestDatabase(inject('testTemplate'));
afterAll(() => handle.close());

interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string | undefined;
  obj: object;
}

const logs: LogEntry[] = [];
const logger: Logger = {
  debug: (obj, msg) => logs.push({ level: 'debug', msg, obj }),
  info: (obj, msg) => logs.push({ level: 'info', msg, obj }),
  warn: (obj, msg) => logs.push({ level: 'warn', msg, obj }),
  error: (obj, msg) => logs.push({ level: 'error', msg, obj }),
};

const running: Jobs[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((jobs) => jobs.stop({ timeoutMs: 1000 })));
  // pg-boss reports trouble in its own timers (maintenance, polling) only through 'error' events.
  const bossErrors = logs.filter((entry) => entry.msg === 'pg-boss error');
  logs.length = 0;
  expect(bossErrors).toEqual([]);
});

/** One Jobs instance, as a process would hold it; several in one test stand for several processes. */
async function startJobs(
  definitions: JobDefinition<unknown>[],
  options: { workers?: boolean; database?: DatabaseHandle } = {},
): Promise<Jobs> {
  const database = options.database ?? handle;
  const jobs = createJobs({
    db: database.db,
    kind: database.kind,
    logger,
    workers: options.workers ?? true,
    pollIntervalSeconds: 0.5,
  });
  jobs.register(...definitions);
  running.push(jobs);
  await jobs.start();
  return jobs;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function findJobRow(id: string) {
  const { rows } = await sql<{ state: string; retryCount: number; data: unknown }>`
    select state, retry_count, data from pgboss.job where id = ${id}::uuid
  `.execute(handle.db);
  return rows[0];
}

function waitForState(id: string, state: string) {
  return waitFor(`job ${id} to be ${state}`, async () => {
    const row = await findJobRow(id);
    return row?.state === state ? row : undefined;
  });
}

function createGate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe(`jobs on ${testEngine()}`, () => {
  it('runs a job enqueued in a committed transaction once, with its payload', async () => {
    const runs: Array<{ payload: unknown; jobId: string; attempt: number; users: number }> = [];
    const job = defineJob<{ caseId: string }>('committed-runs-once', async (payload, ctx) => {
      // The handler's own queries go through the same pool pg-boss uses; on PGlite that is one connection.
      const users = await ctx.db.selectFrom('users').select('id').execute();
      runs.push({ payload, jobId: ctx.jobId, attempt: ctx.attempt, users: users.length });
    });
    const jobs = await startJobs([job]);

    const id = await handle.db.transaction().execute((tx) => jobs.enqueue(tx, job, { caseId: 'case-1' }));

    expect(id).toEqual(expect.any(String));
    await waitForState(id!, 'completed');
    expect(runs).toEqual([{ payload: { caseId: 'case-1' }, jobId: id, attempt: 1, users: 0 }]);
  });

  it('never runs a job whose transaction rolled back', async () => {
    const runs: string[] = [];
    const job = defineJob<{ label: string }>('rolled-back-never-runs', async (payload) => {
      runs.push(payload.label);
    });
    const jobs = await startJobs([job]);

    let rolledBackId: string | null = null;
    await expect(
      handle.db.transaction().execute(async (tx) => {
        rolledBackId = await jobs.enqueue(tx, job, { label: 'rolled back' });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    // Enqueued after the rollback on the same queue: once the worker has run it, it has seen the queue.
    const laterId = await jobs.enqueue(handle.db, job, { label: 'later' });
    await waitForState(laterId!, 'completed');

    expect(rolledBackId).toEqual(expect.any(String));
    expect(await findJobRow(rolledBackId!)).toBeUndefined();
    expect(runs).toEqual(['later']);
  });

  it('retries a failing handler until a later attempt succeeds', async () => {
    const attempts: number[] = [];
    const job = defineJob<{ n: number }>(
      'flaky-then-fine',
      async (_payload, ctx) => {
        attempts.push(ctx.attempt);
        if (ctx.attempt < 3) throw new Error(`upstream unavailable (attempt ${ctx.attempt})`);
      },
      { retryLimit: 3, retryDelaySeconds: 0, retryBackoff: false },
    );
    const jobs = await startJobs([job]);

    const id = await jobs.enqueue(handle.db, job, { n: 1 });
    const row = await waitForState(id!, 'completed');

    expect(attempts).toEqual([1, 2, 3]);
    expect(row.retryCount).toBe(2);
    expect(logs.filter((entry) => entry.msg === 'job attempt failed; it will be retried')).toHaveLength(2);
  });

  it('marks a job failed once its retries are used up', async () => {
    const attempts: number[] = [];
    const job = defineJob<{ n: number }>(
      'always-fails',
      async (_payload, ctx) => {
        attempts.push(ctx.attempt);
        throw new Error('permanently broken');
      },
      { retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false },
    );
    const jobs = await startJobs([job], { workers: false });

    const id = await jobs.enqueue(handle.db, job, { n: 1 });
    // drain() takes the retry too: with no delay it is due again at once.
    await jobs.drain();

    expect(attempts).toEqual([1, 2]);
    expect((await findJobRow(id!))?.state).toBe('failed');
    expect(logs.filter((entry) => entry.msg === 'job failed on its last attempt')).toHaveLength(1);
  });

  it('keeps one queued job per singletonKey and leaves jobs without a key alone', async () => {
    const runs: number[] = [];
    const job = defineJob<{ n: number }>('deduplicated-by-key', async (payload) => {
      runs.push(payload.n);
    });
    const jobs = await startJobs([job], { workers: false });

    const first = await jobs.enqueue(handle.db, job, { n: 1 }, { singletonKey: 'case-1' });
    const duplicate = await jobs.enqueue(handle.db, job, { n: 2 }, { singletonKey: 'case-1' });
    const otherKey = await jobs.enqueue(handle.db, job, { n: 3 }, { singletonKey: 'case-2' });
    const unkeyedA = await jobs.enqueue(handle.db, job, { n: 4 });
    const unkeyedB = await jobs.enqueue(handle.db, job, { n: 5 });
    await jobs.drain();
    // The first one has run, so the key is free again.
    const afterRun = await jobs.enqueue(handle.db, job, { n: 6 }, { singletonKey: 'case-1' });

    expect(first).toEqual(expect.any(String));
    expect(duplicate).toBeNull();
    expect(new Set([first, otherKey, unkeyedA, unkeyedB]).size).toBe(4);
    expect(runs.sort((a, b) => a - b)).toEqual([1, 3, 4, 5]);
    expect(afterRun).toEqual(expect.any(String));
    expect((await findJobRow(afterRun!))?.state).toBe('created');
  });

  it('enqueues many jobs in one statement, in the transaction, skipping keys already queued', async () => {
    const runs: number[] = [];
    const job = defineJob<{ n: number }>('enqueued-together', async (payload) => {
      runs.push(payload.n);
    });
    const jobs = await startJobs([job], { workers: false });
    await jobs.enqueue(handle.db, job, { n: 1 }, { singletonKey: 'together-1' });

    const rolledBack = handle.db.transaction().execute(async (tx) => {
      await jobs.enqueueMany(tx, job, [{ payload: { n: 9 }, options: { singletonKey: 'together-9' } }]);
      throw new Error('roll back');
    });
    await expect(rolledBack).rejects.toThrow('roll back');
    const added = await handle.db
      .transaction()
      .execute((tx) =>
        jobs.enqueueMany(tx, job, [
          { payload: { n: 2 }, options: { singletonKey: 'together-1' } },
          { payload: { n: 3 }, options: { singletonKey: 'together-3' } },
          { payload: { n: 4 } },
          { payload: { n: 5 }, options: { startAfter: new Date(Date.now() + 3_600_000) } },
        ]),
      );
    expect(await jobs.enqueueMany(handle.db, job, [])).toBe(0);
    await jobs.drain();

    // together-1 was queued already; the one for later waits; the rolled-back one never existed.
    expect(added).toBe(3);
    expect(runs.sort((a, b) => a - b)).toEqual([1, 3, 4]);
  });

  it('holds a job with startAfter until it is due', async () => {
    const runs: number[] = [];
    const job = defineJob<{ n: number }>('deferred-until-due', async (payload) => {
      runs.push(payload.n);
    });
    const jobs = await startJobs([job], { workers: false });

    const later = await jobs.enqueue(
      handle.db,
      job,
      { n: 1 },
      { startAfter: new Date(Date.now() + 3_600_000) },
    );
    const now = await jobs.enqueue(handle.db, job, { n: 2 }, { startAfter: new Date(Date.now() - 1000) });
    await jobs.drain();

    expect(runs).toEqual([2]);
    expect((await findJobRow(later!))?.state).toBe('created');
    expect((await findJobRow(now!))?.state).toBe('completed');
  });

  it('enqueues inside a transaction straight after start, before any worker has polled', async () => {
    // On PGlite the transaction holds the only connection, so a pg-boss lookup on the pool would wait
    // for it forever. A database of its own keeps such a hang from wedging the rest of this file.
    const database = await openTestDatabase(inject('testTemplate'));
    const job = defineJob<{ n: number }>('enqueued-before-first-poll', async () => {});
    const jobs = await startJobs([job], { workers: false, database });

    const enqueued = database.db.transaction().execute((tx) => jobs.enqueue(tx, job, { n: 1 }));
    const outcome = await Promise.race([
      enqueued,
      new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 10_000).unref()),
    ]);
    if (outcome === 'hung') {
      // Its stop() would wait on the wedged connection too; leave it to the process exit.
      running.splice(running.indexOf(jobs), 1);
      throw new Error('enqueue inside a transaction never returned');
    }
    await jobs.stop();
    const { rows } = await sql<{
      state: string;
    }>`select state from pgboss.job where id = ${outcome}::uuid`.execute(database.db);
    await database.close();

    expect(outcome).toEqual(expect.any(String));
    expect(rows).toEqual([{ state: 'created' }]);
  });

  it('stop() lets the running handler finish and starts no other job', async () => {
    const gate = createGate();
    const events: string[] = [];
    const job = defineJob<{ label: string }>('graceful-stop', async (payload) => {
      events.push(`start ${payload.label}`);
      await gate.opened;
      events.push(`end ${payload.label}`);
    });
    const jobs = await startJobs([job]);
    const first = await jobs.enqueue(handle.db, job, { label: 'first' });
    await waitFor('the first job to start', () => (events.includes('start first') ? true : undefined));
    const second = await jobs.enqueue(handle.db, job, { label: 'second' });

    const stopped = jobs.stop({ timeoutMs: 20_000 }).then(() => events.push('stopped'));
    // Only gives a stop() that does not wait the chance to return first; the order below is the assertion.
    setTimeout(gate.open, 300);
    await stopped;

    expect(events).toEqual(['start first', 'end first', 'stopped']);
    expect((await findJobRow(first!))?.state).toBe('completed');
    expect((await findJobRow(second!))?.state).toBe('created');

    // Another process picks up what the stopped one left queued.
    const next = await startJobs([job], { workers: false });
    await next.drain();
    expect(events).toEqual(['start first', 'end first', 'stopped', 'start second', 'end second']);
  });

  it('stop() releases a handler still running at the timeout so another process retries it', async () => {
    const gate = createGate();
    const attempts: Array<{ attempt: number; signal: AbortSignal }> = [];
    const job = defineJob<{ n: number }>(
      'released-at-timeout',
      async (_payload, ctx) => {
        attempts.push({ attempt: ctx.attempt, signal: ctx.signal });
        if (ctx.attempt === 1) await gate.opened;
      },
      { retryDelaySeconds: 0, retryBackoff: false },
    );
    const jobs = await startJobs([job]);
    const id = await jobs.enqueue(handle.db, job, { n: 1 });
    await waitFor('the first attempt to start', () => (attempts.length === 1 ? true : undefined));

    await jobs.stop({ timeoutMs: 1000 });

    expect((await findJobRow(id!))?.state).toBe('retry');
    expect(attempts[0]?.signal.aborted).toBe(true);
    expect(logs.some((entry) => entry.msg?.startsWith('handlers still running at shutdown'))).toBe(true);
    gate.open();

    const next = await startJobs([job], { workers: false });
    await next.drain();
    expect(attempts.map((run) => run.attempt)).toEqual([1, 2]);
    expect((await findJobRow(id!))?.state).toBe('completed');
  });

  it('refuses to enqueue a job it has not registered, or before start()', async () => {
    const known = defineJob<{ n: number }>('registered-job', async () => {});
    const unknown = defineJob<{ n: number }>('unregistered-job', async () => {});
    const notStarted = createJobs({ db: handle.db, kind: handle.kind, logger, workers: false });
    notStarted.register(known);
    const jobs = await startJobs([known], { workers: false });

    await expect(notStarted.enqueue(handle.db, known, { n: 1 })).rejects.toThrow('before start()');
    await expect(jobs.enqueue(handle.db, unknown, { n: 1 })).rejects.toThrow(
      'unregistered-job is not registered',
    );
    expect(() => jobs.register(unknown)).toThrow('after start()');
  });
});
