import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { fetchCalendar, fetchCalendars, previewDue } from '../api/calendars-api.ts';
import { calendarsKeys } from '../api/calendars-keys.ts';
import type { PreviewDueInput } from '../api/calendars-types.ts';

export const calendarsPageSize = 50;

/** Business calendars by name, page by page, following the server's opaque cursor. */
export function useCalendars() {
  return useInfiniteQuery({
    queryKey: calendarsKeys.lists(),
    queryFn: ({ pageParam, signal }) =>
      fetchCalendars({ limit: calendarsPageSize, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useCalendar(id: string) {
  return useQuery({
    queryKey: calendarsKeys.detail(id),
    queryFn: ({ signal }) => fetchCalendar(id, signal),
  });
}

/** "If opened at `from` (default now), when is `target` of business time due?" Reads only. */
export function usePreviewDue() {
  return useMutation({ mutationFn: (input: PreviewDueInput) => previewDue(input) });
}
