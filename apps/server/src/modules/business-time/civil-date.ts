/**
 * Calendar dates as day numbers (days since 1970-01-01 in the proleptic Gregorian calendar), so date
 * arithmetic is integer arithmetic and a local wall-clock time is `day * MS_PER_DAY + ms into the day`.
 */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day number of a valid calendar date, or undefined (`2024-02-30` is not a date). */
export function dayFromParts(year: number, month: number, dayOfMonth: number): number | undefined {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

/** Parses `YYYY-MM-DD` strictly; undefined when it is not a real date. */
export function parseDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function formatDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function partsOfDay(day: number): { year: number; month: number; dayOfMonth: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, dayOfMonth: date.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a wall-clock time `HH:MM` into minutes after midnight; `24:00` (the end of the day) only
 * when `allowEndOfDay`. Undefined for anything else (`9:00`, `24:30`, `12:60`).
 */
export function parseClockTime(text: string, allowEndOfDay: boolean): number | undefined {
  if (text === '24:00') return allowEndOfDay ? MINUTES_PER_DAY : undefined;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
