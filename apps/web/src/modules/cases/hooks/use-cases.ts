import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  conflictingCase,
  createCase,
  fetchCase,
  fetchCases,
  fetchContacts,
  fetchMessages,
  fetchQueueCounts,
  fetchSla,
  fetchTeams,
  fetchTimeline,
  postMessage,
  setWatching,
  updateCase,
} from '../api/cases-api.ts';
import { casesKeys } from '../api/cases-keys.ts';
import type { Case, CaseFilter, CreateCaseInput, UpdateCaseInput } from '../api/cases-types.ts';

export const casesPageSize = 25;

/** The queue matching the filter, page by page, following the server's opaque cursor. */
export function useCases(filter: CaseFilter) {
  return useInfiniteQuery({
    queryKey: casesKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      fetchCases({ ...filter, limit: casesPageSize, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: (previous) => previous,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: casesKeys.detail(id), queryFn: ({ signal }) => fetchCase(id, signal) });
}

export function useCaseMessages(id: string) {
  return useQuery({ queryKey: casesKeys.messages(id), queryFn: ({ signal }) => fetchMessages(id, signal) });
}

export function useCaseTimeline(id: string) {
  return useQuery({ queryKey: casesKeys.timeline(id), queryFn: ({ signal }) => fetchTimeline(id, signal) });
}

/** Read again every half minute: clocks breach, and other people's work stops or pauses them. */
export function useCaseSla(id: string) {
  return useQuery({
    queryKey: casesKeys.sla(id),
    queryFn: ({ signal }) => fetchSla(id, signal),
    refetchInterval: 30_000,
  });
}

/**
 * A staff view's open, at-risk and breached counts, for the queue's toggles; read again every half
 * minute, as time alone puts cases at risk and past due.
 */
export function useQueueCounts(view: string, accountId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: casesKeys.counts(view, accountId),
    queryFn: ({ signal }) => fetchQueueCounts(view, accountId, signal),
    enabled,
    refetchInterval: 30_000,
    placeholderData: (previous) => previous,
  });
}

export function useTeams(enabled: boolean) {
  return useQuery({
    queryKey: casesKeys.teams(),
    queryFn: ({ signal }) => fetchTeams(signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useAccountContacts(accountId: string | null) {
  return useQuery({
    queryKey: casesKeys.contacts(accountId ?? ''),
    queryFn: ({ signal }) => fetchContacts(accountId ?? '', signal),
    enabled: accountId !== null,
  });
}

/**
 * Everything shown about one case is read again after a write: the case (under its id and under the
 * address it was opened by), its conversation, timeline and clocks, and the queues.
 */
export function useRefreshCase() {
  const queryClient = useQueryClient();
  return (address: string, updated?: Case) => {
    if (updated) {
      queryClient.setQueryData(casesKeys.detail(address), updated);
      queryClient.setQueryData(casesKeys.detail(updated.id), updated);
    }
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: casesKeys.detail(address) }),
      queryClient.invalidateQueries({ queryKey: casesKeys.lists() }),
    ]);
  };
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCaseInput) => createCase(input),
    onSuccess: (created) => {
      queryClient.setQueryData(casesKeys.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: casesKeys.lists() });
    },
  });
}

/**
 * `address` is how the page names the case (id or reference); writes go with the version it holds.
 * A stale version (409) brings in the case as it now is, so the person sees what changed and can
 * apply their change again.
 */
export function useUpdateCase(address: string) {
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: UpdateCaseInput }) =>
      updateCase(address, version, input),
    onSuccess: (updated) => refresh(address, updated),
    onError: (error) => {
      const current = conflictingCase(error);
      return current ? refresh(address, current) : undefined;
    },
  });
}

export function usePostMessage(address: string) {
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: (input: { visibility: 'public' | 'internal'; body: string }) => postMessage(address, input),
    // A reply may move the status (a new case opens, a waiting one comes back) and stop clocks. The
    // reload is not awaited: the reply box empties at once, before the person types their next one.
    onSuccess: () => {
      void refresh(address);
    },
  });
}

export function useSetWatching(address: string) {
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: (input: { userId: string; watching: boolean }) => setWatching(address, input),
    onSuccess: () => refresh(address),
  });
}
