import { AppError } from '../../platform/errors.ts';
import { END_SUPPORTED_DAY, FIRST_SUPPORTED_DAY, type HolidaySpec } from './calendar-spec.ts';
import {
  dayFromParts,
  daysInMonth,
  formatClockTime,
  formatDate,
  MINUTES_PER_DAY,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseDate,
  partsOfDay,
  weekdayOf,
} from './civil-date.ts';
import { resolveTimeZone, timeZoneFor, type ZoneOffsets } from './time-zone.ts';

/** A holiday as the importer produces it: always the object form, named after the event's SUMMARY. */
export type ImportedHoliday = Exclude<HolidaySpec, string>;

export interface ICalendarImportOptions {
  /** The calendar's zone: date-time events are cut into its local days; floating times are read in it. */
  timeZone: string;
  /** First and last local date (inclusive, `YYYY-MM-DD`) to expand recurring events into. */
  from: string;
  to: string;
}

const MAX_FILE_CHARACTERS = 2 * 1024 * 1024;
/** Recurrences are expanded from their start, not from `from`, because COUNT counts from there. */
const MAX_OCCURRENCES = 200_000;

type Problem = { path: string; message: string };

/**
 * Reads holidays from an iCalendar file (RFC 5545) — a national holiday calendar such as GOV.UK's
 * bank holidays or an export from Google or Outlook — and expands them into holiday entries for the
 * local dates `from` … `to`.
 *
 * Understood: folded lines; VEVENT with DTSTART/DTEND (or DURATION) as dates (`VALUE=DATE`, whole
 * days) or date-times (UTC `Z`, `TZID=<IANA zone>`, or floating = the calendar's zone), SUMMARY,
 * STATUS:CANCELLED, RRULE with FREQ=YEARLY/MONTHLY/WEEKLY/DAILY, INTERVAL, COUNT, UNTIL, BYMONTH,
 * BYMONTHDAY, BYDAY (with ordinals for MONTHLY/YEARLY: `1MO` first Monday, `-1MO` last Monday; not
 * together with BYMONTHDAY) and WKST; RDATE; EXDATE; RECURRENCE-ID overrides. DTSTART always counts as
 * the first occurrence. Other components (VTIMEZONE — zones come from ICU by TZID — VALARM, …) and
 * properties are ignored; RRULE parts it cannot honour (BYSETPOS, BYWEEKNO, BYYEARDAY, BYHOUR, …)
 * are refused rather than misread. A date-time event becomes part-day holidays in the calendar's zone
 * on each local day it touches, widened to whole minutes.
 *
 * Throws `AppError` `ICALENDAR_INVALID` with `errors: [{ path: 'line N', message }]`, every problem
 * found, each naming the (first physical) line of the content line at fault.
 */
export function importICalendarHolidays(text: string, options: ICalendarImportOptions): ImportedHoliday[] {
  const zoneName = resolveTimeZone(options.timeZone);
  const fromDay = parseDate(options.from);
  const toDay = parseDate(options.to);
  const optionProblems: Problem[] = [];
  if (!zoneName)
    optionProblems.push({ path: 'timeZone', message: `unknown time zone "${options.timeZone}"` });
  for (const [path, day] of [
    ['from', fromDay],
    ['to', toDay],
  ] as const)
    if (day === undefined || day < FIRST_SUPPORTED_DAY || day >= END_SUPPORTED_DAY)
      optionProblems.push({ path, message: 'must be a date YYYY-MM-DD in 1970 … 2199' });
  if (fromDay !== undefined && toDay !== undefined && toDay < fromDay)
    optionProblems.push({ path: 'to', message: 'must not be before from' });
  if (optionProblems.length || !zoneName || fromDay === undefined || toDay === undefined)
    throw new AppError('VALIDATION_FAILED', 'The import options are not valid', { errors: optionProblems });

  const problems: Problem[] = [];
  const events = readEvents(text, problems);
  const parsed = events.flatMap((event) => {
    const read = readEvent(event, zoneName, problems);
    return read ? [read] : [];
  });
  if (problems.length) throw icalendarInvalid(problems);

  // RECURRENCE-ID events replace one occurrence of the event with the same UID.
  const replaced = new Map<string, Array<Occurrence>>();
  for (const event of parsed)
    if (event.recurrenceId) {
      const list = replaced.get(event.uid) ?? [];
      list.push(event.recurrenceId);
      replaced.set(event.uid, list);
    }

  const zone = timeZoneFor(zoneName);
  const holidays: ImportedHoliday[] = [];
  for (const event of parsed) {
    if (event.isCancelled) continue;
    const excluded = event.recurrenceId ? [] : [...event.exdates, ...(replaced.get(event.uid) ?? [])];
    const occurrences = event.recurrenceId ? [event.start] : expand(event, zoneName, toDay + 2, problems);
    for (const occurrence of occurrences) {
      if (excluded.some((exdate) => isSameOccurrence(exdate, occurrence, event, zoneName))) continue;
      holidays.push(...toHolidays(event, occurrence, zone, zoneName, fromDay, toDay));
    }
  }
  if (problems.length) throw icalendarInvalid(problems);

  const seen = new Set<string>();
  return holidays
    .filter((holiday) => {
      const key = JSON.stringify(holiday);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.date.localeCompare(b.date) || (a.from ?? '').localeCompare(b.from ?? ''));
}

// ——— content lines and components ———

interface ContentLine {
  name: string;
  params: Map<string, string>;
  value: string;
  line: number;
}

interface RawEvent {
  line: number;
  properties: ContentLine[];
}

function readEvents(text: string, problems: Problem[]): RawEvent[] {
  if (text.length > MAX_FILE_CHARACTERS) {
    problems.push({ path: 'line 1', message: `the file is larger than ${MAX_FILE_CHARACTERS} characters` });
    return [];
  }
  const physical = text.split(/\r\n|\n|\r/);
  // Unfold: a line starting with a space or tab continues the one before (RFC 5545 §3.1).
  const logical: Array<{ text: string; line: number }> = [];
  physical.forEach((textLine, index) => {
    const previous = logical[logical.length - 1];
    if (/^[ \t]/.test(textLine)) {
      if (previous) previous.text += textLine.slice(1);
      else
        problems.push({ path: `line ${index + 1}`, message: 'a continuation line with nothing to continue' });
    } else if (textLine !== '') logical.push({ text: textLine, line: index + 1 });
  });

  const events: RawEvent[] = [];
  const stack: Array<{ name: string; line: number }> = [];
  let current: RawEvent | undefined;
  let sawCalendar = false;
  for (const { text: content, line } of logical) {
    const parsed = parseContentLine(content, line);
    if (typeof parsed === 'string') {
      problems.push({ path: `line ${line}`, message: parsed });
      continue;
    }
    if (parsed.name === 'BEGIN') {
      const component = parsed.value.toUpperCase();
      if (stack.length === 0 && component !== 'VCALENDAR')
        problems.push({
          path: `line ${line}`,
          message: `expected BEGIN:VCALENDAR, found BEGIN:${component}`,
        });
      if (component === 'VCALENDAR') sawCalendar = true;
      stack.push({ name: component, line });
      if (component === 'VEVENT' && stack.length === 2) {
        current = { line, properties: [] };
        events.push(current);
      }
    } else if (parsed.name === 'END') {
      const component = parsed.value.toUpperCase();
      const open = stack.pop();
      if (!open) problems.push({ path: `line ${line}`, message: `END:${component} without a BEGIN` });
      else if (open.name !== component)
        problems.push({
          path: `line ${line}`,
          message: `END:${component} does not close BEGIN:${open.name} (line ${open.line})`,
        });
      if (component === 'VEVENT') current = undefined;
    } else if (stack.length === 0) {
      problems.push({
        path: `line ${line}`,
        message: `${parsed.name} outside BEGIN:VCALENDAR … END:VCALENDAR`,
      });
    } else if (current && stack[stack.length - 1]?.name === 'VEVENT') {
      current.properties.push(parsed);
    }
  }
  for (const open of stack)
    problems.push({
      path: `line ${open.line}`,
      message: `BEGIN:${open.name} is never closed with END:${open.name}`,
    });
  if (!sawCalendar && problems.length === 0)
    problems.push({ path: 'line 1', message: 'not an iCalendar file: no BEGIN:VCALENDAR' });
  return events;
}

/** `NAME;PARAM=value;PARAM="quoted":value` — or a message saying what is wrong with it. */
function parseContentLine(text: string, line: number): ContentLine | string {
  const nameMatch = /^[A-Za-z0-9-]+/.exec(text);
  if (!nameMatch) return `not a content line "NAME:value": ${JSON.stringify(text.slice(0, 60))}`;
  const name = nameMatch[0].toUpperCase();
  const params = new Map<string, string>();
  let position = nameMatch[0].length;
  while (text[position] === ';') {
    const param = /^;([A-Za-z0-9-]+)=("[^"]*"|[^";:,]*)(?:,("[^"]*"|[^";:,]*))*/.exec(text.slice(position));
    if (!param) return `malformed parameter in ${name}`;
    params.set(param[1]!.toUpperCase(), param[2]!.replace(/^"|"$/g, ''));
    position += param[0].length;
  }
  if (text[position] !== ':')
    return position === nameMatch[0].length
      ? `not a content line "NAME:value": ${JSON.stringify(text.slice(0, 60))}`
      : `${name} has no ":" before its value`;
  return { name, params, value: text.slice(position + 1), line };
}

// ——— events ———

/** A start in the event's own frame: a date, or a wall time in UTC, an IANA zone, or floating. */
interface Occurrence {
  day: number;
  /** ms after midnight; undefined for a date. */
  time: number | undefined;
  /** 'UTC', an IANA zone name, or undefined for floating. */
  zone: string | undefined;
}

interface RecurrenceRule {
  freq: 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY';
  interval: number;
  count: number | undefined;
  until: Occurrence | undefined;
  byMonth: number[] | undefined;
  byMonthDay: number[] | undefined;
  byDay: Array<{ ordinal: number; weekday: number }> | undefined;
  weekStart: number;
  line: number;
}

interface ParsedEvent {
  uid: string;
  name: string | undefined;
  start: Occurrence;
  /** Whole days for a date event, ms for a date-time one. */
  length: number;
  rule: RecurrenceRule | undefined;
  rdates: Occurrence[];
  exdates: Occurrence[];
  recurrenceId: Occurrence | undefined;
  isCancelled: boolean;
}

const weekdayCodes: Record<string, number> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };

function readEvent(event: RawEvent, calendarZone: string, problems: Problem[]): ParsedEvent | undefined {
  const before = problems.length;
  const fail = (line: number, message: string) => problems.push({ path: `line ${line}`, message });
  const first = (name: string) => event.properties.find((property) => property.name === name);
  const all = (name: string) => event.properties.filter((property) => property.name === name);

  const dtstart = first('DTSTART');
  if (!dtstart) {
    fail(event.line, 'VEVENT without DTSTART');
    return undefined;
  }
  const start = readDateValue(dtstart, fail)[0];
  if (!start) return undefined;

  let length = start.time === undefined ? 1 : 0;
  const dtend = first('DTEND');
  const duration = first('DURATION');
  if (dtend && duration) fail(duration.line, 'DTEND and DURATION together');
  else if (dtend) {
    const end = readDateValue(dtend, fail)[0];
    if (end && (end.time === undefined) !== (start.time === undefined))
      fail(dtend.line, 'DTEND must be a date when DTSTART is a date, and a date-time when it is a date-time');
    else if (end) {
      length =
        start.time === undefined
          ? end.day - start.day
          : instantOf(end, calendarZone) - instantOf(start, calendarZone);
      if (length < 0) fail(dtend.line, 'DTEND is before DTSTART');
    }
  } else if (duration) {
    const ms = parseIcsDuration(duration.value);
    if (ms === undefined) fail(duration.line, `"${duration.value}" is not a duration (e.g. P1D, PT4H)`);
    else if (start.time === undefined && ms % MS_PER_DAY !== 0)
      fail(duration.line, 'an all-day event lasts whole days (P1D, P1W)');
    else length = start.time === undefined ? ms / MS_PER_DAY : ms;
  }

  const rrules = all('RRULE');
  if (rrules.length > 1) fail(rrules[1]!.line, 'more than one RRULE in an event');
  const rule = rrules[0] ? readRule(rrules[0], fail) : undefined;
  const rdates = all('RDATE').flatMap((property) => readDateValue(property, fail));
  const exdates = all('EXDATE').flatMap((property) => readDateValue(property, fail));
  const recurrence = first('RECURRENCE-ID');
  const recurrenceId = recurrence ? readDateValue(recurrence, fail)[0] : undefined;
  const summary = first('SUMMARY')?.value;
  if (problems.length > before) return undefined;
  return {
    uid: first('UID')?.value ?? `line ${event.line}`,
    name: summary === undefined ? undefined : unescapeText(summary),
    start,
    length,
    rule,
    rdates,
    exdates,
    recurrenceId,
    isCancelled: first('STATUS')?.value.toUpperCase() === 'CANCELLED',
  };
}

/** The DATE or DATE-TIME values of a property (comma-separated lists allowed). */
function readDateValue(property: ContentLine, fail: (line: number, message: string) => void): Occurrence[] {
  const valueType = property.params.get('VALUE')?.toUpperCase();
  if (valueType === 'PERIOD') {
    fail(property.line, `${property.name};VALUE=PERIOD is not supported`);
    return [];
  }
  const tzid = property.params.get('TZID');
  let zone: string | undefined;
  if (tzid !== undefined) {
    zone = resolveTimeZone(tzid.replace(/^\//, ''));
    if (!zone) {
      fail(property.line, `TZID "${tzid}" is not an IANA time zone name`);
      return [];
    }
  }
  const values: Occurrence[] = [];
  for (const text of property.value.split(',')) {
    const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text.trim());
    const day = match ? dayFromParts(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
    if (!match || day === undefined || (valueType === 'DATE' && match[4] !== undefined)) {
      fail(
        property.line,
        `${property.name} "${text}" is not a ${valueType === 'DATE' ? 'date YYYYMMDD' : 'date YYYYMMDD or date-time YYYYMMDDTHHMMSS[Z]'}`,
      );
      continue;
    }
    if (day < FIRST_SUPPORTED_DAY - 1 || day > END_SUPPORTED_DAY) {
      fail(property.line, `${property.name} ${text} is outside 1970 … 2199`);
      continue;
    }
    if (match[4] === undefined) {
      values.push({ day, time: undefined, zone: undefined });
      continue;
    }
    const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6])];
    if (hours > 23 || minutes > 59 || seconds > 59) {
      fail(property.line, `${property.name} "${text}" has an impossible time of day`);
      continue;
    }
    values.push({
      day,
      time: ((hours * 60 + minutes) * 60 + seconds) * 1000,
      zone: match[7] === 'Z' ? 'UTC' : zone,
    });
  }
  return values;
}

function readRule(
  property: ContentLine,
  fail: (line: number, message: string) => void,
): RecurrenceRule | undefined {
  const line = property.line;
  const parts = new Map<string, string>();
  for (const part of property.value.split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined || value === '') {
      fail(line, `RRULE part "${part}" is not KEY=VALUE`);
      return undefined;
    }
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  let hasProblem = false;
  const problem = (message: string) => {
    hasProblem = true;
    fail(line, message);
  };
  for (const key of parts.keys())
    if (!['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYMONTH', 'BYMONTHDAY', 'BYDAY', 'WKST'].includes(key))
      problem(`RRULE part ${key} is not supported`);

  const freq = parts.get('FREQ');
  if (freq !== 'YEARLY' && freq !== 'MONTHLY' && freq !== 'WEEKLY' && freq !== 'DAILY') {
    problem(
      freq === undefined
        ? 'RRULE without FREQ'
        : `RRULE FREQ=${freq} is not supported (YEARLY, MONTHLY, WEEKLY, DAILY)`,
    );
    return undefined;
  }
  const positive = (key: string) => {
    const text = parts.get(key);
    if (text === undefined) return undefined;
    if (!/^[1-9]\d{0,5}$/.test(text)) problem(`RRULE ${key}=${text} is not a positive whole number`);
    return Number(text);
  };
  const interval = positive('INTERVAL') ?? 1;
  const count = positive('COUNT');
  let until: Occurrence | undefined;
  const untilText = parts.get('UNTIL');
  if (untilText !== undefined) {
    if (count !== undefined) problem('RRULE has both COUNT and UNTIL');
    until = readDateValue({ ...property, name: 'UNTIL', params: new Map(), value: untilText }, fail)[0];
    if (!until) hasProblem = true;
  }
  const list = (key: string, pattern: RegExp, check: (n: number) => boolean) => {
    const text = parts.get(key);
    if (text === undefined) return undefined;
    const values = text.split(',');
    if (!values.every((value) => pattern.test(value) && check(Number(value)))) {
      problem(`RRULE ${key}=${text} is not valid`);
      return undefined;
    }
    return values.map(Number);
  };
  const byMonth = list('BYMONTH', /^\d{1,2}$/, (n) => n >= 1 && n <= 12);
  const byMonthDay = list('BYMONTHDAY', /^[+-]?\d{1,2}$/, (n) => n !== 0 && Math.abs(n) <= 31);
  let byDay: RecurrenceRule['byDay'];
  const byDayText = parts.get('BYDAY');
  if (byDayText !== undefined) {
    byDay = [];
    for (const value of byDayText.split(',')) {
      const match = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(value);
      const ordinal = match?.[1] === undefined ? 0 : Number(match[1]);
      const limit = freq === 'YEARLY' && !byMonth ? 53 : 5;
      if (!match || Math.abs(ordinal) > limit || (match[1] !== undefined && ordinal === 0)) {
        problem(`RRULE BYDAY value "${value}" is not valid`);
        continue;
      }
      if (ordinal !== 0 && (freq === 'WEEKLY' || freq === 'DAILY'))
        problem(`RRULE BYDAY=${value}: a numbered weekday needs FREQ=MONTHLY or YEARLY`);
      if (ordinal !== 0 && byMonthDay)
        problem('RRULE numbered BYDAY together with BYMONTHDAY is not supported');
      byDay.push({ ordinal, weekday: weekdayCodes[match[2]!]! });
    }
  }
  const weekStartText = parts.get('WKST') ?? 'MO';
  const weekStart = weekdayCodes[weekStartText];
  if (weekStart === undefined) problem(`RRULE WKST=${weekStartText} is not a weekday`);
  if (hasProblem) return undefined;
  return { freq, interval, count, until, byMonth, byMonthDay, byDay, weekStart: weekStart ?? 1, line };
}

// ——— expansion ———

/**
 * The event's occurrences from DTSTART up to `lastDay` (event-frame dates), COUNT and UNTIL applied,
 * RDATEs added. DTSTART is always the first occurrence (RFC 5545 §3.8.5.3).
 */
function expand(
  event: ParsedEvent,
  floatingZone: string,
  lastDay: number,
  problems: Problem[],
): Occurrence[] {
  const { start, rule } = event;
  const at = (day: number): Occurrence => ({ day, time: start.time, zone: start.zone });
  const occurrences: Occurrence[] = [start];
  if (rule) {
    const untilInstant = rule.until && instantOf(rule.until, floatingZone);
    const limit = rule.count ?? Infinity;
    let produced = 1;
    outer: for (let period = 0; ; period++) {
      const candidates = periodDays(rule, start.day, period);
      if (candidates === undefined) break;
      for (const day of candidates) {
        if (day <= start.day) continue;
        if (day > lastDay || produced >= limit) break outer;
        const occurrence = at(day);
        if (
          rule.until &&
          (rule.until.time === undefined
            ? day > rule.until.day
            : instantOf(occurrence, floatingZone) > untilInstant!)
        )
          break outer;
        occurrences.push(occurrence);
        produced++;
        if (produced > MAX_OCCURRENCES) {
          problems.push({
            path: `line ${rule.line}`,
            message: `RRULE yields more than ${MAX_OCCURRENCES} occurrences`,
          });
          break outer;
        }
      }
      if (periodStart(rule, start.day, period + 1) > lastDay) break;
    }
  }
  // An RDATE takes the event's kind: a date for an all-day event; for a date-time event, a plain-date
  // RDATE gets the start's wall time.
  for (const rdate of event.rdates)
    occurrences.push(rdate.time === undefined || start.time === undefined ? at(rdate.day) : rdate);
  return occurrences;
}

/** First day of the rule's `period`-th period (year, month, week or day) counted from the start. */
function periodStart(rule: RecurrenceRule, startDay: number, period: number): number {
  const { year, month } = partsOfDay(startDay);
  switch (rule.freq) {
    case 'YEARLY':
      return dayFromParts(year + period * rule.interval, 1, 1)!;
    case 'MONTHLY': {
      const index = year * 12 + (month - 1) + period * rule.interval;
      return dayFromParts(Math.floor(index / 12), (index % 12) + 1, 1)!;
    }
    case 'WEEKLY':
      return startDay - ((weekdayOf(startDay) - rule.weekStart + 7) % 7) + period * 7 * rule.interval;
    case 'DAILY':
      return startDay + period * rule.interval;
  }
}

/** The days of one period that the rule selects, ascending; undefined past the supported range. */
function periodDays(rule: RecurrenceRule, startDay: number, period: number): number[] | undefined {
  const first = periodStart(rule, startDay, period);
  if (first >= END_SUPPORTED_DAY) return undefined;
  const start = partsOfDay(startDay);
  const { year, month } = partsOfDay(first);
  const inMonths = (day: number) => !rule.byMonth || rule.byMonth.includes(partsOfDay(day).month);
  let days: number[];
  switch (rule.freq) {
    case 'YEARLY':
      if (rule.byMonth || rule.byMonthDay)
        days = (
          rule.byMonth ?? (rule.byMonthDay ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [start.month])
        ).flatMap((m) => monthDays(rule, year, m, start.dayOfMonth));
      else if (rule.byDay) days = spanDays(rule.byDay, first, dayFromParts(year, 12, 31)!);
      else days = [dayFromParts(year, start.month, start.dayOfMonth)].filter((d) => d !== undefined);
      break;
    case 'MONTHLY':
      days = inMonths(first) ? monthDays(rule, year, month, start.dayOfMonth) : [];
      break;
    case 'WEEKLY': {
      const weekdays = rule.byDay?.map((d) => d.weekday) ?? [weekdayOf(startDay)];
      days = [0, 1, 2, 3, 4, 5, 6]
        .map((i) => first + i)
        .filter((d) => weekdays.includes(weekdayOf(d)) && inMonths(d));
      break;
    }
    case 'DAILY': {
      const { dayOfMonth } = partsOfDay(first);
      const dim = daysInMonth(year, month);
      const matchesMonthDay =
        !rule.byMonthDay || rule.byMonthDay.some((n) => (n > 0 ? n : dim + 1 + n) === dayOfMonth);
      const matchesWeekday = !rule.byDay || rule.byDay.some((d) => d.weekday === weekdayOf(first));
      days = inMonths(first) && matchesMonthDay && matchesWeekday ? [first] : [];
      break;
    }
  }
  return [...new Set(days)].sort((a, b) => a - b);
}

/** The days a rule selects in one month: BYMONTHDAY (limited by plain BYDAY), else BYDAY, else the start's day. */
function monthDays(rule: RecurrenceRule, year: number, month: number, startDayOfMonth: number): number[] {
  const dim = daysInMonth(year, month);
  const first = dayFromParts(year, month, 1)!;
  if (rule.byMonthDay)
    return rule.byMonthDay
      .map((n) => (n > 0 ? n : dim + 1 + n))
      .filter((n) => n >= 1 && n <= dim)
      .map((n) => first + n - 1)
      .filter((day) => !rule.byDay || rule.byDay.some((d) => d.weekday === weekdayOf(day)));
  if (rule.byDay) return spanDays(rule.byDay, first, first + dim - 1);
  return startDayOfMonth <= dim ? [first + startDayOfMonth - 1] : [];
}

/** BYDAY within [first, last]: `2MO` the second Monday, `-1MO` the last, `MO` every Monday. */
function spanDays(byDay: NonNullable<RecurrenceRule['byDay']>, first: number, last: number): number[] {
  return byDay.flatMap(({ ordinal, weekday }) => {
    const firstMatch = first + ((weekday - weekdayOf(first) + 7) % 7);
    const lastMatch = last - ((weekdayOf(last) - weekday + 7) % 7);
    if (ordinal === 0) {
      const all: number[] = [];
      for (let day = firstMatch; day <= last; day += 7) all.push(day);
      return all;
    }
    const day = ordinal > 0 ? firstMatch + 7 * (ordinal - 1) : lastMatch + 7 * (ordinal + 1);
    return day >= first && day <= last ? [day] : [];
  });
}

// ——— occurrences to holidays ———

function instantOf(occurrence: Occurrence, floatingZone: string): number {
  return timeZoneFor(occurrence.zone ?? floatingZone).instantOf(
    occurrence.day * MS_PER_DAY + (occurrence.time ?? 0),
  );
}

/** EXDATE / RECURRENCE-ID matching: by date when either is a date, else by instant. */
function isSameOccurrence(
  exdate: Occurrence,
  occurrence: Occurrence,
  event: ParsedEvent,
  zone: string,
): boolean {
  if (exdate.time === undefined || occurrence.time === undefined) {
    const frame = event.start.zone ?? zone;
    const exdateDay =
      exdate.time === undefined
        ? exdate.day
        : Math.floor(timeZoneFor(frame).localOf(instantOf(exdate, zone)) / MS_PER_DAY);
    return exdateDay === occurrence.day;
  }
  return instantOf(exdate, zone) === instantOf(occurrence, zone);
}

function toHolidays(
  event: ParsedEvent,
  occurrence: Occurrence,
  zone: ZoneOffsets,
  zoneName: string,
  fromDay: number,
  toDay: number,
): ImportedHoliday[] {
  const named = (date: number, extra: { from?: string; to?: string } = {}): ImportedHoliday => ({
    date: formatDate(date),
    ...(event.name !== undefined ? { name: event.name } : {}),
    ...extra,
  });
  const result: ImportedHoliday[] = [];
  if (occurrence.time === undefined) {
    for (let day = occurrence.day; day < occurrence.day + event.length; day++)
      if (day >= fromDay && day <= toDay) result.push(named(day));
    return result;
  }
  const start = instantOf(occurrence, zoneName);
  const end = start + event.length;
  const localStart = Math.floor(zone.localOf(start) / MS_PER_MINUTE) * MS_PER_MINUTE;
  const localEnd = Math.ceil(zone.localOf(end) / MS_PER_MINUTE) * MS_PER_MINUTE;
  for (let day = Math.floor(localStart / MS_PER_DAY); day * MS_PER_DAY < localEnd; day++) {
    if (day < fromDay || day > toDay) continue;
    const from = Math.max(localStart - day * MS_PER_DAY, 0) / MS_PER_MINUTE;
    const to = Math.min(localEnd - day * MS_PER_DAY, MS_PER_DAY) / MS_PER_MINUTE;
    if (to <= from) continue;
    result.push(
      from === 0 && to === MINUTES_PER_DAY
        ? named(day)
        : named(day, { from: formatClockTime(from), to: formatClockTime(to) }),
    );
  }
  return result;
}

/** `P1D`, `P2W`, `PT4H30M`, `P1DT12H` → ms (a day counted as 24 hours). */
function parseIcsDuration(text: string): number | undefined {
  const match = /^\+?P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/.exec(text);
  if (!match || text.endsWith('P') || text.endsWith('T')) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * MS_PER_MINUTE + seconds * 1000;
}

function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c)).trim();
}

function icalendarInvalid(problems: Problem[]): AppError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError(
    'ICALENDAR_INVALID',
    `The iCalendar file is not valid: ${first?.path ?? ''}: ${first?.message ?? ''}${more}`,
    { errors: problems },
  );
}
