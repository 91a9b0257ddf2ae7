import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createAccount,
  createContact,
  createNote,
  createOpportunity,
  fetchAccount,
  fetchAccounts,
  fetchContacts,
  fetchNotes,
  fetchOpportunities,
  fetchServices,
  fetchSubscriptions,
  subscribe,
  unsubscribe,
  updateAccount,
  updateContact,
  updateOpportunity,
} from '../api/accounts-api.ts';
import { accountsKeys } from '../api/accounts-keys.ts';
import type {
  AccountFilter,
  ContactInput,
  CreateAccountInput,
  CreateOpportunityInput,
  UpdateAccountInput,
  UpdateOpportunityInput,
} from '../api/accounts-types.ts';

export const accountsPageSize = 25;

/** Accounts matching the filter, page by page, following the server's opaque cursor. */
export function useAccounts(filter: AccountFilter) {
  return useInfiniteQuery({
    queryKey: accountsKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      fetchAccounts({ ...filter, limit: accountsPageSize, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: (previous) => previous,
  });
}

/** One account; `id` null: none chosen, nothing to ask. */
export function useAccount(id: string | null) {
  return useQuery({
    queryKey: accountsKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchAccount(id ?? '', signal),
    enabled: id !== null,
  });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAccountInput) => createAccount(input),
    onSuccess: (account) => {
      queryClient.setQueryData(accountsKeys.detail(account.id), account);
      return queryClient.invalidateQueries({ queryKey: accountsKeys.lists() });
    },
  });
}

export function useUpdateAccount(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateAccountInput) => updateAccount(accountId, input),
    onSuccess: (account) => {
      queryClient.setQueryData(accountsKeys.detail(account.id), account);
      return queryClient.invalidateQueries({ queryKey: accountsKeys.lists() });
    },
  });
}

export function useContacts(accountId: string) {
  return useQuery({
    queryKey: accountsKeys.contacts(accountId),
    queryFn: ({ signal }) => fetchContacts(accountId, signal),
  });
}

export function useSaveContact(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, input }: { contactId: string | null; input: ContactInput }) =>
      contactId ? updateContact(accountId, contactId, input) : createContact(accountId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKeys.contacts(accountId) }),
  });
}

export function useServiceCatalogue(enabled: boolean) {
  return useQuery({
    queryKey: accountsKeys.services(),
    queryFn: ({ signal }) => fetchServices(signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useSubscriptions(accountId: string) {
  return useQuery({
    queryKey: accountsKeys.subscriptions(accountId),
    queryFn: ({ signal }) => fetchSubscriptions(accountId, signal),
  });
}

export function useSubscribe(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { serviceId: string; startedOn: string }) => subscribe(accountId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKeys.subscriptions(accountId) }),
  });
}

export function useUnsubscribe(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (serviceId: string) => unsubscribe(accountId, serviceId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKeys.subscriptions(accountId) }),
  });
}

export function useNotes(accountId: string) {
  return useQuery({
    queryKey: accountsKeys.notes(accountId),
    queryFn: ({ signal }) => fetchNotes(accountId, signal),
  });
}

export function useCreateNote(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => createNote(accountId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKeys.notes(accountId) }),
  });
}

export function useOpportunities(accountId: string) {
  return useQuery({
    queryKey: accountsKeys.opportunities(accountId),
    queryFn: ({ signal }) => fetchOpportunities(accountId, signal),
  });
}

export function useCreateOpportunity(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOpportunityInput) => createOpportunity(accountId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKeys.opportunities(accountId) }),
  });
}

export function useUpdateOpportunity(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ opportunityId, input }: { opportunityId: string; input: UpdateOpportunityInput }) =>
      updateOpportunity(accountId, opportunityId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKeys.opportunities(accountId) }),
  });
}
