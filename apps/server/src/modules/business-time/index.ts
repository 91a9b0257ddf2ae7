/**
 * Business time, pure (no database, no HTTP): the business-calendar JSON form and its validation,
 * the maths (working intervals compiled to UTC with prefix sums), iCalendar holiday import, and the
 * time text (instants, durations) the SLA preview reads and prints. Light to import on purpose:
 * `paydesk sla due` loads only this.
 */
export {
  parseCalendarSpec,
  type CalendarSpec,
  type HolidaySpec,
  type Weekday,
  type WindowSpec,
} from './calendar-spec.ts';
export {
  actualElapsed,
  compileCalendar,
  compileCalendarHistory,
  type BusinessCalendar,
  type CalendarChange,
  type CalendarEra,
  type Pause,
} from './calendar-math.ts';
export { importICalendarHolidays, type ICalendarImportOptions, type ImportedHoliday } from './icalendar.ts';
export { holidaysBetween, type CalendarHoliday } from './holiday-lookup.ts';
export { civilDateAt, formatInstant } from './time-zone.ts';
export { formatDate as formatCivilDate, parseDate as parseCivilDate } from './civil-date.ts';
export { formatDuration, parseDuration, parseInstant } from './time-text.ts';
