import { slaMetrics } from '@paydesk/shared';
import type { BusinessCalendar, Pause } from '../business-time/index.ts';
import { replayClocks, type ClockTimeline } from './clock-replay.ts';
import type { ClockInput, ClockPause, ClockState, ClockStatus, ClockWarning } from './clock-types.ts';

/**
 * The clocks of one case as of `input.now`, from its history alone: every cycle of every measured
 * metric, by metric (first response, next response, resolution, periodic update) then cycle.
 * Cost: a replay of the events, then a few binary searches of the calendar per clock.
 */
export function computeClocks(input: ClockInput): ClockState[] {
  const timelines = replayClocks(
    input.policy,
    input.events,
    input.now,
    input.rules?.resolutionOnReopen ?? 'resume',
  );
  const cycles = new Map<string, number>();
  const states: ClockState[] = [];
  for (const timeline of timelines) {
    const cycle = (cycles.get(timeline.metric) ?? 0) + 1;
    const state = measureClock(timeline, cycle, input);
    if (!state) continue;
    cycles.set(timeline.metric, cycle);
    states.push(state);
  }
  return states.sort((a, b) => metricOrder[a.metric] - metricOrder[b.metric] || a.cycle - b.cycle);
}

const metricOrder = Object.fromEntries(slaMetrics.map((metric, index) => [metric, index])) as Record<
  ClockState['metric'],
  number
>;

/** A clock's life as the maths sees it: pauses with ends, up to its stop or now. */
interface Span {
  readonly calendar: BusinessCalendar;
  readonly timeline: ClockTimeline;
  readonly pauses: readonly Pause[];
  readonly end: number;
  readonly elapsed: number;
  readonly targetMs: number;
  /** The instant the current target took effect: a target cannot be due, or reached, before it applies. */
  readonly targetSince: number;
}

/** Undefined when no priority the clock ran under measured its metric. */
function measureClock(timeline: ClockTimeline, cycle: number, input: ClockInput): ClockState | undefined {
  const { calendar, now } = input;
  const { startedAt, targets, stoppedAt } = timeline;
  let last = targets.length - 1;
  while (last >= 0 && targets[last]!.targetMs === null) last--;
  if (last < 0) return undefined;
  const targetMs = targets[last]!.targetMs!;

  const end = stoppedAt ?? now;
  const pauses: Pause[] = [];
  const pauseList: ClockPause[] = [];
  for (const pause of timeline.pauses) {
    const to = pause.to ?? end;
    if (to > pause.from) pauses.push({ start: pause.from, end: to });
    pauseList.push({ from: pause.from, to: pause.to, reason: pause.reason });
  }
  const elapsed = calendar.businessElapsed(startedAt, end, pauses);
  const span: Span = { calendar, timeline, pauses, end, elapsed, targetMs, targetSince: targets[last]!.from };

  const isRunning = stoppedAt === null;
  const isPaused = isRunning && timeline.pauses.at(-1)?.to === null;
  const isCounting = isRunning ? !isPaused : !timeline.isPausedAtStop;
  const breachedAt = firstReached(span, 100);
  const warnings: ClockWarning[] = [];
  for (const thresholdPercent of input.policy.warningThresholds) {
    const at =
      firstReached(span, thresholdPercent) ??
      (isRunning && !isPaused ? projected(span, thresholdPercent) : null);
    if (at !== null) warnings.push({ thresholdPercent, at });
  }
  return {
    metric: timeline.metric,
    cycle,
    status: statusOf(timeline, isPaused, breachedAt),
    targetMs,
    startedAt,
    pauses: pauseList,
    dueAt: isCounting ? projected(span, 100) : null,
    remainingMs: targetMs - elapsed,
    businessElapsedMs: elapsed,
    breachedAt,
    stoppedAt,
    warnings,
  };
}

function statusOf(timeline: ClockTimeline, isPaused: boolean, breachedAt: number | null): ClockStatus {
  if (timeline.stoppedAt === null) return isPaused ? 'paused' : 'running';
  if (breachedAt !== null) return 'breached';
  return timeline.isEndedByGoal ? 'met' : 'stopped';
}

/**
 * The first instant before the end at which counted time reached `percent` of the target in force
 * then. With a constant target that is the due instant; after a priority change whose new target was
 * already used up, it is the change itself, so an instant that has passed never becomes "reached"
 * retroactively and a breach, once past, never moves.
 */
function firstReached(span: Span, percent: number): number | null {
  const { calendar, timeline, pauses, end, elapsed } = span;
  const { targets, startedAt } = timeline;
  for (let i = 0; i < targets.length; i++) {
    const { from, targetMs } = targets[i]!;
    const until = i + 1 < targets.length ? targets[i + 1]!.from : end;
    if (targetMs === null || from >= until) continue;
    const share = shareOf(targetMs, percent);
    // Counted time only grows, so a share beyond the time counted by the end is reached in no stretch.
    if (share > elapsed) continue;
    const at = Math.max(from, calendar.addBusinessTime(startedAt, share, pauses));
    if (at < until) return at;
  }
  return null;
}

/**
 * When `percent` of the current target is counted if the clock counts on from the end with no new
 * pause. A finished clock's is what it was at its stop: on the calendar's rules in force while it
 * ran, so a change taking effect from the stop on does not move it.
 */
function projected(span: Span, percent: number): number {
  const share = shareOf(span.targetMs, percent);
  const { stoppedAt, startedAt } = span.timeline;
  const calendar = stoppedAt === null ? span.calendar : span.calendar.inForceBefore(stoppedAt);
  return Math.max(span.targetSince, calendar.addBusinessTime(startedAt, share, span.pauses));
}

/** Targets are whole minutes, so a whole percent of one is a whole number of ms. */
function shareOf(targetMs: number, percent: number): number {
  return Math.round((targetMs * percent) / 100);
}
