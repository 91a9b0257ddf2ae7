/**
 * Business calendars: the JSON form, its validation, the business-time maths (pure, no database),
 * iCalendar holiday import, and the time text (instants, durations) the SLA preview reads and prints.
 */
export {
  parseCalendarSpec,
  type CalendarSpec,
  type HolidaySpec,
  type Weekday,
  type WindowSpec,
} from './calendar-spec.ts';
export { actualElapsed, compileCalendar, type BusinessCalendar, type Pause } from './calendar-math.ts';
export { importICalendarHolidays, type ICalendarImportOptions, type ImportedHoliday } from './icalendar.ts';
export { formatInstant } from './time-zone.ts';
export { formatDuration, parseDuration, parseInstant } from './time-text.ts';
export { createCalendarsService, type CalendarsService, type NewCalendar } from './calendars.service.ts';
export { calendarsRoutes } from './calendars.routes.ts';
