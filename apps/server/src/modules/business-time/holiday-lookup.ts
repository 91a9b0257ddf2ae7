import type { BusinessCalendar } from './calendar-math.ts';
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
 * The calendar's holidays that overlap [from, to), by start. Read from the calendar's (already
 * validated) spec with the same wall-clock → instant mapping as the maths, so a holiday shown to a
 * person covers exactly the time the maths removed.
 */
export function holidaysBetween(calendar: BusinessCalendar, from: number, to: number): CalendarHoliday[] {
  const zone = timeZoneFor(calendar.timeZone);
  const found: CalendarHoliday[] = [];
  for (const holiday of calendar.spec.holidays ?? []) {
    const entry = typeof holiday === 'string' ? { date: holiday } : holiday;
    const day = parseDate(entry.date);
    if (day === undefined) continue;
    const open = entry.from === undefined ? 0 : (parseClockTime(entry.from, false) ?? 0);
    const close =
      entry.to === undefined ? MINUTES_PER_DAY : (parseClockTime(entry.to, true) ?? MINUTES_PER_DAY);
    const midnight = day * MS_PER_DAY;
    const start = zone.instantOf(midnight + open * MS_PER_MINUTE);
    const end = zone.instantOf(midnight + close * MS_PER_MINUTE);
    if (end <= from || start >= to || end <= start) continue;
    found.push({
      date: entry.date,
      name: entry.name ?? null,
      start,
      end,
      isWholeDay: open === 0 && close === MINUTES_PER_DAY,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
