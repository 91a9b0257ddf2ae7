import { randomUUID } from 'node:crypto';
import { fromKysely, PgBoss, type Db as BossDb, type JobWithMetadata, type WorkOptions } from 'pg-boss';
import type { Db, EngineKind, Executor } from '../db/index.ts';
import type { JobContext, JobDefinition, Logger } from './job-definition.ts';

export interface EnqueueOptions {
  /**
   * At most one job with this key waits to run: enqueueing while one is still queued (not yet
   * started) returns null and adds nothing. Once it has started, the next enqueue queues a new run,
   * so a change made while it runs is not missed.
   */
  singletonKey?: string;
  startAfter?: Date;
}

export interface Jobs {
  /** Every job this process enqueues or works, before start(). */
  register(...jobs: JobDefinition<unknown>[]): void;
  /** Installs or migrates the pg-boss schema, creates the queues, starts a worker per job. */
  start(): Promise<void>;
  /**
   * Stops fetching, waits up to `timeoutMs` (default 30 s, at least 1 s) for running handlers, then
   * fails back whatever still runs, which another process retries; that counts as an attempt.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /**
   * Writes the job through `executor`: given a transaction, the job commits or rolls back with it
   * (the job table is the outbox). Returns the job id, or null when `singletonKey` deduplicated it.
   */
  enqueue<P>(
    executor: Executor,
    job: JobDefinition<P>,
    payload: P,
    options?: EnqueueOptions,
  ): Promise<string | null>;
  /**
   * `enqueue` for many jobs of one kind in one statement (a recomputation run schedules a check for
   * each of a thousand cases at once), with the same transaction and `singletonKey` rules: a job
   * whose key is already queued is not added. Returns how many were added.
   */
  enqueueMany<P>(
    executor: Executor,
    job: JobDefinition<P>,
    items: Array<{ payload: P; options?: EnqueueOptions }>,
  ): Promise<number>;
  /** Runs every job that is due now (retries that fall due meanwhile included), then returns. */
  drain(): Promise<void>;
  /**
   * Enqueues `job` at start() and then every `intervalMs` while this process runs. The singleton key
   * keeps at most one queued run however many processes do the same, so the handler runs about
   * once per interval cluster-wide. For housekeeping, not for anything that must run on the minute.
   */
  every<P>(job: JobDefinition<P>, payload: P, intervalMs: number): void;
}

export interface JobsDeps {
  db: Db;
  kind: EngineKind;
  logger: Logger;
  /** False for a process that only enqueues (a CLI, a test that drains by hand). Default true. */
  workers?: boolean;
  /** How often an idle worker looks for jobs; at least 0.5 (pg-boss's floor). Default 2. */
  pollIntervalSeconds?: number;
}

const schema = 'pgboss';
const nilUuid = '00000000-0000-0000-0000-000000000000';

/** What pg-boss is told about a job, whether sent alone or inserted with others. */
function jobOptions(job: JobDefinition<never>, options: EnqueueOptions) {
  return {
    // Every job gets a key: on a 'short' queue jobs without one would share the empty key and all
    // but the first queued would be dropped.
    singletonKey: options.singletonKey ?? randomUUID(),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    // On the job, not the queue, so a deploy that changes them affects what it enqueues and
    // processes of two versions never fight over the queue's settings.
    retryLimit: job.options.retryLimit,
    retryDelay: job.options.retryDelaySeconds,
    retryBackoff: job.options.retryBackoff,
    expireInSeconds: job.options.expireInSeconds,
  };
}

export function createJobs(deps: JobsDeps): Jobs {
  const registry = new Map<string, JobDefinition<unknown>>();
  /** Handlers in flight in this process, to say at shutdown which were abandoned. */
  const running = new Map<string, string>();
  let state: 'created' | 'starting' | 'started' | 'stopping' | 'stopped' = 'created';
  const recurring: Array<{ job: JobDefinition<unknown>; payload: unknown; intervalMs: number }> = [];
  const timers: NodeJS.Timeout[] = [];
  let starting: Promise<void> | undefined;

  // Every pg-boss statement goes through Kysely. On PGlite the pool is the one connection, so a
  // pg-boss poll waits for an open transaction to end instead of running inside it. Without the
  // plugins: CamelCasePlugin would rename the snake_case columns pg-boss reads back.
  const boss = new PgBoss({
    db: toBossDb(deps.db),
    backend: deps.kind,
    schema,
    // Cron schedules are not part of this API; leaving the timekeeper off spares PGlite its polling.
    schedule: false,
  });
  // An 'error' event without a listener would throw out of pg-boss's timers and end the process.
  boss.on('error', (error) => deps.logger.error({ err: error }, 'pg-boss error'));
  boss.on('warning', (warning) => deps.logger.warn({ data: warning.data }, `pg-boss: ${warning.message}`));

  async function runAttempt(
    definition: JobDefinition<unknown>,
    job: JobWithMetadata<unknown>,
    signal: AbortSignal,
  ) {
    const attempt = job.retryCount + 1;
    const logger = withBindings(deps.logger, { job: definition.name, jobId: job.id, attempt });
    const ctx: JobContext = { db: deps.db, logger, jobId: job.id, attempt, signal };
    running.set(job.id, definition.name);
    try {
      await definition.handle(job.data, ctx);
      logger.debug({}, 'job completed');
    } catch (error) {
      const willRetry = job.retryCount < job.retryLimit;
      if (willRetry) logger.warn({ err: error }, 'job attempt failed; it will be retried');
      else logger.error({ err: error }, 'job failed on its last attempt');
      throw error;
    } finally {
      running.delete(job.id);
    }
  }

  async function ensureQueues() {
    const names = [...registry.keys()];
    // 'short' makes the singleton key mean "one queued run per key"; on a 'standard' queue pg-boss
    // ignores a key unless it is paired with a throttling window.
    for (const name of names) await boss.createQueue(name, { policy: 'short' });
    for (const queue of await boss.getQueues(names)) {
      if (queue.policy !== 'short') {
        throw new Error(`pg-boss queue ${queue.name} has policy ${queue.policy}; jobs need 'short'`);
      }
    }
    // createQueue() drops the queue from pg-boss's in-memory queue cache, and send() answers a miss
    // with a query on the pool, not on the caller's transaction. On PGlite that transaction holds
    // the only connection, so the first enqueue in a transaction would wait for itself forever.
    // A lookup by queue name refills the cache now, while nothing else holds the connection.
    for (const name of names) await boss.findJobs(name, { id: nilUuid });
  }

  async function doStart() {
    await boss.start();
    await ensureQueues();
    if (deps.workers ?? true) {
      for (const definition of registry.values()) {
        const options = {
          pollingIntervalSeconds: deps.pollIntervalSeconds ?? 2,
          batchSize: 1,
          includeMetadata: true,
        } as const satisfies WorkOptions;
        await boss.work<unknown, void, typeof options>(definition.name, options, async (jobs) => {
          for (const job of jobs) await runAttempt(definition, job, job.signal);
        });
      }
    }
  }

  function assertEnqueueable(action: 'enqueue' | 'enqueueMany', job: JobDefinition<never>) {
    assertUsable(action);
    // A queue this process did not create at start() is not in pg-boss's cache (see ensureQueues).
    if (!registry.has(job.name)) throw new Error(`job ${job.name} is not registered`);
  }

  function assertUsable(action: string) {
    if (state === 'created' || state === 'starting') throw new Error(`jobs.${action}() before start()`);
  }

  function enqueueRecurring(job: JobDefinition<unknown>, payload: unknown) {
    api.enqueue(deps.db, job, payload, { singletonKey: `every:${job.name}` }).catch((error: unknown) => {
      deps.logger.error({ err: error, job: job.name }, 'could not enqueue a recurring job');
    });
  }

  const api: Jobs = {
    register(...jobs) {
      if (state !== 'created') throw new Error('jobs.register() after start()');
      for (const job of jobs) {
        const known = registry.get(job.name);
        if (known && known !== job) throw new Error(`two jobs are named ${job.name}`);
        registry.set(job.name, job);
      }
    },

    async start() {
      if (state !== 'created') throw new Error(`jobs.start() when ${state}`);
      state = 'starting';
      starting = doStart();
      try {
        await starting;
        state = 'started';
        for (const { job, payload, intervalMs } of recurring) {
          enqueueRecurring(job, payload);
          timers.push(setInterval(() => enqueueRecurring(job, payload), intervalMs).unref());
        }
      } catch (error) {
        await boss.stop({ graceful: false, close: false }).catch(() => {});
        state = 'stopped';
        throw error;
      }
    },

    async stop({ timeoutMs = 30_000 } = {}) {
      if (state === 'starting') await starting?.catch(() => {});
      if (state !== 'started') {
        state = 'stopped';
        return;
      }
      state = 'stopping';
      for (const timer of timers.splice(0)) clearInterval(timer);
      // close: false, because the connections are Kysely's and the caller closes them.
      await boss.stop({ graceful: true, timeout: timeoutMs, close: false });
      if (running.size > 0) {
        deps.logger.warn(
          { jobs: [...running].map(([jobId, job]) => ({ job, jobId })) },
          'handlers still running at shutdown; their jobs were released for another attempt',
        );
      }
      state = 'stopped';
    },

    async enqueue(executor, job, payload, options = {}) {
      assertEnqueueable('enqueue', job);
      return boss.send(job.name, payload as object, { db: toBossDb(executor), ...jobOptions(job, options) });
    },

    async enqueueMany(executor, job, items) {
      assertEnqueueable('enqueueMany', job);
      if (items.length === 0) return 0;
      const added = await boss.insert(
        job.name,
        items.map(({ payload, options = {} }) => ({ data: payload as object, ...jobOptions(job, options) })),
        { db: toBossDb(executor), returnId: true },
      );
      return added?.length ?? 0;
    },

    async drain() {
      assertUsable('drain');
      for (;;) {
        let ran = 0;
        for (const definition of registry.values()) {
          const jobs = await boss.fetch<unknown>(definition.name, { batchSize: 10, includeMetadata: true });
          for (const job of jobs) {
            ran += 1;
            // Fenced to this attempt, like pg-boss's own workers: a settle after the claim moved on does nothing.
            const claim = { id: job.id, retryCount: job.retryCount };
            try {
              await runAttempt(definition, job, new AbortController().signal);
            } catch (error) {
              await boss.fail(definition.name, claim, toFailureOutput(error));
              continue;
            }
            await boss.complete(definition.name, claim);
          }
        }
        if (ran === 0) return;
      }
    },

    every(job, payload, intervalMs) {
      if (state !== 'created') throw new Error('jobs.every() after start()');
      if (!Number.isInteger(intervalMs) || intervalMs < 1000)
        throw new Error('jobs.every() needs an interval of 1 s or more');
      api.register(job);
      recurring.push({ job: job, payload, intervalMs });
    },
  };
  return api;
}

function toBossDb(executor: Executor): BossDb {
  return fromKysely(executor.withoutPlugins());
}

function toFailureOutput(error: unknown): object {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { message: String(error) };
}

function withBindings(logger: Logger, bindings: object): Logger {
  return {
    debug: (obj, msg) => logger.debug({ ...bindings, ...obj }, msg),
    info: (obj, msg) => logger.info({ ...bindings, ...obj }, msg),
    warn: (obj, msg) => logger.warn({ ...bindings, ...obj }, msg),
    error: (obj, msg) => logger.error({ ...bindings, ...obj }, msg),
  };
}
