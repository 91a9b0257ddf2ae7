import { apiRequest } from '../../../app/http/api-client.ts';
import type { BusinessCalendar, Page, PreviewDueInput, PreviewDueResult } from './calendars-types.ts';

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
  return apiRequest<BusinessCalendar>(`/api/calendars/${encodeURIComponent(id)}`, withSignal(signal));
}

export function previewDue(input: PreviewDueInput): Promise<PreviewDueResult> {
  return apiRequest<PreviewDueResult>('/api/calendars/preview', { method: 'POST', body: input });
}
