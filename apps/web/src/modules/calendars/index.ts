// The calendars module's public surface: business calendars, their editor and the SLA due-time preview on them.
export { calendarsKeys } from './api/calendars-keys.ts';
export type { BusinessCalendar, CalendarSpec, PreviewDueResult } from './api/calendars-types.ts';
export { CalendarEditor } from './components/calendar-editor.tsx';
export { CalendarTable } from './components/calendar-table.tsx';
export { DeleteCalendarButton } from './components/delete-calendar-button.tsx';
export { DuePreviewPanel } from './components/due-preview-panel.tsx';
export { HolidayList } from './components/holiday-list.tsx';
export { NewCalendarModal } from './components/new-calendar-modal.tsx';
export { TimeZoneSelect } from './components/time-zone-select.tsx';
export { WeekView } from './components/week-view.tsx';
export { useCalendar, useCalendars } from './hooks/use-calendars.ts';
export { canManageCalendars } from './permissions.ts';
