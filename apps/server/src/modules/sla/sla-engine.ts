import { priorities, type Priority } from '@paydesk/shared';
import { can, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { defineJob, type Jobs } from '../../platform/jobs/index.ts';
import { agreementsTakingIn, type ApplicableAgreement } from '../agreements/index.ts';
import { civilDateAt, compileCalendar, type BusinessCalendar } from '../business-time/index.ts';
import { readCalendarHistory } from '../calendars/index.ts';
import { appendSystemEvent, type CasesService, type HistoryRow } from '../cases/index.ts';
import { policyApplies, type ContractTerms, type SlaPolicy } from '../contract-terms/index.ts';
import { activeTeamLeads } from '../identity/index.ts';
import {
  computeClocks,
  computeUnderpinningClocks,
  explainClock,
  vendorEngagements,
  type CaseEvent,
  type ClockState,
  type ResolutionOnReopen,
} from '../sla-clocks/index.ts';
import { policyReadsOf, type PolicyReads } from './policy-reads.ts';
import * as repo from './sla.repository.ts';

/** How the engine tells a person something: an in-app notification in the caller's transaction. */
export type Notify = (
  tx: Tx,
  notification: {
    userId: string;
    kind: string;
    title: string;
    body: string;
    link?: string;
    entityType?: string;
    entityId?: string;
  },
) => Promise<unknown>;

/** A policy that governs a case, and where it comes from. */
export interface Governing {
  source: repo.ClockSource;
  policy: SlaPolicy;
  contractId: string | null;
  contractVersion: number | null;
  agreementId: string | null;
  /** Customer policies: the contract's per-incident penalties and the currency they are in. */
  penalties: { incidentPenalties: ContractTerms['sla']['incidentPenalties']; currency: string } | null;
  /** Underpinning contracts: the vendor, and the cycle (the vendor escalation) the contract governs. */
  vendor: { id: string; name: string; cycle: number } | null;
}

/** A case's clocks as of an instant: per governing policy, its calendar and the clocks it gives. */
interface Evaluation {
  facts: repo.CaseFacts;
  now: number;
  governed: Array<{ governing: Governing; calendar: BusinessCalendar; clocks: ClockState[] }>;
}

export interface CheckPayload {
  accountId: string;
  caseId: string;
}

export type SlaEngine = ReturnType<typeof createSlaEngine>;

const checkJobName = 'sla-check';

/**
 * The SLA engine: on every case change (as a case listener, in the change's transaction) it finds
 * the policies that govern the case — the customer's (the first policy, in contract order, of the
 * account's contracts in force on the opening date whose conditions take the case in), the owner
 * team's OLA, and for each escalation to a vendor that vendor's underpinning contract — replays the
 * case's history into clocks (`sla-clocks`), stores them, keeps the case's queue summary (its due
 * time, at-risk and breach instants in `case_queue`) and schedules a check job at each running
 * clock's next warning or due instant.
 *
 * The check claims every warning and breach reached (one row each, ON CONFLICT DO NOTHING) and acts
 * only on the claims it won, in the claim's transaction: a case event, notifications and the
 * contract's penalty. Breach actions that change the case (raise priority, reassign) are ordinary
 * case changes with their own transaction and audit; the claim remembers them until they are done,
 * so a crash between the two retries them and a second run finds nothing left to do.
 */
export function createSlaEngine(deps: {
  db: Db;
  clock: Clock;
  notify: Notify;
  /** Late: the cases service takes this engine's `recompute` as a listener. */
  cases: () => Pick<CasesService, 'events' | 'get' | 'histories' | 'update'>;
  rules?: { resolutionOnReopen: ResolutionOnReopen };
  /** The sweep's bounds: cases per query, and per run (a run every minute). */
  sweep?: { pageSize: number; perRun: number };
}) {
  const { db, clock, notify } = deps;
  const rules = deps.rules ?? { resolutionOnReopen: 'resume' as const };
  const sweep = deps.sweep ?? { pageSize: 100, perRun: 1000 };
  /** Compiled calendars by id and version (or 24×7 by time zone): compiling is the costly part. */
  const calendars = new Map<string, BusinessCalendar>();
  let jobs: Pick<Jobs, 'enqueueMany'> | undefined;

  async function governingPolicies(
    reads: PolicyReads,
    facts: repo.CaseFacts,
    events: CaseEvent[],
    now: number,
  ): Promise<Governing[]> {
    // Policies are chosen on the day the case opened, in the account's time zone, and kept: an
    // amendment applies to cases opened after it, so a replay always finds the same policy.
    const onDate = civilDateAt(facts.openedAt.getTime(), facts.accountTimeZone);
    const caseFacts = {
      serviceCode: facts.serviceCode ?? undefined,
      caseType: facts.type,
      channel: facts.channel,
    };
    const governing: Governing[] = [];
    for (const contract of await reads.contractsInForce(facts.accountId, onDate)) {
      const policy = contract.terms.sla.policies.find((candidate) => policyApplies(candidate, caseFacts));
      if (!policy) continue;
      governing.push({
        source: 'customer',
        policy,
        contractId: contract.contractId,
        contractVersion: contract.version,
        agreementId: null,
        penalties: {
          incidentPenalties: contract.terms.sla.incidentPenalties,
          currency: contract.terms.monthlyFee.currency,
        },
        vendor: null,
      });
      break;
    }
    // Without a team there is no OLA: agreementsInForce would answer with every team's.
    if (facts.teamId !== null) {
      const agreements = agreementsTakingIn(
        await reads.agreementsInForce({ teamId: facts.teamId }, onDate),
        caseFacts,
      );
      const ola = agreements.find((agreement) => agreement.kind === 'ola');
      if (ola)
        governing.push({
          source: 'ola',
          policy: ola.policy,
          contractId: null,
          contractVersion: null,
          agreementId: ola.id,
          penalties: null,
          vendor: null,
        });
    }
    // Each vendor escalation in the history is a cycle under the contract the vendor was engaged on:
    // the one in force on the escalation's day, found from the events alone as the others are.
    const contracts = new Map<string, ApplicableAgreement | undefined>();
    for (const { cycle, vendorId, at } of vendorEngagements(events, now)) {
      const escalatedOn = civilDateAt(at, facts.accountTimeZone);
      const key = `${vendorId}@${escalatedOn}`;
      if (!contracts.has(key)) {
        const agreements = agreementsTakingIn(
          await reads.agreementsInForce({ vendorId }, escalatedOn),
          caseFacts,
        );
        contracts.set(
          key,
          agreements.find((agreement) => agreement.kind === 'underpinning'),
        );
      }
      const contract = contracts.get(key);
      if (contract)
        governing.push({
          source: 'underpinning',
          policy: contract.policy,
          contractId: null,
          contractVersion: null,
          agreementId: contract.id,
          penalties: null,
          vendor: { id: vendorId, name: contract.vendorName ?? '', cycle },
        });
    }
    return governing;
  }

  async function calendarsOf(
    executor: Executor,
    reads: PolicyReads,
    governing: Governing[],
    timeZone: string,
  ) {
    const ids = [
      ...new Set(governing.flatMap(({ policy }) => (policy.calendarId ? [policy.calendarId] : []))),
    ];
    const byId = new Map<string | null, BusinessCalendar>();
    for (const { id, version } of await reads.calendarVersions(ids)) {
      const key = `${id}@${version}`;
      let calendar = calendars.get(key);
      if (!calendar) {
        // With its changes: time before a change stays measured as it was when the clocks ran.
        const stored = await readCalendarHistory(executor, id);
        if (!stored) continue;
        calendar = stored.calendar;
        calendars.set(`${id}@${stored.version}`, calendar);
      }
      byId.set(id, calendar);
    }
    // 24×7 in the account's zone: the zone changes no due time, only how explanations read.
    let always = calendars.get(`always@${timeZone}`);
    if (!always) {
      always = compileCalendar({ timeZone, always: true });
      calendars.set(`always@${timeZone}`, always);
    }
    byId.set(null, always);
    return byId;
  }

  /**
   * `bulk`, for a recomputation run: the case's events already read with its batch's, and policy
   * reads that remember their answers across the run's cases.
   */
  async function evaluate(
    executor: Executor,
    facts: repo.CaseFacts,
    now: number,
    bulk?: { history: HistoryRow[]; reads: PolicyReads },
  ): Promise<Evaluation> {
    const events = toClockEvents(
      bulk?.history ?? (await deps.cases().events(executor, facts.accountId, facts.id)),
    );
    const reads = bulk?.reads ?? policyReadsOf(executor);
    const governing = await governingPolicies(reads, facts, events, now);
    if (governing.length === 0) return { facts, now, governed: [] };
    const byCalendar = await calendarsOf(executor, reads, governing, facts.accountTimeZone);
    const governed = governing.map((entry) => {
      const calendar = byCalendar.get(entry.policy.calendarId);
      // The calendar column's foreign key (RESTRICT) keeps a policy's calendar from being deleted.
      if (!calendar) throw new Error(`SLA policy calendar ${entry.policy.calendarId} not found`);
      const { policy, vendor } = entry;
      const clocks =
        events.length === 0
          ? []
          : vendor
            ? computeUnderpinningClocks({ policy, calendar, events, now, cycle: vendor.cycle })
            : computeClocks({ policy, calendar, events, now, rules });
      return { governing: entry, calendar, clocks };
    });
    return { facts, now, governed };
  }

  /** Stores the evaluation's clocks, the case's next due time, and the next checks. */
  async function store(tx: Tx, evaluation: Evaluation) {
    const { facts, now } = evaluation;
    const key = { accountId: facts.accountId, caseId: facts.id };
    const { rows, summary, checkAt } = storedForm(evaluation);
    await repo.replaceClocks(tx, key, rows, new Date(now));
    await repo.setQueueSummary(tx, facts.accountId, facts.id, summary);
    await scheduleChecks(
      tx,
      checkAt.map((at) => ({ key, at })),
    );
  }

  /** What `store` writes for an evaluation: the clock rows, the queue's summary, the checks' instants. */
  function storedForm(evaluation: Evaluation) {
    const rows = evaluation.governed.flatMap(({ governing, clocks }) =>
      clocks.map((state) => toRow(governing, state)),
    );
    const instants = new Set<number>();
    for (const { clocks } of evaluation.governed)
      for (const state of clocks) {
        const next = nextCheckAt(state, evaluation.now);
        if (next !== null) instants.add(next);
      }
    return { rows, summary: queueSummary(evaluation), checkAt: [...instants].sort((a, b) => a - b) };
  }

  /** A check job per case and instant; several in one statement (a recomputation run's batch). */
  async function scheduleChecks(tx: Tx, checks: Array<{ key: CheckPayload; at: number }>) {
    if (!jobs || checks.length === 0) return;
    await jobs.enqueueMany(
      tx,
      checkJob,
      checks.map(({ key, at }) => ({
        payload: key,
        // One queued check per case and instant, however often the case changes meanwhile.
        options: { startAfter: new Date(at), singletonKey: `${key.caseId}@${at}` },
      })),
    );
  }

  async function recompute(tx: Tx, key: CheckPayload) {
    const facts = await repo.findCaseFacts(tx, key.accountId, key.caseId);
    if (!facts) return;
    await store(tx, await evaluate(tx, facts, clock.now().getTime()));
  }

  /** Fires every warning and breach reached and not yet claimed; then runs the pending breach actions. */
  async function check(key: CheckPayload) {
    await db.transaction().execute(async (tx) => {
      const facts = await repo.lockCaseFacts(tx, key.accountId, key.caseId);
      if (!facts) return;
      const evaluation = await evaluate(tx, facts, clock.now().getTime());
      await store(tx, evaluation);
      await fireAlerts(tx, evaluation);
    });
    await runPendingActions(key);
  }

  async function fireAlerts(tx: Tx, evaluation: Evaluation) {
    const { facts, now } = evaluation;
    const key = { accountId: facts.accountId, caseId: facts.id };
    let leads: string[] | undefined;
    const teamLeads = async () =>
      (leads ??= facts.teamId === null ? [] : await activeTeamLeads(tx, facts.teamId));
    for (const { governing, clocks } of evaluation.governed) {
      for (const state of clocks) {
        for (const alert of reachedAlerts(state, now)) {
          const isBreach = alert.threshold === 100;
          const isOpen = state.status === 'running' || state.status === 'paused';
          // Actions change a live case; a clock that already ended is only recorded.
          const pendingActions = isBreach && isOpen ? caseActions(governing.policy, facts) : [];
          const claimed = await repo.claimAlert(tx, {
            ...key,
            source: governing.source,
            metric: state.metric,
            cycle: state.cycle,
            threshold: alert.threshold,
            reachedAt: new Date(alert.at),
            claimedAt: new Date(now),
            pendingActions,
            raiseTo: pendingActions.includes('raise_priority') ? raisedPriority(facts.priority) : null,
          });
          if (!claimed) continue;
          const what = {
            metric: state.metric,
            cycle: state.cycle,
            source: governing.source,
            policy: governing.policy.name,
            threshold: alert.threshold,
            reachedAt: new Date(alert.at).toISOString(),
          };
          await appendSystemEvent(tx, key, {
            type: isBreach ? 'sla_breached' : 'sla_warning',
            at: new Date(now),
            data: what,
          });
          const recipients = new Set(facts.assigneeId ? [facts.assigneeId] : await teamLeads());
          if (isBreach && governing.policy.breachActions.includes('notify_manager'))
            for (const lead of await teamLeads()) recipients.add(lead);
          const reference = `PD-${facts.number}`;
          const whose = governing.vendor ? `${governing.vendor.name} ` : '';
          const label = `${metricLabels[state.metric]} (${whose}${sourceLabels[governing.source]})`;
          for (const userId of recipients)
            await notify(tx, {
              userId,
              kind: isBreach ? 'sla.breached' : 'sla.warning',
              title: isBreach
                ? `${reference}: ${label} breached`
                : `${reference}: ${label} at ${alert.threshold}%`,
              body: isBreach
                ? `The ${governing.policy.name} target was missed at ${what.reachedAt}.`
                : `${alert.threshold}% of the ${governing.policy.name} target was used at ${what.reachedAt}.`,
              link: `/cases/${facts.id}`,
              entityType: 'case',
              entityId: facts.id,
            });
          if (isBreach && governing.penalties && state.metric === 'resolution')
            await accruePenalty(tx, facts, governing, state, now);
        }
      }
    }
  }

  async function accruePenalty(
    tx: Tx,
    facts: repo.CaseFacts,
    governing: Governing,
    state: ClockState,
    now: number,
  ) {
    const penalty = governing.penalties?.incidentPenalties.find((entry) => entry.priority === facts.priority);
    if (!penalty || !governing.contractId || governing.contractVersion === null) return;
    await repo.accruePenalty(tx, {
      accountId: facts.accountId,
      caseId: facts.id,
      contractId: governing.contractId,
      contractVersion: governing.contractVersion,
      metric: state.metric,
      cycle: state.cycle,
      priority: facts.priority,
      amountMinor: penalty.amountMinor,
      currency: governing.penalties!.currency,
      accruedAt: new Date(now),
    });
  }

  /** Each as an ordinary case change (its event, its audit); cleared once done, so a retry skips it. */
  async function runPendingActions(key: CheckPayload) {
    for (const pending of await repo.listPendingActions(db, key.accountId, key.caseId)) {
      const facts = await repo.findCaseFacts(db, key.accountId, key.caseId);
      if (!facts) return;
      const changes: { priority?: Priority; priorityReason?: string; assigneeId?: null } = {};
      // Idempotent by target: a priority already at (or above) the breach's target is left alone.
      if (
        pending.actions.includes('raise_priority') &&
        pending.raiseTo !== null &&
        priorities.indexOf(pending.raiseTo) < priorities.indexOf(facts.priority)
      )
        Object.assign(changes, {
          priority: pending.raiseTo,
          priorityReason: `SLA breach: ${metricLabels[pending.metric]} (${sourceLabels[pending.source]})`,
        });
      if (pending.actions.includes('reassign') && facts.assigneeId !== null) changes.assigneeId = null;
      if (Object.keys(changes).length > 0) await deps.cases().update(null, key.caseId, undefined, changes);
      await repo.clearPendingActions(db, { ...key, ...pending });
    }
  }

  const checkJob = defineJob<CheckPayload>(checkJobName, (payload) => check(payload));

  /** Where the next sweep run goes on from: past the cases this process's last run checked. */
  let sweptUpTo: CheckPayload | undefined;

  /**
   * The safety net for checks never scheduled (cases written before the process had its job queue:
   * demo seeding, the CLI) or lost: warnings and breaches reached and not fired get their check now,
   * which claims them as any check does (so once, whichever process sweeps). At most `perRun` cases
   * a run, in case order from where the last run stopped, and a case whose check fails is logged and
   * passed over: cases the check cannot clear never hold back the ones after them.
   */
  const sweepJob = defineJob<Record<string, never>>('sla-sweep', async (_payload, { logger }) => {
    const now = clock.now();
    let checked = 0;
    while (checked < sweep.perRun) {
      const limit = Math.min(sweep.pageSize, sweep.perRun - checked);
      const page = await repo.listUnfiredAlerts(db, now, { after: sweptUpTo, limit });
      for (const key of page) {
        sweptUpTo = key;
        checked++;
        try {
          await check(key);
        } catch (error) {
          logger.error({ err: error, caseId: key.caseId }, 'SLA check failed in the sweep');
        }
      }
      if (page.length < limit) {
        // The end: the next run starts from the first case again.
        sweptUpTo = undefined;
        break;
      }
    }
  });

  return {
    /** The case listener: runs in the transaction of every case change. */
    recompute,
    /**
     * The per-case path's own steps, for the recomputation run (recompute.ts), which reads and
     * writes many cases at once but must compute exactly what `recompute` would.
     */
    steps: {
      evaluate,
      storedForm,
      scheduleChecks,
      /** Many cases' histories at once, only the events the clocks read (toClockEvents). */
      histories: (executor: Executor, keys: CheckPayload[]) =>
        deps.cases().histories(executor, keys, clockEventTypes),
    },
    check,
    checkJob,
    sweepJob,
    /**
     * Hands the engine the job queue once the process has one (after the services are built); until
     * then, and in processes without one (the CLI), clocks are stored but no check is scheduled.
     */
    useJobs(queue: Pick<Jobs, 'enqueueMany'>) {
      jobs = queue;
    },

    /** The case's clocks as of now, each with its explanation. Customers see their contract's only. */
    async explain(ctx: RequestContext, idOrNumber: string) {
      const view = await deps.cases().get(ctx, idOrNumber);
      const facts = await repo.findCaseFacts(db, view.accountId, view.id);
      if (!facts) throw new AppError('CASE_NOT_FOUND', 'No such case');
      const evaluation = await evaluate(db, facts, clock.now().getTime());
      const internal = can(ctx.actor, 'cases:read-internal');
      return {
        caseId: view.id,
        at: new Date(evaluation.now).toISOString(),
        clocks: evaluation.governed
          .filter(({ governing }) => internal || governing.source === 'customer')
          .flatMap(({ governing, calendar, clocks }) =>
            clocks.map((state) =>
              presentClock(governing, state, explainClock(state, calendar, evaluation.now)),
            ),
          ),
      };
    },

    /** Stored clocks (for tests, the CLI and reports); recompute first for an up-to-date view. */
    clocks: (executor: Executor, accountId: string, caseId: string) =>
      repo.listClocks(executor, accountId, caseId),
    penalties: (executor: Executor, accountId: string, caseId: string) =>
      repo.listPenalties(executor, accountId, caseId),
  };
}

/** The event types toClockEvents reads; others (assignments, field changes, SLA alerts) move no clock. */
const clockEventTypes = [
  'opened',
  'status_changed',
  'priority_changed',
  'staff_replied',
  'customer_replied',
  'escalated',
] as const;

/** The history the clocks read (clockEventTypes; any other event is skipped). */
function toClockEvents(rows: HistoryRow[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const row of rows) {
    const at = row.at.getTime();
    const data = row.data;
    switch (row.type) {
      case 'opened':
        events.push({ type: 'opened', at, status: data.status as never, priority: data.priority as never });
        break;
      case 'status_changed':
        events.push({ type: 'status_changed', at, to: data.to as never });
        break;
      case 'priority_changed':
        events.push({ type: 'priority_changed', at, to: data.to as never });
        break;
      case 'staff_replied':
        events.push({ type: 'staff_replied', at, public: data.public === true });
        break;
      case 'customer_replied':
        events.push({ type: 'customer_replied', at });
        break;
      case 'escalated':
        // Functional escalations to a vendor name it; the others (tier, team, manager) move no clock.
        if (typeof data.vendorId === 'string')
          events.push({ type: 'vendor_escalated', at, vendorId: data.vendorId });
        break;
    }
  }
  // Stable: equal instants keep the order they were appended in (seq).
  return events.sort((a, b) => a.at - b.at);
}

function toRow(governing: Governing, state: ClockState): repo.ClockRow {
  const date = (at: number | null) => (at === null ? null : new Date(at));
  return {
    source: governing.source,
    metric: state.metric,
    cycle: state.cycle,
    contractId: governing.contractId,
    contractVersion: governing.contractVersion,
    agreementId: governing.agreementId,
    policyName: governing.policy.name,
    status: state.status,
    targetMs: state.targetMs,
    calendarId: governing.policy.calendarId,
    startedAt: new Date(state.startedAt),
    pauses: state.pauses.map((pause) => ({
      from: new Date(pause.from).toISOString(),
      to: pause.to === null ? null : new Date(pause.to).toISOString(),
      reason: pause.reason,
    })),
    dueAt: date(state.dueAt),
    remainingMs: state.remainingMs,
    businessElapsedMs: state.businessElapsedMs,
    breachedAt: date(state.breachedAt),
    stoppedAt: date(state.stoppedAt),
    warnings: state.warnings.map((warning) => ({
      thresholdPercent: warning.thresholdPercent,
      at: new Date(warning.at).toISOString(),
    })),
  };
}

/**
 * What the queue reads from a case's clocks (`case_queue` columns, so it never joins the clocks):
 * - nextDueAt, the order: the soonest due time of the running customer clocks — the promise made to
 *   the customer — and only when none runs, of the internal (OLA, UC) ones; null when nothing runs;
 * - slaAtRiskAt: the soonest first warning (reached or projected) of any running clock;
 * - slaBreachAt: the soonest breach of any clock, or the due time of a running one (when it will
 *   breach if nothing changes). An event that pauses or stops a clock recomputes all three.
 */
function queueSummary(evaluation: Evaluation): repo.QueueSummary {
  let atRisk: number | null = null;
  let breach: number | null = null;
  const soonest = (current: number | null, candidate: number | null | undefined) =>
    candidate === null || candidate === undefined || (current !== null && current <= candidate)
      ? current
      : candidate;
  for (const { clocks } of evaluation.governed)
    for (const state of clocks) {
      const running = state.status === 'running';
      if (running) atRisk = soonest(atRisk, state.warnings[0]?.at);
      breach = soonest(breach, state.breachedAt ?? (running ? state.dueAt : null));
    }
  const toDate = (instant: number | null) => (instant === null ? null : new Date(instant));
  return { nextDueAt: nextDueAt(evaluation), slaAtRiskAt: toDate(atRisk), slaBreachAt: toDate(breach) };
}

/** The queue's order (see queueSummary). */
function nextDueAt(evaluation: Evaluation): Date | null {
  for (const internal of [false, true]) {
    let soonest: number | null = null;
    for (const { governing, clocks } of evaluation.governed) {
      if ((governing.source !== 'customer') !== internal) continue;
      for (const state of clocks)
        if (state.status === 'running' && state.dueAt !== null && (soonest === null || state.dueAt < soonest))
          soonest = state.dueAt;
    }
    if (soonest !== null) return new Date(soonest);
  }
  return null;
}

/** A running clock's next warning or due instant from now on (now included: a breach at a priority change). */
function nextCheckAt(state: ClockState, now: number): number | null {
  if (state.status !== 'running') return null;
  const instants = [
    ...state.warnings.map((warning) => warning.at),
    ...(state.dueAt === null ? [] : [state.dueAt]),
  ];
  const upcoming = instants.filter((at) => at >= now);
  return upcoming.length === 0 ? null : Math.min(...upcoming);
}

/** Warnings reached while the clock is still open (a stale warning on a finished clock helps nobody); the breach always. */
function reachedAlerts(state: ClockState, now: number): Array<{ threshold: number; at: number }> {
  const alerts: Array<{ threshold: number; at: number }> = [];
  if (state.status === 'running' || state.status === 'paused')
    for (const warning of state.warnings)
      if (warning.at <= now && state.breachedAt === null)
        alerts.push({ threshold: warning.thresholdPercent, at: warning.at });
  if (state.breachedAt !== null && state.breachedAt <= now)
    alerts.push({ threshold: 100, at: state.breachedAt });
  return alerts;
}

function caseActions(policy: SlaPolicy, facts: repo.CaseFacts): string[] {
  return policy.breachActions.filter(
    (action) =>
      (action === 'raise_priority' && raisedPriority(facts.priority) !== null) ||
      (action === 'reassign' && facts.assigneeId !== null),
  );
}

function raisedPriority(priority: Priority): Priority | null {
  const index = priorities.indexOf(priority);
  return index > 0 ? priorities[index - 1]! : null;
}

const metricLabels: Record<ClockState['metric'], string> = {
  firstResponse: 'first response',
  nextResponse: 'next response',
  resolution: 'resolution',
  periodicUpdate: 'periodic update',
};
const sourceLabels: Record<repo.ClockSource, string> = {
  customer: 'customer SLA',
  ola: 'OLA',
  underpinning: 'underpinning contract',
};

function presentClock(governing: Governing, state: ClockState, explanation: ReturnType<typeof explainClock>) {
  const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
  return {
    source: governing.source,
    policy: {
      name: governing.policy.name,
      calendarId: governing.policy.calendarId,
      contractId: governing.contractId,
      contractVersion: governing.contractVersion,
      agreementId: governing.agreementId,
    },
    vendor: governing.vendor && { id: governing.vendor.id, name: governing.vendor.name },
    metric: state.metric,
    cycle: state.cycle,
    status: state.status,
    targetMs: state.targetMs,
    startedAt: iso(state.startedAt)!,
    dueAt: iso(state.dueAt),
    remainingMs: state.remainingMs,
    businessElapsedMs: state.businessElapsedMs,
    breachedAt: iso(state.breachedAt),
    stoppedAt: iso(state.stoppedAt),
    pauses: state.pauses.map((pause) => ({
      from: iso(pause.from)!,
      to: iso(pause.to),
      reason: pause.reason,
    })),
    warnings: state.warnings.map((warning) => ({
      thresholdPercent: warning.thresholdPercent,
      at: iso(warning.at)!,
    })),
    explanation: {
      timeZone: explanation.timeZone,
      from: iso(explanation.from)!,
      to: iso(explanation.to)!,
      summary: explanation.summary,
      segments: explanation.segments.map((segment) => ({
        ...segment,
        from: iso(segment.from)!,
        to: iso(segment.to)!,
      })),
    },
  };
}
