/**
 * Business calendars as stored records: CRUD with versions, holiday import, and the "if opened now,
 * due when?" preview. The maths itself is the pure `business-time` module.
 */
export { createCalendarsService, type CalendarsService, type NewCalendar } from './calendars.service.ts';
export { calendarsRoutes } from './calendars.routes.ts';
