import type { CaseStatus, Priority, SlaMetric } from '@paydesk/shared';
import { AppError } from '../../platform/errors.ts';
import type { CaseEvent, ClockPolicy, PauseReason, ResolutionOnReopen } from './clock-types.ts';

/** One clock cycle as the history shaped it; the numbers (elapsed, due, breach) are measured later. */
export interface ClockTimeline {
  readonly metric: SlaMetric;
  readonly startedAt: number;
  /** Ascending, disjoint; only the last may be open (`to` null). */
  readonly pauses: Array<{ from: number; to: number | null; reason: PauseReason }>;
  /** The target in force from each instant on (null: the priority does not measure the metric). */
  readonly targets: Array<{ from: number; targetMs: number | null }>;
  stoppedAt: number | null;
  /** Ended by its own stop event (the reply, the resolution), not by the case closing around it. */
  isEndedByGoal: boolean;
  isPausedAtStop: boolean;
}

const MS_PER_MINUTE = 60_000;

function isDone(status: CaseStatus): status is 'resolved' | 'closed' {
  return status === 'resolved' || status === 'closed';
}

/**
 * Replays a case's history up to `now` into clock timelines, in the order they started. See the
 * module's index for the rules.
 */
export function replayClocks(
  policy: ClockPolicy,
  events: readonly CaseEvent[],
  now: number,
  resolutionOnReopen: ResolutionOnReopen,
): ClockTimeline[] {
  checkHistory(events);
  const [opened] = events;
  if (opened?.type !== 'opened' || opened.at > now) return [];
  const replay = new Replay(policy, resolutionOnReopen, opened);
  for (let i = 1; i < events.length && events[i]!.at <= now; i++) replay.apply(events[i]!);
  return replay.timelines;
}

class Replay {
  readonly timelines: ClockTimeline[] = [];
  readonly #policy: ClockPolicy;
  readonly #resolutionOnReopen: ResolutionOnReopen;
  readonly #running = new Map<SlaMetric, ClockTimeline>();
  #status: CaseStatus = 'new';
  #priority: Priority;
  /** The status that ended the resolution clock: the reason of the stretch a resumed clock skips. */
  #doneStatus: 'resolved' | 'closed' = 'resolved';
  /** Next response waits until the first response is over: its clock covers the first wait. */
  #isFirstResponseOver = false;
  /** A customer wrote after the last public staff reply (cleared when the case is resolved). */
  #isAwaitingReply = false;

  constructor(
    policy: ClockPolicy,
    resolutionOnReopen: ResolutionOnReopen,
    opened: CaseEvent & { type: 'opened' },
  ) {
    this.#policy = policy;
    this.#resolutionOnReopen = resolutionOnReopen;
    this.#priority = opened.priority;
    for (const metric of ['firstResponse', 'resolution', 'periodicUpdate'] as const)
      this.#start(metric, opened.at);
    this.#changeStatus(opened.at, opened.status);
  }

  apply(event: CaseEvent): void {
    switch (event.type) {
      case 'opened':
        // checkHistory refuses a second opening.
        return;
      case 'status_changed':
        return this.#changeStatus(event.at, event.to);
      case 'priority_changed':
        if (event.to === this.#priority) return;
        this.#priority = event.to;
        for (const timeline of this.#running.values()) {
          this.#retarget(timeline, event.at);
          this.#syncPause(timeline, event.at);
        }
        return;
      case 'staff_replied':
        if (!event.public) return;
        this.#isFirstResponseOver = true;
        this.#isAwaitingReply = false;
        this.#stop('firstResponse', event.at, true);
        this.#stop('nextResponse', event.at, true);
        if (this.#running.has('periodicUpdate')) {
          this.#stop('periodicUpdate', event.at, true);
          this.#start('periodicUpdate', event.at);
        }
        return;
      case 'customer_replied':
        if (!this.#isFirstResponseOver) return;
        this.#isAwaitingReply = true;
        if (!this.#running.has('nextResponse') && !isDone(this.#status))
          this.#start('nextResponse', event.at);
        return;
      case 'vendor_escalated':
        // The vendor's own clocks (underpinning-clocks.ts); the status change it brings moves these.
        return;
    }
  }

  #changeStatus(at: number, to: CaseStatus): void {
    const from = this.#status;
    if (from === to) return;
    this.#status = to;
    if (isDone(to) && !isDone(from)) {
      this.#doneStatus = to;
      this.#isFirstResponseOver = true;
      this.#isAwaitingReply = false;
      this.#stop('firstResponse', at, false);
      this.#stop('nextResponse', at, false);
      this.#stop('periodicUpdate', at, false);
      this.#stop('resolution', at, true);
    } else if (isDone(from) && !isDone(to)) this.#reopen(at);
    for (const timeline of this.#running.values()) this.#syncPause(timeline, at);
  }

  #reopen(at: number): void {
    const resolution = this.timelines.findLast((timeline) => timeline.metric === 'resolution');
    if (this.#resolutionOnReopen === 'resume' && resolution?.stoppedAt != null) {
      if (at > resolution.stoppedAt)
        resolution.pauses.push({ from: resolution.stoppedAt, to: at, reason: this.#doneStatus });
      resolution.stoppedAt = null;
      resolution.isEndedByGoal = false;
      resolution.isPausedAtStop = false;
      this.#running.set('resolution', resolution);
      this.#retarget(resolution, at);
    } else this.#start('resolution', at);
    this.#start('periodicUpdate', at);
    if (this.#isAwaitingReply) this.#start('nextResponse', at);
  }

  #start(metric: SlaMetric, at: number): void {
    const timeline: ClockTimeline = {
      metric,
      startedAt: at,
      pauses: [],
      targets: [{ from: at, targetMs: this.#targetOf(metric) }],
      stoppedAt: null,
      isEndedByGoal: false,
      isPausedAtStop: false,
    };
    this.timelines.push(timeline);
    this.#running.set(metric, timeline);
    this.#syncPause(timeline, at);
  }

  #stop(metric: SlaMetric, at: number, isGoal: boolean): void {
    const timeline = this.#running.get(metric);
    if (!timeline) return;
    timeline.isPausedAtStop = timeline.pauses.at(-1)?.to === null;
    closeOpenPause(timeline, at);
    timeline.stoppedAt = at;
    timeline.isEndedByGoal = isGoal;
    this.#running.delete(metric);
  }

  #targetOf(metric: SlaMetric): number | null {
    const minutes = this.#policy.targets[this.#priority][metric];
    return minutes === null ? null : minutes * MS_PER_MINUTE;
  }

  #retarget(timeline: ClockTimeline, at: number): void {
    const targetMs = this.#targetOf(timeline.metric);
    const last = timeline.targets.at(-1)!;
    if (last.targetMs === targetMs) return;
    if (last.from === at) timeline.targets.pop();
    // Changed and changed back at the same instant: the earlier target simply goes on.
    if (timeline.targets.at(-1)?.targetMs !== targetMs) timeline.targets.push({ from: at, targetMs });
  }

  /** Opens, ends or changes the clock's pause so it matches the case as it is from `at`. */
  #syncPause(timeline: ClockTimeline, at: number): void {
    const reason = this.#pauseReason(timeline.metric);
    const last = timeline.pauses.at(-1);
    const current = last?.to === null ? last : undefined;
    if (current?.reason === reason) return;
    closeOpenPause(timeline, at);
    if (reason) timeline.pauses.push({ from: at, to: null, reason });
  }

  #pauseReason(metric: SlaMetric): PauseReason | null {
    if (this.#targetOf(metric) === null) return 'not_measured';
    const status = this.#status;
    return (this.#policy.pauseStatuses as readonly CaseStatus[]).includes(status)
      ? (status as PauseReason)
      : null;
  }
}

/** Ends the open pause at `at`; a pause that lasted no time is dropped. */
function closeOpenPause(timeline: ClockTimeline, at: number): void {
  const last = timeline.pauses.at(-1);
  if (last?.to !== null || last === undefined) return;
  if (at > last.from) last.to = at;
  else timeline.pauses.pop();
}

/** Refuses a history no replay can read: instants not whole ms, out of order, or not opened once first. */
export function checkHistory(events: readonly CaseEvent[]): void {
  events.forEach((event, index) => {
    if (!Number.isSafeInteger(event.at))
      throw historyInvalid(index, 'at must be an instant in whole epoch ms');
    if ((event.type === 'opened') !== (index === 0))
      throw historyInvalid(index, 'a history starts with "opened" and has it once');
    if (index > 0 && event.at < events[index - 1]!.at)
      throw historyInvalid(index, 'events must be in the order they happened');
  });
}

function historyInvalid(index: number, message: string): AppError {
  const path = `events/${index}`;
  return new AppError('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });
}
