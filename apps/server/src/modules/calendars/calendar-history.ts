import type { Executor } from '../../platform/db/index.ts';
import { compileCalendarHistory, type BusinessCalendar, type CalendarSpec } from '../business-time/index.ts';
import * as repo from './calendars.repository.ts';

/**
 * A stored calendar ready for the maths, with every change it has had, each measuring the time from
 * when it took effect (`compileCalendarHistory`); `version` is the calendar's, for caches to key on.
 * Undefined for no such calendar.
 */
export async function readCalendarHistory(
  executor: Executor,
  calendarId: string,
): Promise<{ version: number; calendar: BusinessCalendar } | undefined> {
  const changes = await repo.listCalendarChanges(executor, calendarId);
  if (changes.length === 0) return undefined;
  return {
    version: changes[0]!.calendarVersion,
    calendar: compileCalendarHistory(
      changes.map((change) => ({
        from: change.effectiveFrom?.getTime() ?? null,
        spec: change.spec as CalendarSpec,
      })),
    ),
  };
}
