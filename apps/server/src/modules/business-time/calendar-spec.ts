import { AppError } from '../../platform/errors.ts';
import {
  formatClockTime,
  formatDate,
  MINUTES_PER_DAY,
  MS_PER_DAY,
  parseClockTime,
  parseDate,
} from './civil-date.ts';
import { resolveTimeZone } from './time-zone.ts';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** `[open, close]` wall-clock times `HH:MM`; see `parseCalendarSpec`. */
export type WindowSpec = readonly [open: string, close: string];

/** A whole day `YYYY-MM-DD`, or part of one (`from`/`to` together); `name` is for people. */
export type HolidaySpec = string | { date: string; name?: string; from?: string; to?: string };

export type CalendarSpec =
  | {
      timeZone: string;
      week: Partial<Record<Weekday, readonly WindowSpec[]>>;
      holidays?: readonly HolidaySpec[];
    }
  | { timeZone: string; always: true; holidays?: readonly HolidaySpec[] };

/** Minutes after a day's local midnight; `close` passes 1440 when the window runs into the next day. */
export interface MinuteRange {
  readonly open: number;
  readonly close: number;
}

/** A validated calendar in the form the maths works on. */
export interface CalendarRules {
  readonly spec: CalendarSpec;
  readonly timeZone: string;
  /** Indexed by day of the week, 0 = Sunday (as `weekdayOf`). */
  readonly windows: ReadonlyArray<readonly MinuteRange[]>;
  /** Day number → the parts of that local day that are holiday. */
  readonly holidays: ReadonlyMap<number, readonly MinuteRange[]>;
}

/**
 * The dates a calendar covers: 1970-01-01 … 2199-12-31. Holidays must fall inside (a date outside is
 * "outside the calendar's range" and refused), and the maths refuses instants outside
 * [1970-01-01T00:00Z, 2200-01-01T00:00Z]. Far wider than any SLA needs; it keeps compiled ranges finite.
 */
export const FIRST_SUPPORTED_DAY = 0;
export const END_SUPPORTED_DAY = Date.UTC(2200, 0, 1) / MS_PER_DAY;

const MAX_WINDOWS_PER_DAY = 48;
const MAX_HOLIDAYS = 10_000;
const MAX_NAME_LENGTH = 200;

/** In the JSON form's order; `weekdayIndex` maps each to `weekdayOf`'s numbering. */
const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const weekdayIndex: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

type Problem = { path: string; message: string };

/**
 * Validates a business calendar in its JSON form and returns it normalised (the zone's canonical
 * name, all seven days present). Every problem is reported at once: throws `AppError`
 * `CALENDAR_INVALID` with `errors: [{ path, message }]`, paths as JSON pointers (`/week/mon/0`).
 *
 * The form:
 * ```json
 * { "timeZone": "America/New_York",
 *   "week": { "mon": [["09:00", "17:00"]], "tue": [["09:00", "12:00"], ["13:00", "17:00"]],
 *             "wed": [], "thu": [["22:00", "06:00"]], "fri": [["09:00", "24:00"]] },
 *   "holidays": ["2024-05-27", { "date": "2024-12-24", "from": "13:00", "to": "24:00", "name": "Christmas Eve" }] }
 * ```
 * or `{ "timeZone": "…", "always": true }` for 24×7 (holidays allowed too).
 *
 * - `timeZone`: an IANA zone name known to Node's ICU (`Europe/London`); fixed offsets are refused.
 * - `week`: keys `mon` … `sun`; a missing day has no windows; at least one window in the week.
 *   A window is `[open, close]` in wall-clock `HH:MM` of the zone, half-open [open, close). A window
 *   whose close is not after its open runs past midnight into the next day (`["22:00", "06:00"]` is
 *   Thursday 22:00 to Friday 06:00; `["09:00", "09:00"]` is 24 hours). `24:00` is the end of the day
 *   and may only close a window. Windows may touch but not overlap, across midnight and from Sunday
 *   into Monday too.
 * - `holidays`: dates `YYYY-MM-DD` within 1970-01-01 … 2199-12-31 (the calendar's range); a string
 *   is the whole local day, an object `{ date, from, to }` the part [from, to) of it (`to` after
 *   `from`, `24:00` allowed), `{ date }` alone the whole day; `name` optional (≤ 200 characters).
 *   Holidays remove business time wherever they fall, including the after-midnight part of an
 *   overnight window; they may overlap one another.
 * - Wall-clock times are evaluated in the zone on each date: a 09:00–17:00 window on a DST change day
 *   is 09:00–17:00 local, 7 or 9 real hours. A time skipped by a spring-forward change moves forward
 *   by the gap; a time repeated in the autumn is its first occurrence (`ZoneOffsets.instantOf`).
 * - Unknown keys anywhere are refused, so a misspelt key cannot silently change a calendar.
 */
export function parseCalendarSpec(input: unknown): CalendarSpec {
  return readCalendarRules(input).spec;
}

/** Validates as `parseCalendarSpec` and also returns the rules the maths compiles. */
export function readCalendarRules(input: unknown): CalendarRules {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  if (!isRecord(input)) {
    report('', 'a calendar must be a JSON object');
    throw calendarInvalid(problems);
  }
  for (const key of Object.keys(input))
    if (!['timeZone', 'week', 'always', 'holidays'].includes(key))
      report(`/${key}`, `unknown field "${key}"`);

  let timeZone = '';
  if (typeof input.timeZone !== 'string') report('/timeZone', 'required: an IANA time zone name');
  else {
    timeZone = resolveTimeZone(input.timeZone) ?? '';
    if (!timeZone) report('/timeZone', `unknown time zone "${input.timeZone}"`);
  }

  let windows: MinuteRange[][] = [[], [], [], [], [], [], []];
  let week: Partial<Record<Weekday, WindowSpec[]>> | undefined;
  if (input.always !== undefined) {
    if (input.always !== true) report('/always', 'must be true (leave it out for a weekly calendar)');
    if (input.week !== undefined) report('/week', 'a 24×7 calendar ("always": true) has no week');
    windows = windows.map(() => [{ open: 0, close: MINUTES_PER_DAY }]);
  } else if (input.week === undefined) {
    report('/week', 'required: the weekly windows, or "always": true for 24×7');
  } else {
    week = readWeek(input.week, windows, report);
  }

  const holidays = new Map<number, MinuteRange[]>();
  const holidaySpecs: HolidaySpec[] = [];
  if (input.holidays !== undefined) {
    if (!Array.isArray(input.holidays)) report('/holidays', 'must be an array');
    else if (input.holidays.length > MAX_HOLIDAYS) report('/holidays', `at most ${MAX_HOLIDAYS} holidays`);
    else
      input.holidays.forEach((holiday: unknown, index) => {
        const read = readHoliday(holiday, `/holidays/${index}`, report);
        if (!read) return;
        holidaySpecs.push(read.spec);
        const ranges = holidays.get(read.day) ?? [];
        ranges.push(read.range);
        holidays.set(read.day, ranges);
      });
  }

  if (problems.length) throw calendarInvalid(problems);
  const spec: CalendarSpec = week
    ? { timeZone, week, ...(holidaySpecs.length ? { holidays: holidaySpecs } : {}) }
    : { timeZone, always: true, ...(holidaySpecs.length ? { holidays: holidaySpecs } : {}) };
  return { spec, timeZone, windows, holidays };
}

function readWeek(
  value: unknown,
  windows: MinuteRange[][],
  report: (path: string, message: string) => void,
): Partial<Record<Weekday, WindowSpec[]>> | undefined {
  if (!isRecord(value)) {
    report('/week', 'must be an object with keys mon … sun');
    return undefined;
  }
  for (const key of Object.keys(value))
    if (!(weekdays as readonly string[]).includes(key))
      report(`/week/${key}`, `unknown day "${key}" (use mon, tue, wed, thu, fri, sat, sun)`);

  const week: Partial<Record<Weekday, WindowSpec[]>> = {};
  // Every window as minutes of a Monday-based week, to find overlaps across days.
  const placed: Array<{ start: number; end: number; label: string; path: string }> = [];
  let given = 0;
  weekdays.forEach((weekday, position) => {
    const path = `/week/${weekday}`;
    const list = value[weekday] ?? [];
    if (!Array.isArray(list)) return report(path, 'must be an array of ["HH:MM", "HH:MM"] windows');
    given += list.length;
    if (list.length > MAX_WINDOWS_PER_DAY)
      return report(path, `at most ${MAX_WINDOWS_PER_DAY} windows a day`);
    week[weekday] = [];
    list.forEach((window: unknown, index) => {
      const windowPath = `${path}/${index}`;
      if (!Array.isArray(window) || window.length !== 2 || !window.every((t) => typeof t === 'string'))
        return report(windowPath, 'a window is ["HH:MM", "HH:MM"]');
      const [openText, closeText] = window as [string, string];
      const open = parseClockTime(openText, false);
      const close = parseClockTime(closeText, true);
      if (open === undefined)
        report(
          `${windowPath}/0`,
          openText === '24:00' ? '24:00 can only close a window' : `"${openText}" is not a time HH:MM`,
        );
      if (close === undefined) report(`${windowPath}/1`, `"${closeText}" is not a time HH:MM (or 24:00)`);
      if (open === undefined || close === undefined) return;
      const range = { open, close: close > open ? close : close + MINUTES_PER_DAY };
      windows[weekdayIndex[weekday]]!.push(range);
      week[weekday]!.push([openText, closeText]);
      const start = position * MINUTES_PER_DAY + range.open;
      const end = position * MINUTES_PER_DAY + range.close;
      const label = `${weekday} ${openText}–${closeText}`;
      const weekMinutes = 7 * MINUTES_PER_DAY;
      // Sunday's overnight window continues into Monday: the week wraps.
      if (end > weekMinutes) {
        placed.push({ start, end: weekMinutes, label, path: windowPath });
        placed.push({ start: 0, end: end - weekMinutes, label, path: windowPath });
      } else placed.push({ start, end, label, path: windowPath });
    });
  });

  placed.sort((a, b) => a.start - b.start);
  // Compared with the window reaching furthest so far, so one long window overlapping several is seen.
  let furthest = placed[0];
  for (const current of placed.slice(1)) {
    if (furthest && current.start < furthest.end)
      report(current.path, `${current.label} overlaps ${furthest.label}`);
    if (!furthest || current.end > furthest.end) furthest = current;
  }
  if (given === 0)
    report('/week', 'the week has no business hours: give at least one window, or "always": true for 24×7');
  return week;
}

function readHoliday(
  value: unknown,
  path: string,
  report: (path: string, message: string) => void,
): { day: number; range: MinuteRange; spec: HolidaySpec } | undefined {
  const dateText = typeof value === 'string' ? value : isRecord(value) ? value.date : undefined;
  const datePath = typeof value === 'string' ? path : `${path}/date`;
  if (typeof value !== 'string' && !isRecord(value)) {
    report(path, 'a holiday is "YYYY-MM-DD" or { "date", "from", "to", "name" }');
    return undefined;
  }
  let problem = false;
  const fail = (at: string, message: string) => {
    problem = true;
    report(at, message);
  };
  if (isRecord(value))
    for (const key of Object.keys(value))
      if (!['date', 'name', 'from', 'to'].includes(key)) fail(`${path}/${key}`, `unknown field "${key}"`);

  const day = typeof dateText === 'string' ? parseDate(dateText) : undefined;
  if (typeof dateText !== 'string') fail(datePath, 'required: a date YYYY-MM-DD');
  else if (day === undefined) fail(datePath, `"${dateText}" is not a date YYYY-MM-DD`);
  else if (day < FIRST_SUPPORTED_DAY || day >= END_SUPPORTED_DAY)
    fail(datePath, `${dateText} is outside the calendar's range (1970-01-01 … 2199-12-31)`);

  let range: MinuteRange = { open: 0, close: MINUTES_PER_DAY };
  let name: string | undefined;
  if (isRecord(value)) {
    if (value.name !== undefined && (typeof value.name !== 'string' || value.name.length > MAX_NAME_LENGTH))
      fail(`${path}/name`, `must be a text of at most ${MAX_NAME_LENGTH} characters`);
    else name = value.name;
    if ((value.from === undefined) !== (value.to === undefined))
      fail(path, 'give both "from" and "to" for part of a day, or neither for the whole day');
    else if (value.from !== undefined) {
      const from = typeof value.from === 'string' ? parseClockTime(value.from, false) : undefined;
      const to = typeof value.to === 'string' ? parseClockTime(value.to, true) : undefined;
      if (from === undefined) fail(`${path}/from`, `${JSON.stringify(value.from)} is not a time HH:MM`);
      if (to === undefined) fail(`${path}/to`, `${JSON.stringify(value.to)} is not a time HH:MM (or 24:00)`);
      if (from !== undefined && to !== undefined) {
        if (to <= from) fail(`${path}/to`, `must be after "from" (${formatClockTime(from)})`);
        range = { open: from, close: to };
      }
    }
  }
  if (problem || day === undefined) return undefined;
  const date = formatDate(day);
  const whole = range.open === 0 && range.close === MINUTES_PER_DAY && !isRecord(value);
  const spec: HolidaySpec = whole
    ? date
    : {
        date,
        ...(name !== undefined ? { name } : {}),
        ...(isRecord(value) && value.from !== undefined
          ? { from: formatClockTime(range.open), to: formatClockTime(range.close) }
          : {}),
      };
  return { day, range, spec };
}

function calendarInvalid(problems: Problem[]): AppError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError(
    'CALENDAR_INVALID',
    `The calendar is not valid: ${first?.path ? `${first.path}: ` : ''}${first?.message ?? ''}${more}`,
    { errors: problems },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
