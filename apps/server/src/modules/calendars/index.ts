/**
 * Business calendars as stored records: CRUD with versions, holiday import, and the "if opened now,
 * due when?" preview. The maths itself is the pure `business-time` module. A change to a calendar's
 * spec takes effect from an instant (now by default) and is kept: `readCalendarHistory` gives the
 * maths every change, so time already past stays measured by the rules that were in force.
 */
export { createCalendarsService, type CalendarsService, type NewCalendar } from './calendars.service.ts';
export { calendarsRoutes } from './calendars.routes.ts';
export { readCalendarHistory } from './calendar-history.ts';
