import { recordAudit } from '../../platform/audit/index.ts';
import { assertCan, auditContextOf, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/index.ts';
import { defineJob, type JobContext, type Jobs } from '../../platform/jobs/index.ts';
import * as repo from './recompute.repository.ts';
import { rememberedPolicyReads } from './policy-reads.ts';
import type { SlaEngine } from './sla-engine.ts';
import * as slaRepo from './sla.repository.ts';

export type SlaRecomputations = ReturnType<typeof createSlaRecomputations>;
export type RecomputationView = ReturnType<typeof present>;

interface RunPayload {
  runId: string;
}

/** Who made the change that asks for a run: a user, or the system (a job, seeding). */
type ChangedBy = { userId: string | null };

/**
 * Recomputation runs: after a change that moves due times of cases already open — a calendar's
 * hours or holidays, a contract activated, amended, renewed or ended, an OLA or underpinning
 * contract changed — or when an admin asks, a background job recomputes the clocks of every open
 * case in scope, exactly as the per-case path would (`engine.steps`), but a batch of cases per
 * transaction: their facts and events in one query each, policies read once per run
 * (`rememberedPolicyReads`), and the clocks, the queue summaries and the stored checks they replace
 * in one statement. Several batches are in flight (`inFlight`, 3 by default), each in its own
 * transaction on its own cases: one computes (this process) while the others write (PostgreSQL,
 * which can use a core per writing batch), and they commit in order.
 *
 * A run is a row with its progress; each batch commits the cases done and the place to go on from
 * with the clocks, in order, checking under the run's row lock that the place is still the one it
 * started from (else it rolls back what it wrote): a run cut short (a dying process, a failed
 * attempt) continues from its last committed batch, and a second attempt of the same run (an
 * expired one still running) commits no batch twice. Requests for the same scope coalesce: while
 * one is queued, asking again returns it.
 *
 * Alerts stay exactly-once because a run never fires one: warnings and breaches are fired only by
 * the engine's check job, which claims each once. A run makes sure a check is due in time instead:
 * where a case's soonest upcoming warning or due instant moved earlier than the one its stored
 * clocks had (and so the one the per-case path had scheduled a check for), the run schedules a
 * check at the new instant; that check recomputes the case and schedules the ones after it. Where
 * it moved later, the check already queued runs early, finds nothing to fire and schedules the next.
 * The sweep (breaches past due and not fired) stays the safety net for checks never scheduled.
 */
export function createSlaRecomputations(deps: {
  db: Db;
  clock: Clock;
  engine: SlaEngine;
  /** Cases per batch: one transaction, one statement per read and write. */
  batchSize?: number;
  /** Batches in flight at once (at least 2: one computing while one writes). */
  inFlight?: number;
}) {
  const { db, clock, engine } = deps;
  const batchSize = deps.batchSize ?? 1000;
  const inFlightLimit = Math.max(2, deps.inFlight ?? 3);
  let jobs: Pick<Jobs, 'enqueue'> | undefined;

  /** Records a run (or finds the queued one for the same scope) and queues its job, in `tx`. */
  async function request(tx: Tx, target: repo.RunTarget & { requestedBy: string | null }) {
    // Twice at most: the queued run we collided with may have started between the insert and the read.
    for (let attempt = 0; attempt < 2; attempt++) {
      const inserted = await repo.insertRun(tx, { ...target, requestedAt: clock.now() });
      if (inserted) {
        if (jobs) await jobs.enqueue(tx, runJob, { runId: inserted.id }, { singletonKey: inserted.id });
        return { run: inserted, coalesced: false };
      }
      const queued = await repo.findQueuedRun(tx, target.scope, target.scopeId);
      if (queued) {
        await repo.widenQueuedRun(tx, queued.id, target.movesFrom ?? null);
        return { run: queued, coalesced: true };
      }
    }
    throw new Error(`could not queue a recomputation for ${target.scope} ${target.scopeId}`);
  }

  /** Runs (or continues) a run to its end; a no-op for a run already done or failed. */
  async function work(runId: string, signal?: AbortSignal) {
    const run = await db.transaction().execute(async (tx) => {
      const found = await repo.lockRun(tx, runId);
      if (!found || found.status === 'done' || found.status === 'failed') return undefined;
      if (found.status === 'queued')
        await repo.startRun(tx, runId, {
          totalCases: await repo.countCases(tx, found),
          startedAt: clock.now(),
        });
      return found;
    });
    if (!run) return;
    const reads = rememberedPolicyReads({ maxEntries: 50_000 });
    // Batches in flight, each in its own transaction: while some write (PostgreSQL's work), the next
    // reads and computes its cases (this process's); they commit in order.
    let after = run.afterCaseId === null ? null : { accountId: run.afterAccountId!, caseId: run.afterCaseId };
    let previous: Promise<boolean> = Promise.resolve(true);
    const started: Array<Promise<boolean>> = [];
    try {
      for (;;) {
        // Given up (shutdown, expiry): the committed batches stay; the next attempt goes on from them.
        if (signal?.aborted) throw new Error('recomputation attempt given up; the next attempt continues');
        const batch = startBatch(runId, run, after, previous, reads);
        started.push(batch.done);
        const last = await batch.last;
        if (last === null) {
          await batch.done;
          return;
        }
        // At the limit, the oldest batch in flight ends (committed, or found the run moved on)
        // before another starts.
        const oldest = started.at(-inFlightLimit);
        if (oldest !== undefined && !(await oldest)) return;
        previous = batch.done;
        after = last;
      }
    } finally {
      // A failed batch fails the ones after it; none is left running unobserved.
      await Promise.allSettled(started);
    }
  }

  /**
   * One batch in its own transaction: the next cases after `after`, their clocks computed and
   * written, then — once the batch before has committed — the run's row held and the place checked:
   * the batch commits with the run's progress, or rolls back. `last` says as soon as the keys are
   * read where the next batch starts (null: none left, this batch ends the run); `done` is false
   * when the run was moved on or ended by another attempt (an expired one still running), whose
   * batches these are not.
   */
  function startBatch(
    runId: string,
    target: Pick<repo.RunRow, 'scope' | 'scopeId' | 'movesFrom'>,
    after: repo.CaseKey | null,
    previous: Promise<boolean>,
    reads: ReturnType<typeof rememberedPolicyReads>,
  ) {
    let told: (last: repo.CaseKey | null) => void = () => {};
    let failed: (error: unknown) => void = () => {};
    const last = new Promise<repo.CaseKey | null>((resolve, reject) => {
      told = resolve;
      failed = reject;
    });
    const done = db
      .transaction()
      .execute(async (tx) => {
        const keys = await repo.nextCases(tx, target, after, batchSize);
        told(keys.at(-1) ?? null);
        const clocks = keys.length === 0 ? 0 : await storeBatch(tx, await computeBatch(tx, keys, reads));
        if (!(await previous)) throw notOurs;
        const run = await repo.lockRun(tx, runId);
        const samePlace =
          run?.afterCaseId === (after?.caseId ?? null) && run?.afterAccountId === (after?.accountId ?? null);
        if (run?.status !== 'running' || !samePlace) throw notOurs;
        if (keys.length === 0) {
          await repo.finishRun(tx, runId, { status: 'done', finishedAt: clock.now() });
          return false;
        }
        await repo.advanceRun(tx, runId, { cases: keys.length, clocks, after: keys.at(-1)! });
        return true;
      })
      .catch((error: unknown) => {
        // Rolled back: the run moved on without this batch (or ended).
        if (error === notOurs) return false;
        failed(error);
        throw error;
      });
    // Observed by `work` (awaited, or settled in its finally); this keeps an early failure quiet meanwhile.
    done.catch(() => {});
    return { last, done };
  }

  /** The batch's cases recomputed as `engine.recompute` would, one case at a time; nothing written yet. */
  async function computeBatch(
    tx: Tx,
    keys: repo.CaseKey[],
    remembered: ReturnType<typeof rememberedPolicyReads>,
  ) {
    const now = clock.now().getTime();
    // Held as a case change holds its case: a change to one of these waits for the batch, and the
    // batch reads the events it committed before.
    const facts = await slaRepo.lockCasesFacts(
      tx,
      keys.map((key) => key.caseId),
    );
    const done = facts.map((fact) => ({ accountId: fact.accountId, caseId: fact.id }));
    const histories = await engine.steps.histories(tx, done);
    const reads = remembered.over(tx);
    const clocks: Array<repo.CaseKey & { clock: slaRepo.ClockRow }> = [];
    const summaries: Array<repo.CaseKey & { summary: slaRepo.QueueSummary }> = [];
    const soonestChecks = new Map<string, { key: repo.CaseKey; at: number }>();
    for (const fact of facts) {
      const key = { accountId: fact.accountId, caseId: fact.id };
      const evaluation = await engine.steps.evaluate(tx, fact, now, {
        history: histories.get(fact.id) ?? [],
        reads,
      });
      const { rows, summary, checkAt } = engine.steps.storedForm(evaluation);
      for (const row of rows) clocks.push({ ...key, clock: row });
      summaries.push({ ...key, summary });
      const soonest = checkAt[0];
      if (soonest !== undefined) soonestChecks.set(fact.id, { key, at: soonest });
    }
    return { now, cases: done, clocks, summaries, soonestChecks };
  }

  /**
   * Writes a computed batch and schedules a check wherever a case's soonest warning or due instant
   * moved earlier than the one its stored clocks had (see the module's comment).
   */
  async function storeBatch(tx: Tx, batch: Awaited<ReturnType<typeof computeBatch>>) {
    const { now, cases, clocks, summaries, soonestChecks } = batch;
    const storedChecks = await repo.writeBatch(tx, cases, clocks, summaries, new Date(now));
    await engine.steps.scheduleChecks(
      tx,
      [...soonestChecks].flatMap(([caseId, check]) => {
        const scheduled = storedChecks.get(caseId);
        return scheduled === undefined || check.at < scheduled ? [check] : [];
      }),
    );
    return clocks.length;
  }

  const runJob = defineJob<RunPayload>(
    'sla-recompute',
    async (payload, ctx: JobContext) => {
      try {
        await work(payload.runId, ctx.signal);
      } catch (error) {
        // The last attempt: the run says why it stopped instead of staying 'running' for ever.
        if (ctx.attempt > runJob.options.retryLimit)
          await repo.finishRun(db, payload.runId, {
            status: 'failed',
            finishedAt: clock.now(),
            error: error instanceof Error ? error.message : String(error),
          });
        throw error;
      }
    },
    // A run over a million cases takes minutes; an attempt is failed (and retried) only when stuck.
    { expireInSeconds: 60 * 60 },
  );

  return {
    runJob,
    /** As the engine's `useJobs`: until a process has its job queue, runs are recorded but not started. */
    useJobs(queue: Pick<Jobs, 'enqueue'>) {
      jobs = queue;
    },
    request,
    /** Runs a run in this process (benchmarks, tests); the job does the same. */
    work,

    // Triggers: each in the transaction of the change, so the run is queued if and only if it commits.

    /** `movesFrom`: the change governs from that instant, not before it was made (else null). */
    calendarChanged: (tx: Tx, change: ChangedBy & { calendarId: string; movesFrom: Date | null }) =>
      request(tx, {
        trigger: 'calendar',
        triggerId: change.calendarId,
        scope: 'calendar',
        scopeId: change.calendarId,
        movesFrom: change.movesFrom,
        requestedBy: change.userId,
      }),
    contractChanged: (tx: Tx, change: ChangedBy & { contractId: string; accountId: string }) =>
      request(tx, {
        trigger: 'contract',
        triggerId: change.contractId,
        scope: 'account',
        scopeId: change.accountId,
        requestedBy: change.userId,
      }),
    /** An OLA governs its team's cases; an underpinning contract the cases escalated to its vendor. */
    agreementChanged: async (
      tx: Tx,
      change: ChangedBy & { agreementId: string; teamId: string | null; vendorId: string | null },
    ) => {
      const target = {
        trigger: 'agreement' as const,
        triggerId: change.agreementId,
        requestedBy: change.userId,
      };
      if (change.teamId !== null) await request(tx, { ...target, scope: 'team', scopeId: change.teamId });
      if (change.vendorId !== null)
        await request(tx, { ...target, scope: 'vendor', scopeId: change.vendorId });
    },

    // The API

    async list(ctx: RequestContext, query: { limit: number; cursor?: string | undefined }) {
      assertCan(ctx.actor, 'sla-recomputations:read');
      const after = decodeCursor(query.cursor, 2);
      const rows = await repo.listRuns(db, {
        limit: query.limit,
        ...(after ? { after: [String(after[0]), String(after[1])] } : {}),
      });
      const page = toPage(rows, query.limit, (row) => [row.requestedAt.toISOString(), row.id]);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'sla-recomputations:read');
      const run = await repo.findRun(db, id);
      if (!run) throw new AppError('SLA_RECOMPUTATION_NOT_FOUND', 'No such SLA recomputation');
      return present(run);
    },

    /** A manual run: every open case, or those with open clocks on a calendar, or an account's. */
    async requestManual(ctx: RequestContext, input: { calendarId?: string; accountId?: string }) {
      assertCan(ctx.actor, 'sla-recomputations:run');
      if (input.calendarId !== undefined && input.accountId !== undefined)
        throw invalid('body', 'give calendarId or accountId, not both (or neither, for every open case)');
      if (input.calendarId !== undefined && !(await repo.calendarExists(db, input.calendarId)))
        throw invalid('body/calendarId', 'is not a business calendar');
      if (input.accountId !== undefined && !(await repo.accountExists(db, input.accountId)))
        throw invalid('body/accountId', 'is not an account');
      const [scope, scopeId] =
        input.calendarId !== undefined
          ? (['calendar', input.calendarId] as const)
          : input.accountId !== undefined
            ? (['account', input.accountId] as const)
            : (['all', null] as const);
      return db.transaction().execute(async (tx) => {
        const { run, coalesced } = await request(tx, {
          trigger: 'manual',
          triggerId: null,
          scope,
          scopeId,
          requestedBy: ctx.actor.userId,
        });
        if (!coalesced)
          await recordAudit(
            tx,
            {
              ...auditContextOf(ctx),
              action: 'sla.recomputation_requested',
              entityType: 'sla_recomputation',
              entityId: run.id,
              changes: { scope: { from: null, to: scope }, scopeId: { from: null, to: scopeId } },
            },
            clock,
          );
        return { run: present(run), coalesced };
      });
    },
  };
}

/** Thrown to roll back a batch whose place in the run another attempt has taken. */
const notOurs = new Error('the run moved on without this batch');

function present(run: repo.RunRow) {
  const iso = (at: Date | null) => (at === null ? null : at.toISOString());
  const percent =
    run.status === 'done'
      ? 100
      : run.totalCases === null
        ? null
        : run.totalCases === 0
          ? 0
          : Math.min(100, Math.floor((run.casesDone * 100) / run.totalCases));
  return {
    id: run.id,
    trigger: run.trigger,
    triggerId: run.triggerId,
    scope: run.scope,
    scopeId: run.scopeId,
    requestedBy: run.requestedBy,
    status: run.status,
    totalCases: run.totalCases,
    casesDone: run.casesDone,
    percent,
    clocksWritten: Number(run.clocksWritten),
    requestedAt: run.requestedAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    error: run.error,
  };
}

function invalid(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', `${path.replace(/^body\/?/, '') || 'body'} ${message}`, {
    errors: [{ path, message }],
  });
}
