import { apiRequest } from '../../../app/http/api-client.ts';
import { isApiError } from '../../../app/http/api-error.ts';
import type {
  BusinessCalendar,
  CalendarInput,
  ImportHolidaysInput,
  ImportHolidaysResult,
  Page,
  PreviewDueInput,
  PreviewDueResult,
} from './calendars-types.ts';

const base = (id: string) => `/api/calendars/${encodeURIComponent(id)}`;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export function fetchCalendars(
  params: { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<Page<BusinessCalendar>> {
  return apiRequest<Page<BusinessCalendar>>('/api/calendars', {
    query: { limit: params.limit, cursor: params.cursor },
    ...withSignal(signal),
  });
}

export function fetchCalendar(id: string, signal?: AbortSignal): Promise<BusinessCalendar> {
  return apiRequest<BusinessCalendar>(base(id), withSignal(signal));
}

export function createCalendar(input: CalendarInput): Promise<BusinessCalendar> {
  return apiRequest<BusinessCalendar>('/api/calendars', { method: 'POST', body: input });
}

/** Replaces the calendar if `version` is still current; otherwise 409 with the current one (see `conflictingCalendar`). */
export function replaceCalendar(
  id: string,
  version: number,
  input: CalendarInput,
): Promise<BusinessCalendar> {
  return apiRequest<BusinessCalendar>(base(id), {
    method: 'PUT',
    body: input,
    headers: { 'if-match': `"${version}"` },
  });
}

export function deleteCalendar(id: string): Promise<void> {
  return apiRequest<void>(base(id), { method: 'DELETE' });
}

export function importHolidays(id: string, input: ImportHolidaysInput): Promise<ImportHolidaysResult> {
  return apiRequest<ImportHolidaysResult>(`${base(id)}/holidays/import`, { method: 'POST', body: input });
}

/** A stale save's 409 carries the calendar as it now is, so the editor can offer to load it. */
export function conflictingCalendar(error: unknown): BusinessCalendar | null {
  if (!isApiError(error) || error.code !== 'CALENDAR_VERSION_CONFLICT') return null;
  const current = (error.problem as { current?: BusinessCalendar } | null)?.current;
  return current ?? null;
}

export function previewDue(input: PreviewDueInput): Promise<PreviewDueResult> {
  return apiRequest<PreviewDueResult>('/api/calendars/preview', { method: 'POST', body: input });
}
