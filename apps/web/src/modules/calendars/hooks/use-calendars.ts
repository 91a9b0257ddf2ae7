import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createCalendar,
  deleteCalendar,
  fetchCalendar,
  fetchCalendars,
  importHolidays,
  previewDue,
  replaceCalendar,
} from '../api/calendars-api.ts';
import { calendarsKeys } from '../api/calendars-keys.ts';
import type {
  BusinessCalendar,
  CalendarInput,
  ImportHolidaysInput,
  PreviewDueInput,
} from '../api/calendars-types.ts';

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

/** A saved calendar replaces the cached one at once, so the page shows the new version. */
function useStoreCalendar() {
  const queryClient = useQueryClient();
  return (calendar: BusinessCalendar) => {
    queryClient.setQueryData(calendarsKeys.detail(calendar.id), calendar);
    return queryClient.invalidateQueries({ queryKey: calendarsKeys.lists() });
  };
}

export function useCreateCalendar() {
  const store = useStoreCalendar();
  return useMutation({ mutationFn: (input: CalendarInput) => createCalendar(input), onSuccess: store });
}

export function useReplaceCalendar(id: string) {
  const store = useStoreCalendar();
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: CalendarInput }) =>
      replaceCalendar(id, version, input),
    onSuccess: store,
  });
}

export function useImportHolidays(id: string) {
  const store = useStoreCalendar();
  return useMutation({
    mutationFn: (input: ImportHolidaysInput) => importHolidays(id, input),
    onSuccess: (result) => store(result.calendar),
  });
}

export function useDeleteCalendar(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteCalendar(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: calendarsKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: calendarsKeys.lists() });
    },
  });
}
