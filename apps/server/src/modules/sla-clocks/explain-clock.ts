import type { SlaMetric } from '@paydesk/shared';
import {
  holidaysBetween,
  type BusinessCalendar,
  type CalendarHoliday,
  type Pause,
} from '../business-time/index.ts';
import type { ClockPause, ClockState, PauseReason } from './clock-types.ts';
import { describeSpan, formatBusinessTime, formatDay, formatMoment } from './clock-text.ts';

/**
 * One stretch of a clock's life. Everything between the start and the due time (or the stop, or now)
 * is covered once, in order: counted business time, or why time did not count.
 */
export type ClockSegment =
  | { kind: 'counted'; from: number; to: number; businessMs: number; isProjected: boolean; text: string }
  | { kind: 'closed'; from: number; to: number; isProjected: boolean; text: string }
  | {
      kind: 'holiday';
      from: number;
      to: number;
      date: string;
      name: string | null;
      isProjected: boolean;
      text: string;
    }
  /** `heldBackMs`: the business time inside the pause, which the clock did not count. */
  | { kind: 'paused'; from: number; to: number; reason: PauseReason; heldBackMs: number; text: string };

export interface ClockExplanation {
  readonly timeZone: string;
  readonly from: number;
  readonly to: number;
  readonly segments: readonly ClockSegment[];
  /** One sentence for people: where the clock stands and why. */
  readonly summary: string;
}

/**
 * Why a clock is due when it is: from its start to its due time (a running clock, projected past
 * `now`), its stop, or `now` (paused, or past due), the counted stretches with their length, the
 * closed time outside the calendar's windows, holidays by name, and pauses with their reason. English
 * text for logs, the CLI and the API; the web builds its own from the structured fields.
 *
 * Counted stretches are found through the calendar's own maths (the next counted instant, then the
 * end of the run of counted time), so the explanation always adds up to `businessElapsedMs` and the
 * due time. Meant for one clock on request, not for the engine's hot path.
 */
export function explainClock(state: ClockState, calendar: BusinessCalendar, now: number): ClockExplanation {
  const zone = calendar.timeZone;
  const from = state.startedAt;
  const to = Math.max(
    from,
    state.stoppedAt ??
      (state.status === 'running' && state.dueAt !== null ? Math.max(state.dueAt, now) : now),
  );
  const pauses: Pause[] = state.pauses.map((pause) => ({ start: pause.from, end: pause.to ?? to }));
  const holidays = holidaysBetween(calendar, from, to);

  const segments: ClockSegment[] = [];
  const addGap = (gapFrom: number, gapTo: number) => {
    for (const piece of classifyGap(gapFrom, gapTo, state.pauses, to, holidays)) {
      const isProjected = piece.from >= now;
      const span = describeSpan(piece.from, piece.to, zone);
      if (piece.pause) {
        const heldBackMs = calendar.businessElapsed(piece.from, piece.to);
        const held = heldBackMs
          ? `${formatBusinessTime(heldBackMs)} of business time not counted`
          : 'no business time';
        segments.push({
          kind: 'paused',
          from: piece.from,
          to: piece.to,
          reason: piece.pause.reason,
          heldBackMs,
          text: `${span}: paused (${reasonText(piece.pause.reason)}), ${held}`,
        });
      } else if (piece.holiday) {
        const { date, name, isWholeDay, start, end } = piece.holiday;
        const isWhole = isWholeDay && piece.from === start && piece.to === end;
        const label = isWhole ? formatDay(start, zone) : span;
        segments.push({
          kind: 'holiday',
          from: piece.from,
          to: piece.to,
          date,
          name,
          isProjected,
          text: `${label}: holiday${name ? ` (${name})` : ''}`,
        });
      } else
        segments.push({
          kind: 'closed',
          from: piece.from,
          to: piece.to,
          isProjected,
          text: `${span}: closed (outside business hours)`,
        });
    }
  };

  let cursor = from;
  for (const [start, end] of countedStretches(calendar, from, to, pauses, now)) {
    if (start > cursor) addGap(cursor, start);
    const businessMs = end - start;
    const isProjected = start >= now;
    segments.push({
      kind: 'counted',
      from: start,
      to: end,
      businessMs,
      isProjected,
      text: `${describeSpan(start, end, zone)}: counted ${formatBusinessTime(businessMs)}${isProjected ? ' (to come)' : ''}`,
    });
    cursor = end;
  }
  if (to > cursor) addGap(cursor, to);
  return { timeZone: zone, from, to, segments, summary: summarise(state, zone) };
}

/** The runs of counted time in [from, to), split at `now` so the projected part shows as such. */
function countedStretches(
  calendar: BusinessCalendar,
  from: number,
  to: number,
  pauses: readonly Pause[],
  now: number,
): Array<[number, number]> {
  const stretches: Array<[number, number]> = [];
  const isCounted = (start: number, end: number) =>
    calendar.businessElapsed(start, end, pauses) === end - start;
  let cursor = from;
  while (cursor < to && calendar.businessElapsed(cursor, to, pauses) > 0) {
    // The due time of one ms is just after the first counted ms.
    const start = calendar.addBusinessTime(cursor, 1, pauses) - 1;
    // Gallop, then bisect, to the end of the run: [start, low) is all counted, [start, high) not.
    let low = start + 1;
    let high = to + 1;
    for (let step = 60_000; low < to; step *= 2) {
      const probe = Math.min(to, low + step);
      if (!isCounted(start, probe)) {
        high = probe;
        break;
      }
      low = probe;
    }
    while (high - low > 1 && low < to) {
      const middle = Math.floor((low + high) / 2);
      if (isCounted(start, middle)) low = middle;
      else high = middle;
    }
    if (start < now && now < low) stretches.push([start, now], [now, low]);
    else stretches.push([start, low]);
    cursor = low;
  }
  return stretches;
}

interface GapPiece {
  from: number;
  to: number;
  pause?: ClockPause;
  holiday?: CalendarHoliday;
}

/** Time that did not count, cut where pauses and holidays begin and end; a pause hides a holiday. */
function classifyGap(
  from: number,
  to: number,
  pauses: readonly ClockPause[],
  openPauseEnd: number,
  holidays: readonly CalendarHoliday[],
): GapPiece[] {
  const cuts = new Set([from, to]);
  const inside = (t: number) => t > from && t < to && cuts.add(t);
  for (const pause of pauses) [pause.from, pause.to ?? openPauseEnd].forEach(inside);
  for (const holiday of holidays) [holiday.start, holiday.end].forEach(inside);
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: GapPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const pause = pauses.find((p) => p.from <= start && (p.to ?? openPauseEnd) >= end);
    const holiday = pause ? undefined : holidays.find((h) => h.start <= start && h.end >= end);
    const previous = pieces.at(-1);
    if (previous && previous.pause === pause && previous.holiday === holiday) previous.to = end;
    else pieces.push({ from: start, to: end, ...(pause ? { pause } : {}), ...(holiday ? { holiday } : {}) });
  }
  return pieces;
}

const metricNames: Record<SlaMetric, string> = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
  periodicUpdate: 'Periodic update',
};

function reasonText(reason: PauseReason): string {
  return reason === 'not_measured' ? 'the priority has no target for it' : reason.replaceAll('_', ' ');
}

function summarise(state: ClockState, zone: string): string {
  const name = `${metricNames[state.metric]}${state.cycle > 1 ? ` (cycle ${state.cycle})` : ''}`;
  const counted = `${formatBusinessTime(state.businessElapsedMs)} of ${formatBusinessTime(state.targetMs)} counted`;
  const breached = state.breachedAt !== null ? `, breached at ${formatMoment(state.breachedAt, zone)}` : '';
  switch (state.status) {
    case 'running':
      return `${name}: running, ${counted}${breached || `, due ${formatMoment(state.dueAt!, zone)}`}.`;
    case 'paused': {
      const pause = state.pauses.at(-1)!;
      return `${name}: paused (${reasonText(pause.reason)}) since ${formatMoment(pause.from, zone)}, ${counted}${breached}.`;
    }
    case 'met':
      return `${name}: met at ${formatMoment(state.stoppedAt!, zone)}, ${counted}, ${formatBusinessTime(state.remainingMs)} to spare.`;
    case 'breached':
      return `${name}: ended at ${formatMoment(state.stoppedAt!, zone)}, ${counted}${breached}.`;
    case 'stopped':
      return `${name}: stopped at ${formatMoment(state.stoppedAt!, zone)} before its target (the case ended first), ${counted}.`;
  }
}
