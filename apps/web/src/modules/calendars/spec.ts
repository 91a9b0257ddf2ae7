import {
  weekdayKeys,
  type CalendarSpec,
  type CalendarWindow,
  type HolidaySpec,
  type WeekdayKey,
} from './api/calendars-types.ts';

export interface Holiday {
  date: string;
  name: string | null;
  from: string | null;
  to: string | null;
}

/** A window whose close is not after its open runs past midnight into the next day. */
export function isOvernight([open, close]: CalendarWindow): boolean {
  return close !== '24:00' && close <= open;
}

export function windowText([open, close]: CalendarWindow): string {
  return `${open}–${close}`;
}

export function windowsOf(spec: CalendarSpec, day: WeekdayKey): CalendarWindow[] {
  return spec.week?.[day] ?? [];
}

/** Runs of consecutive weekdays with the same hours, e.g. mon–fri 09:00–17:30. */
export function weekRuns(
  spec: CalendarSpec,
): { from: WeekdayKey; to: WeekdayKey; windows: CalendarWindow[] }[] {
  const runs: { from: WeekdayKey; to: WeekdayKey; windows: CalendarWindow[]; key: string }[] = [];
  for (const day of weekdayKeys) {
    const windows = windowsOf(spec, day);
    if (windows.length === 0) continue;
    const key = windows.map(windowText).join(',');
    const last = runs.at(-1);
    const previousDay = weekdayKeys[weekdayKeys.indexOf(day) - 1];
    if (last && last.key === key && last.to === previousDay) last.to = day;
    else runs.push({ from: day, to: day, windows, key });
  }
  return runs.map(({ from, to, windows }) => ({ from, to, windows }));
}

export function holidaysOf(spec: CalendarSpec): Holiday[] {
  return (spec.holidays ?? []).map((holiday) =>
    typeof holiday === 'string'
      ? { date: holiday, name: null, from: null, to: null }
      : {
          date: holiday.date,
          name: holiday.name ?? null,
          from: holiday.from ?? null,
          to: holiday.to ?? null,
        },
  );
}

/** Today's civil date (YYYY-MM-DD) in a time zone. */
export function civilToday(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** Upcoming holidays first (soonest first), then past ones (most recent first). */
export function sortHolidays(holidays: Holiday[], today: string): { upcoming: Holiday[]; past: Holiday[] } {
  const byDate = [...holidays].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.from ?? '').localeCompare(b.from ?? ''),
  );
  return {
    upcoming: byDate.filter((holiday) => holiday.date >= today),
    past: byDate.filter((holiday) => holiday.date < today).reverse(),
  };
}

/** Whole hours and minutes of a number of seconds (rounded to the minute). */
export function splitDuration(seconds: number): { hours: number; minutes: number } {
  const totalMinutes = Math.round(Math.max(0, seconds) / 60);
  return { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

// ——— editing ———

/** The calendar as the editor holds it: every day present, holidays in one shape, 24×7 as a flag. */
export interface SpecDraft {
  timeZone: string;
  always: boolean;
  week: Record<WeekdayKey, CalendarWindow[]>;
  holidays: Holiday[];
}

export const calendarTemplates = ['business', 'always', 'empty'] as const;
export type CalendarTemplate = (typeof calendarTemplates)[number];

const emptyWeek = (): Record<WeekdayKey, CalendarWindow[]> =>
  Object.fromEntries(weekdayKeys.map((day) => [day, []])) as unknown as Record<WeekdayKey, CalendarWindow[]>;

const workingDays: readonly WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** A fresh draft: Mon–Fri 09:00–17:30, 24×7, or nothing yet (the server wants a window before saving). */
export function templateDraft(template: CalendarTemplate, timeZone: string): SpecDraft {
  const week = emptyWeek();
  if (template === 'business') for (const day of workingDays) week[day] = [['09:00', '17:30']];
  return { timeZone, always: template === 'always', week, holidays: [] };
}

export function toDraft(spec: CalendarSpec): SpecDraft {
  const week = emptyWeek();
  for (const day of weekdayKeys) week[day] = [...windowsOf(spec, day)];
  return { timeZone: spec.timeZone, always: spec.always === true, week, holidays: holidaysOf(spec) };
}

/** The JSON form the API takes; a whole unnamed day is written as its date alone. */
export function fromDraft(draft: SpecDraft): CalendarSpec {
  const holidays = draft.holidays.map((holiday): HolidaySpec => {
    if (holiday.name === null && holiday.from === null && holiday.to === null) return holiday.date;
    return {
      date: holiday.date,
      ...(holiday.name !== null ? { name: holiday.name } : {}),
      ...(holiday.from !== null ? { from: holiday.from } : {}),
      ...(holiday.to !== null ? { to: holiday.to } : {}),
    };
  });
  const withHolidays = holidays.length > 0 ? { holidays } : {};
  if (draft.always) return { timeZone: draft.timeZone, always: true, ...withHolidays };
  return { timeZone: draft.timeZone, week: draft.week, ...withHolidays };
}

export function setWindow(
  draft: SpecDraft,
  day: WeekdayKey,
  index: number,
  window: CalendarWindow,
): SpecDraft {
  return {
    ...draft,
    week: { ...draft.week, [day]: draft.week[day].map((w, i) => (i === index ? window : w)) },
  };
}

/** A new window starts an hour after the day's last one closes (an hour long), or is 09:00–17:00. */
export function addWindow(draft: SpecDraft, day: WeekdayKey): SpecDraft {
  const last = draft.week[day].at(-1);
  const lastClose = last && !isOvernight(last) ? minutesOf(last[1], true) : undefined;
  const window: CalendarWindow =
    lastClose !== undefined && lastClose <= 22 * 60
      ? [clockText(lastClose + 60), clockText(lastClose + 120)]
      : ['09:00', '17:00'];
  return { ...draft, week: { ...draft.week, [day]: [...draft.week[day], window] } };
}

export function removeWindow(draft: SpecDraft, day: WeekdayKey, index: number): SpecDraft {
  return { ...draft, week: { ...draft.week, [day]: draft.week[day].filter((_, i) => i !== index) } };
}

/** Tuesday to Friday take Monday's windows; the weekend keeps its own. */
export function copyMondayToWeekdays(draft: SpecDraft): SpecDraft {
  const week = { ...draft.week };
  for (const day of workingDays.slice(1)) week[day] = [...draft.week.mon];
  return { ...draft, week };
}

/** Holidays are kept in date order so the list reads as a calendar. */
export function addHoliday(draft: SpecDraft, holiday: Holiday): SpecDraft {
  const holidays = [...draft.holidays, holiday].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.from ?? '').localeCompare(b.from ?? ''),
  );
  return { ...draft, holidays };
}

export function removeHoliday(draft: SpecDraft, index: number): SpecDraft {
  return { ...draft, holidays: draft.holidays.filter((_, i) => i !== index) };
}

/** Adds the holidays the draft does not have yet (same date and hours), e.g. those an import added. */
export function mergeHolidays(draft: SpecDraft, holidays: readonly Holiday[]): SpecDraft {
  const known = new Set(draft.holidays.map(holidayKey));
  return holidays
    .filter((holiday) => !known.has(holidayKey(holiday)))
    .reduce((merged, holiday) => addHoliday(merged, holiday), draft);
}

/** Holidays the `after` spec has and `before` did not, e.g. what an iCalendar import added. */
export function holidaysAdded(before: CalendarSpec, after: CalendarSpec): Holiday[] {
  const known = new Set(holidaysOf(before).map(holidayKey));
  return holidaysOf(after).filter((holiday) => !known.has(holidayKey(holiday)));
}

function holidayKey(holiday: Holiday): string {
  return `${holiday.date} ${holiday.from ?? ''}-${holiday.to ?? ''}`;
}

// ——— checks (the server is the authority; these catch the common slips while typing) ———

/** Where a problem is in the editor: `name`, `timeZone`, `week`, `week/mon/0`, `holidays/3`, … */
export type DraftProblem =
  | { field: string; kind: 'timeInvalid' | 'openAt2400' | 'emptyWeek' | 'dateInvalid' | 'holidayHours' }
  | { field: string; kind: 'overlap'; other: string };

/** `HH:MM` in minutes after midnight; `24:00` only where a close is meant. */
export function minutesOf(text: string, isClose: boolean): number | undefined {
  const match = /^([01][0-9]|2[0-4]):([0-5][0-9])$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 24 * 60 || (minutes === 24 * 60 && !isClose)) return undefined;
  return minutes;
}

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function isCivilDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text && Number(match[1]) >= 1970 && Number(match[1]) < 2200;
}

/** What the server would refuse in the week and holidays, as it would (windows overlap across days too). */
export function checkDraft(draft: SpecDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.always) problems.push(...checkWeek(draft.week));
  draft.holidays.forEach((holiday, index) => {
    const field = `holidays/${index}`;
    if (!isCivilDate(holiday.date)) problems.push({ field, kind: 'dateInvalid' });
    if (holiday.from === null && holiday.to === null) return;
    const from = minutesOf(holiday.from ?? '', false);
    const to = minutesOf(holiday.to ?? '', true);
    if (from === undefined || to === undefined) problems.push({ field, kind: 'timeInvalid' });
    else if (to <= from) problems.push({ field, kind: 'holidayHours' });
  });
  return problems;
}

function checkWeek(week: Record<WeekdayKey, CalendarWindow[]>): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const weekMinutes = 7 * 24 * 60;
  const placed: { start: number; end: number; field: string; label: string }[] = [];
  weekdayKeys.forEach((day, position) => {
    week[day].forEach(([openText, closeText], index) => {
      const field = `week/${day}/${index}`;
      const open = minutesOf(openText, false);
      const close = minutesOf(closeText, true);
      if (open === undefined || close === undefined) {
        problems.push({ field, kind: openText === '24:00' ? 'openAt2400' : 'timeInvalid' });
        return;
      }
      const start = position * 24 * 60 + open;
      const end = position * 24 * 60 + (close > open ? close : close + 24 * 60);
      const label = `${day} ${windowText([openText, closeText])}`;
      // Sunday's overnight window runs on into Monday: the week wraps.
      if (end > weekMinutes) {
        placed.push({ start, end: weekMinutes, field, label });
        placed.push({ start: 0, end: end - weekMinutes, field, label });
      } else placed.push({ start, end, field, label });
    });
  });
  placed.sort((a, b) => a.start - b.start);
  let furthest = placed[0];
  for (const current of placed.slice(1)) {
    if (furthest && current.start < furthest.end)
      problems.push({ field: current.field, kind: 'overlap', other: furthest.label });
    if (!furthest || current.end > furthest.end) furthest = current;
  }
  if (weekdayKeys.every((day) => week[day].length === 0)) problems.push({ field: 'week', kind: 'emptyWeek' });
  return problems;
}

/**
 * The server names problems by request path (`body/spec/week/mon/0/1`, `body/name`); the editor shows
 * each next to its field (`week/mon/0`, `name`) when it has one, and lists the rest.
 */
export function placeServerProblems(
  errors: readonly { path: string; message: string }[],
  draft: SpecDraft,
): { byField: Record<string, string[]>; unplaced: { path: string; message: string }[] } {
  const byField: Record<string, string[]> = {};
  const unplaced: { path: string; message: string }[] = [];
  for (const error of errors) {
    const field = fieldOfPath(error.path, draft);
    if (field === undefined) unplaced.push(error);
    else (byField[field] ??= []).push(error.message);
  }
  return { byField, unplaced };
}

function fieldOfPath(path: string, draft: SpecDraft): string | undefined {
  const rest = path.replace(/^body\//, '');
  if (rest === 'name' || rest === 'description' || rest === 'effectiveFrom') return rest;
  const spec = /^spec\/(.*)$/.exec(rest)?.[1];
  if (spec === undefined) return undefined;
  if (spec === 'timeZone' || spec === 'week') return spec;
  const window = /^week\/(mon|tue|wed|thu|fri|sat|sun)(?:\/(\d+)(?:\/[01])?)?$/.exec(spec);
  if (window) {
    const day = window[1] as WeekdayKey;
    if (window[2] === undefined) return `week/${day}`;
    return Number(window[2]) < draft.week[day].length ? `week/${day}/${window[2]}` : `week/${day}`;
  }
  const holiday = /^holidays\/(\d+)(?:\/\w+)?$/.exec(spec);
  if (holiday && Number(holiday[1]) < draft.holidays.length) return `holidays/${holiday[1]}`;
  return undefined;
}
