import { AppError } from '../../platform/errors.ts';
import {
  END_SUPPORTED_DAY,
  FIRST_SUPPORTED_DAY,
  readCalendarRules,
  type CalendarRules,
  type CalendarSpec,
} from './calendar-spec.ts';
import { MS_PER_DAY, MS_PER_MINUTE, weekdayOf } from './civil-date.ts';
import { timeZoneFor, type ZoneOffsets } from './time-zone.ts';

/** The instants the maths accepts and returns: [1970-01-01T00:00Z, 2200-01-01T00:00Z]. */
const EARLIEST_INSTANT = FIRST_SUPPORTED_DAY * MS_PER_DAY;
const LATEST_INSTANT = END_SUPPORTED_DAY * MS_PER_DAY;

/** A stretch [start, end) of epoch-ms instants during which a clock does not run. */
export interface Pause {
  readonly start: number;
  readonly end: number;
}

/** A first use compiles a year before and two after it: room for most later calls. */
const MS_BEFORE = 366 * MS_PER_DAY;
const MS_AFTER = 2 * 366 * MS_PER_DAY;
/** Compiled ranges stay within two days of the instants the maths accepts (any zone's midnights). */
const COMPILE_FLOOR = EARLIEST_INSTANT - 2 * MS_PER_DAY;
const COMPILE_CEILING = LATEST_INSTANT + 2 * MS_PER_DAY;

/**
 * A change to a calendar, as it takes effect: its spec governs from `from` (epoch ms; null: from the
 * beginning) on.
 */
export interface CalendarChange {
  readonly from: number | null;
  readonly spec: CalendarSpec;
}

/** The rules in force over [from, to). */
export interface CalendarEra {
  readonly from: number;
  readonly to: number;
  readonly spec: CalendarSpec;
  readonly timeZone: string;
}

interface CompiledEra extends CalendarEra {
  readonly rules: CalendarRules;
  readonly zone: ZoneOffsets;
}

/** Validates a calendar (as `parseCalendarSpec`, throwing `CALENDAR_INVALID`) and prepares its maths. */
export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  return compileCalendarHistory([{ from: null, spec }]);
}

/**
 * A calendar with its history: the changes in the order they were made (the first from the
 * beginning). Each governs from its instant on, over everything made before it: a change effective
 * from now leaves the time already past measured as it was, and one made later but effective from
 * an earlier instant (a correction) supersedes the ones in between. Before the first change's
 * instant, the first change's rules.
 */
export function compileCalendarHistory(changes: readonly CalendarChange[]): BusinessCalendar {
  if (changes.length === 0) throw new Error('a calendar history needs at least one change');
  let governing: Array<{ from: number; rules: CalendarRules }> = [];
  changes.forEach((change, index) => {
    const from =
      index === 0 || change.from === null ? EARLIEST_INSTANT : Math.max(change.from, EARLIEST_INSTANT);
    governing = governing.filter((era) => era.from < from);
    governing.push({ from, rules: readCalendarRules(change.spec) });
  });
  return new BusinessCalendar(
    governing.map(({ from, rules }, index) => ({
      from: index === 0 ? COMPILE_FLOOR : from,
      to: governing[index + 1]?.from ?? COMPILE_CEILING,
      spec: rules.spec,
      timeZone: rules.timeZone,
      rules,
      zone: timeZoneFor(rules.timeZone),
    })),
  );
}

/**
 * Business-time arithmetic on one calendar. The calendar's working time is compiled to UTC intervals
 * (windows in wall-clock time of the zone, minus holidays, merged) with prefix sums of business
 * milliseconds, so both operations are two binary searches. The compiled range starts around the first
 * instant asked about and grows (at least doubling) when an instant or a due time falls outside it.
 * A calendar with a history compiles each stretch of time with the rules then in force (its era), so
 * the operations count across a change as they do anywhere else.
 *
 * Conventions: instants are epoch milliseconds (integers); windows are half-open [open, close); the due
 * time is the EARLIEST instant at which counted business time reaches the target, so a target that runs
 * out exactly at a close is due at the close, not at the next open, and a zero target is due at once;
 * pauses remove the business time inside them (overlapping pauses count once).
 */
export class BusinessCalendar {
  /** The rules in force last (now, unless a change takes effect later): what people edit and read. */
  readonly spec: CalendarSpec;
  readonly timeZone: string;
  /** Ascending, contiguous: the first from before any supported instant, the last to after them all. */
  readonly eras: readonly CalendarEra[];
  readonly #eras: readonly CompiledEra[];
  #isCompiled = false;
  /** The compiled intervals are exact for instants in [#low, #high]. */
  #low = 0;
  #high = 0;
  /** Business intervals [#starts[i], #ends[i]): ascending, disjoint, never touching. */
  #starts = new Float64Array(0);
  #ends = new Float64Array(0);
  /** #before[i] = business ms in [#low, #starts[i]); #before[count] = all of it. */
  #before = new Float64Array(1);
  #count = 0;
  /** `inForceBefore`'s calendars, by the index of their last era. */
  readonly #asOfEra = new Map<number, BusinessCalendar>();

  constructor(eras: readonly CompiledEra[]) {
    this.#eras = eras;
    this.eras = eras.map(({ from, to, spec, timeZone }) => ({ from, to, spec, timeZone }));
    const last = eras[eras.length - 1]!;
    this.spec = last.spec;
    this.timeZone = last.timeZone;
  }

  /**
   * The calendar as it stood up to `instant`: the rules in force just before it go on for ever;
   * changes taking effect at or after it are left out. For what was projected up to then (a finished
   * clock's due time, as it was when the clock stopped), which a later change must not move. The same
   * calendar when nothing changes from the instant on.
   */
  inForceBefore(instant: number): BusinessCalendar {
    let index = this.#eras.length - 1;
    while (index > 0 && this.#eras[index]!.from >= instant) index--;
    if (index === this.#eras.length - 1) return this;
    let calendar = this.#asOfEra.get(index);
    if (!calendar) {
      const eras = this.#eras.slice(0, index + 1);
      eras[index] = { ...eras[index]!, to: COMPILE_CEILING };
      calendar = new BusinessCalendar(eras);
      this.#asOfEra.set(index, calendar);
    }
    return calendar;
  }

  /** The due instant: `from` plus `durationMs` of business time not inside a pause. */
  addBusinessTime(from: number, durationMs: number, pauses: readonly Pause[] = []): number {
    checkInstant('from', from);
    if (!Number.isSafeInteger(durationMs) || durationMs < 0)
      throw invalidInput('duration', 'must be a whole, non-negative number of milliseconds');
    if (pauses.length === 0) return this.#add(from, durationMs);
    let cursor = from;
    let remaining = durationMs;
    for (const pause of mergePauses(pauses, from, LATEST_INSTANT)) {
      const available = this.#elapsed(cursor, pause.start);
      if (available >= remaining) return this.#add(cursor, remaining);
      remaining -= available;
      cursor = pause.end;
    }
    return this.#add(cursor, remaining);
  }

  /** Business milliseconds in [from, to) outside the pauses. */
  businessElapsed(from: number, to: number, pauses: readonly Pause[] = []): number {
    checkSpan(from, to);
    let elapsed = this.#elapsed(from, to);
    for (const pause of mergePauses(pauses, from, to)) elapsed -= this.#elapsed(pause.start, pause.end);
    return elapsed;
  }

  #add(from: number, durationMs: number): number {
    this.#cover(from);
    if (durationMs === 0) return from;
    let target = this.#position(from) + durationMs;
    while (target > this.#before[this.#count]!) {
      this.#extendForward(from);
      target = this.#position(from) + durationMs;
    }
    const due = this.#instantAt(target);
    if (due > LATEST_INSTANT) throw dueOutOfRange(from);
    return due;
  }

  #elapsed(from: number, to: number): number {
    this.#cover(from);
    this.#cover(to);
    return this.#position(to) - this.#position(from);
  }

  /** Business ms in [#low, t); t within [#low, #high]. */
  #position(t: number): number {
    const starts = this.#starts;
    let low = 0;
    let high = this.#count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle]! <= t) low = middle + 1;
      else high = middle;
    }
    const i = low - 1;
    if (i < 0) return 0;
    return t < this.#ends[i]! ? this.#before[i]! + (t - starts[i]!) : this.#before[i + 1]!;
  }

  /** The earliest instant whose position is `target`; 0 < target ≤ all compiled business time. */
  #instantAt(target: number): number {
    const before = this.#before;
    // The first interval whose end position reaches the target.
    let low = 0;
    let high = this.#count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before[middle + 1]! >= target) high = middle;
      else low = middle + 1;
    }
    return this.#starts[low]! + (target - before[low]!);
  }

  #cover(t: number): void {
    if (this.#isCompiled && t >= this.#low && t <= this.#high) return;
    if (!this.#isCompiled) return this.#compile(t - MS_BEFORE, t + MS_AFTER);
    // Grow by at least the current span, so walking outward costs a logarithmic number of compiles.
    const span = this.#high - this.#low;
    this.#compile(
      t < this.#low ? Math.min(t - MS_BEFORE, this.#low - span) : this.#low,
      t > this.#high ? Math.max(t + MS_AFTER, this.#high + span) : this.#high,
    );
  }

  #extendForward(from: number): void {
    if (this.#high >= COMPILE_CEILING) throw dueOutOfRange(from);
    this.#compile(this.#low, this.#high + (this.#high - this.#low));
  }

  /** Compiles [low, high] (within the compile bounds): each era's business time over its part of it. */
  #compile(low: number, high: number): void {
    low = Math.max(low, COMPILE_FLOOR);
    high = Math.min(high, COMPILE_CEILING);
    let pieces: Array<[number, number]> = [];
    for (const era of this.#eras) {
      const from = Math.max(low, era.from);
      const to = Math.min(high, era.to);
      // concat, not push(...): a range compiled out to 2200 holds more intervals than a call takes arguments.
      if (to > from) pieces = pieces.concat(businessIntervals(era, from, to));
    }
    // Eras meet end to end: a window running across a change is one interval again.
    const business = mergeIntervals(pieces);
    const count = business.length;
    const starts = new Float64Array(count);
    const ends = new Float64Array(count);
    const before = new Float64Array(count + 1);
    business.forEach(([start, end], i) => {
      starts[i] = start;
      ends[i] = end;
      before[i + 1] = before[i]! + (end - start);
    });
    this.#starts = starts;
    this.#ends = ends;
    this.#before = before;
    this.#count = count;
    this.#low = low;
    this.#high = high;
    this.#isCompiled = true;
  }
}

/**
 * An era's business intervals within [from, to]: the windows of the local days the span touches (and
 * the day before, whose overnight window can reach into it) minus the holidays, clipped to the span.
 */
function businessIntervals(era: CompiledEra, from: number, to: number): Array<[number, number]> {
  const { zone, rules } = era;
  const firstDay = Math.floor(zone.localOf(from) / MS_PER_DAY);
  const endDay = Math.floor(zone.localOf(to) / MS_PER_DAY) + 1;
  const open: Array<[number, number]> = [];
  for (let day = firstDay - 1; day < endDay; day++) {
    const midnight = day * MS_PER_DAY;
    for (const window of rules.windows[weekdayOf(day)]!) {
      const start = Math.max(from, zone.instantOf(midnight + window.open * MS_PER_MINUTE));
      const end = Math.min(to, zone.instantOf(midnight + window.close * MS_PER_MINUTE));
      // A window can come out empty or inverted when a boundary falls in a spring-forward gap.
      if (end > start) open.push([start, end]);
    }
  }
  const closed: Array<[number, number]> = [];
  for (const [day, ranges] of rules.holidays) {
    if (day < firstDay - 1 || day > endDay) continue;
    const midnight = day * MS_PER_DAY;
    for (const range of ranges) {
      const start = zone.instantOf(midnight + range.open * MS_PER_MINUTE);
      const end = zone.instantOf(midnight + range.close * MS_PER_MINUTE);
      if (end > start) closed.push([start, end]);
    }
  }
  return subtractIntervals(mergeIntervals(open), mergeIntervals(closed));
}

/** Milliseconds in [from, to) outside the pauses: ServiceNow's "actual elapsed time". */
export function actualElapsed(from: number, to: number, pauses: readonly Pause[] = []): number {
  checkSpan(from, to);
  let elapsed = to - from;
  for (const pause of mergePauses(pauses, from, to)) elapsed -= pause.end - pause.start;
  return elapsed;
}

/** The pauses clipped to [from, to], empty ones dropped, sorted, overlapping or touching ones merged. */
function mergePauses(pauses: readonly Pause[], from: number, to: number): Pause[] {
  const clipped: Array<[number, number]> = [];
  pauses.forEach((pause, index) => {
    checkInstant(`pauses/${index}/start`, pause.start);
    checkInstant(`pauses/${index}/end`, pause.end);
    if (pause.end < pause.start)
      throw invalidInput(`pauses/${index}`, 'a pause must not end before it starts');
    const start = Math.max(pause.start, from);
    const end = Math.min(pause.end, to);
    if (end > start) clipped.push([start, end]);
  });
  return mergeIntervals(clipped).map(([start, end]) => ({ start, end }));
}

function mergeIntervals(intervals: Array<[number, number]>): Array<[number, number]> {
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** `from` minus `holes`; both sorted, disjoint and merged, so the result is too. */
function subtractIntervals(
  from: Array<[number, number]>,
  holes: Array<[number, number]>,
): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  let first = 0;
  for (const [start, end] of from) {
    while (first < holes.length && holes[first]![1] <= start) first++;
    let cursor = start;
    for (let i = first; cursor < end && i < holes.length && holes[i]![0] < end; i++) {
      const [holeStart, holeEnd] = holes[i]!;
      if (holeStart > cursor) result.push([cursor, holeStart]);
      cursor = Math.max(cursor, holeEnd);
    }
    if (cursor < end) result.push([cursor, end]);
  }
  return result;
}

function checkSpan(from: number, to: number): void {
  checkInstant('from', from);
  checkInstant('to', to);
  if (to < from) throw invalidInput('to', 'must not be before from');
}

function checkInstant(path: string, instant: number): void {
  if (!Number.isSafeInteger(instant))
    throw invalidInput(path, 'must be an instant in whole epoch milliseconds');
  if (instant < EARLIEST_INSTANT || instant > LATEST_INSTANT)
    throw new AppError(
      'CALENDAR_OUT_OF_RANGE',
      `${path} (${new Date(instant).toISOString()}) is outside the range calendars cover (1970 … 2199)`,
      { errors: [{ path, message: 'outside 1970-01-01T00:00Z … 2200-01-01T00:00Z' }] },
    );
}

function dueOutOfRange(from: number): AppError {
  return new AppError(
    'CALENDAR_OUT_OF_RANGE',
    `The due time from ${new Date(from).toISOString()} would fall after 2199, beyond the range calendars cover`,
    { errors: [{ path: 'duration', message: 'reaches past 2200-01-01T00:00Z' }] },
  );
}

function invalidInput(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });
}
