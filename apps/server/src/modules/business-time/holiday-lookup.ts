import type { BusinessCalendar, CalendarEra } from './calendar-math.ts';
import { MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE, parseClockTime, parseDate } from './civil-date.ts';
import { timeZoneFor } from './time-zone.ts';

/** A holiday of a calendar as the instants it covers, for explaining a due time to people. */
export interface CalendarHoliday {
  /** The local date `YYYY-MM-DD`. */
  readonly date: string;
  readonly name: string | null;
  /** [start, end) in epoch ms; the whole local day unless the holiday names `from`/`to`. */
  readonly start: number;
  readonly end: number;
  readonly isWholeDay: boolean;
}

/**
 * The calendar's holidays that overlap [from, to), by start. Read from the (already validated) spec of
 * each era the span crosses, with the same wall-clock → instant mapping as the maths, so a holiday
 * shown to a person covers exactly the time the maths removed (a holiday cut by a change to the
 * calendar shows the part still in force).
 */
export function holidaysBetween(calendar: BusinessCalendar, from: number, to: number): CalendarHoliday[] {
  const found: CalendarHoliday[] = [];
  for (const era of calendar.eras) {
    const eraFrom = Math.max(from, era.from);
    const eraTo = Math.min(to, era.to);
    if (eraTo > eraFrom) found.push(...eraHolidays(era, eraFrom, eraTo));
  }
  return found.sort((a, b) => a.start - b.start);
}

function eraHolidays(era: CalendarEra, from: number, to: number): CalendarHoliday[] {
  const zone = timeZoneFor(era.timeZone);
  const found: CalendarHoliday[] = [];
  for (const holiday of era.spec.holidays ?? []) {
    const entry = typeof holiday === 'string' ? { date: holiday } : holiday;
    const day = parseDate(entry.date);
    if (day === undefined) continue;
    const open = entry.from === undefined ? 0 : (parseClockTime(entry.from, false) ?? 0);
    const close =
      entry.to === undefined ? MINUTES_PER_DAY : (parseClockTime(entry.to, true) ?? MINUTES_PER_DAY);
    const midnight = day * MS_PER_DAY;
    const whole = {
      start: zone.instantOf(midnight + open * MS_PER_MINUTE),
      end: zone.instantOf(midnight + close * MS_PER_MINUTE),
    };
    // The part in force in this era: a change to the calendar can cut a holiday short.
    const start = Math.max(era.from, whole.start);
    const end = Math.min(era.to, whole.end);
    if (end <= from || start >= to || end <= start) continue;
    const isCut = start !== whole.start || end !== whole.end;
    found.push({
      date: entry.date,
      name: entry.name ?? null,
      start,
      end,
      isWholeDay: open === 0 && close === MINUTES_PER_DAY && !isCut,
    });
  }
  return found;
}
