/** A window of business hours: wall-clock `HH:MM` open and close; a close not after the open runs past midnight. */
export type CalendarWindow = readonly [string, string];

export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

/** A whole local day (`"2025-12-25"`) or a named day or part of one. */
export type HolidaySpec = string | { date: string; from?: string; to?: string; name?: string };

export interface CalendarSpec {
  timeZone: string;
  always?: boolean;
  week?: Partial<Record<WeekdayKey, CalendarWindow[]>>;
  holidays?: HolidaySpec[];
}

export interface BusinessCalendar {
  id: string;
  name: string;
  description: string;
  spec: CalendarSpec;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What a create or a replacement sends: the calendar as the editor shows it. */
export interface CalendarInput {
  name: string;
  description: string;
  spec: CalendarSpec;
  /** A replacement only: the instant the new spec governs from (the server's now if left out). */
  effectiveFrom?: string;
}

export interface ImportHolidaysInput {
  ics: string;
  from: string;
  to: string;
}

export interface ImportHolidaysResult {
  calendar: BusinessCalendar;
  /** Holidays the file had in the range. */
  imported: number;
  /** Of those, the ones the calendar did not already have. */
  added: number;
}

export interface PreviewDueInput {
  calendarId: string;
  target: string;
  from?: string;
}

export interface PreviewDueResult {
  timeZone: string;
  from: string;
  fromLocal: string;
  due: string;
  dueLocal: string;
  businessSeconds: number;
  actualSeconds: number;
}
