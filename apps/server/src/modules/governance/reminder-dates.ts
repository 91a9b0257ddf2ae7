/**
 * Civil-date arithmetic for action items. A due date is a date on the account's calendar, so
 * "today" is the date in the account's time zone at the clock's instant, not the server's or UTC.
 */

const dateShape = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000;

/** Days before the due date at which the owner hears that it is coming. */
export const dueSoonDays = 3;

export type ReminderKind = 'due_soon' | 'overdue';

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCivilDate(text: string): boolean {
  const match = dateShape.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The date it is in `timeZone` at `instant`, as YYYY-MM-DD. */
export function civilDateIn(timeZone: string, instant: Date): string {
  // en-CA writes dates as YYYY-MM-DD; formatToParts keeps this independent of that habit anyway.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function addDays(date: string, days: number): string {
  const match = dateShape.exec(date);
  if (!match) throw new Error(`not a civil date: ${date}`);
  const start = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(start + days * msPerDay).toISOString().slice(0, 10);
}

/**
 * Which reminder an unfinished item due on `dueOn` calls for when it is `today`: overdue from the
 * day after the due date, due soon from `dueSoonDays` before it up to the due date itself.
 */
export function reminderFor(dueOn: string, today: string): ReminderKind | null {
  if (dueOn < today) return 'overdue';
  if (dueOn <= addDays(today, dueSoonDays)) return 'due_soon';
  return null;
}
