import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  amendContract,
  createContract,
  decideChangeRequest,
  deleteDocument,
  fetchChangeRequests,
  fetchContract,
  fetchContracts,
  fetchDiff,
  fetchDocuments,
  fetchServiceCatalogue,
  fetchVersions,
  raiseChangeRequest,
  renewContract,
  replaceDraft,
  transitionContract,
  uploadDocument,
  withdrawChangeRequest,
} from '../api/contracts-api.ts';
import { contractsKeys } from '../api/contracts-keys.ts';
import type {
  AmendInput,
  Contract,
  ContractFilter,
  CreateContractInput,
  RenewInput,
  ReplaceDraftInput,
  TransitionInput,
} from '../api/contracts-types.ts';

export const contractsPageSize = 50;

/** Contracts newest first, page by page, following the server's opaque cursor. */
export function useContracts(filter: ContractFilter) {
  return useInfiniteQuery({
    queryKey: contractsKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      fetchContracts({ ...filter, limit: contractsPageSize, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useContract(id: string) {
  return useQuery({ queryKey: contractsKeys.detail(id), queryFn: ({ signal }) => fetchContract(id, signal) });
}

export function useContractVersions(id: string) {
  return useQuery({
    queryKey: contractsKeys.versions(id),
    queryFn: ({ signal }) => fetchVersions(id, signal),
  });
}

export function useContractDiff(id: string, version: number | null) {
  return useQuery({
    queryKey: contractsKeys.diff(id, version ?? 0),
    queryFn: ({ signal }) => fetchDiff(id, version ?? 0, signal),
    enabled: version !== null && version > 1,
  });
}

export function useServiceCatalogue() {
  return useQuery({
    queryKey: contractsKeys.services(),
    queryFn: ({ signal }) => fetchServiceCatalogue(signal),
    staleTime: 5 * 60_000,
  });
}

/** A written contract replaces the cached one at once; its lists and versions are read again. */
function useStoreContract() {
  const queryClient = useQueryClient();
  return (contract: Contract) => {
    queryClient.setQueryData(contractsKeys.detail(contract.id), contract);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: contractsKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: contractsKeys.parts(contract.id) }),
    ]);
  };
}

export function useCreateContract(accountId: string) {
  const store = useStoreContract();
  return useMutation({
    mutationFn: (input: CreateContractInput) => createContract(accountId, input),
    onSuccess: store,
  });
}

export function useReplaceDraft(id: string) {
  const store = useStoreContract();
  return useMutation({
    mutationFn: ({ revision, input }: { revision: number; input: ReplaceDraftInput }) =>
      replaceDraft(id, revision, input),
    onSuccess: store,
  });
}

export function useTransitionContract(id: string) {
  const store = useStoreContract();
  return useMutation({
    mutationFn: ({ revision, input }: { revision: number; input: TransitionInput }) =>
      transitionContract(id, revision, input),
    onSuccess: store,
  });
}

/** An amendment or a renewal: a new version of an active contract. */
export function useChangeTerms(id: string) {
  const store = useStoreContract();
  return useMutation({
    mutationFn: (
      change:
        | { kind: 'amend'; revision: number; input: AmendInput }
        | { kind: 'renew'; revision: number; input: RenewInput },
    ) =>
      change.kind === 'amend'
        ? amendContract(id, change.revision, change.input)
        : renewContract(id, change.revision, change.input),
    onSuccess: store,
  });
}

export function useContractDocuments(id: string) {
  return useQuery({
    queryKey: contractsKeys.documents(id),
    queryFn: ({ signal }) => fetchDocuments(id, signal),
  });
}

export function useUploadDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadDocument(id, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractsKeys.documents(id) }),
  });
}

export function useDeleteDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => deleteDocument(id, documentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractsKeys.documents(id) }),
  });
}

export function useChangeRequests(id: string) {
  return useQuery({
    queryKey: contractsKeys.changeRequests(id),
    queryFn: ({ signal }) => fetchChangeRequests(id, signal),
  });
}

/** Each change to a change request rereads the contract's list of them. */
function useRefreshChangeRequests(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: contractsKeys.changeRequests(id) });
}

export function useRaiseChangeRequest(id: string) {
  const refresh = useRefreshChangeRequests(id);
  return useMutation({
    mutationFn: (input: { title: string; description: string }) => raiseChangeRequest(id, input),
    onSuccess: refresh,
  });
}

export function useDecideChangeRequest(id: string) {
  const refresh = useRefreshChangeRequests(id);
  return useMutation({
    mutationFn: ({
      changeRequestId,
      ...input
    }: {
      changeRequestId: string;
      decision: 'approve' | 'reject';
      note: string;
    }) => decideChangeRequest(id, changeRequestId, input),
    onSuccess: refresh,
  });
}

export function useWithdrawChangeRequest(id: string) {
  const refresh = useRefreshChangeRequests(id);
  return useMutation({
    mutationFn: (changeRequestId: string) => withdrawChangeRequest(id, changeRequestId),
    onSuccess: refresh,
  });
}
