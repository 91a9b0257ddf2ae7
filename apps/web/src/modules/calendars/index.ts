// The calendars module's public surface: business calendars and the SLA due-time preview on them.
export { calendarsKeys } from './api/calendars-keys.ts';
export type { BusinessCalendar, CalendarSpec, PreviewDueResult } from './api/calendars-types.ts';
export { CalendarTable } from './components/calendar-table.tsx';
export { DuePreviewPanel } from './components/due-preview-panel.tsx';
export { HolidayList } from './components/holiday-list.tsx';
export { WeekView } from './components/week-view.tsx';
export { useCalendar, useCalendars } from './hooks/use-calendars.ts';
