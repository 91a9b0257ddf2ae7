import {
  weekdayKeys,
  type CalendarSpec,
  type CalendarWindow,
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
