import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addLink,
  conflictingCase,
  escalateCase,
  fetchAssignees,
  fetchAttachments,
  fetchEscalations,
  fetchLinks,
  mergeCase,
  removeLink,
  splitCase,
  uploadAttachment,
} from '../api/cases-api.ts';
import { casesKeys } from '../api/cases-keys.ts';
import type { CaseLinkKind, EscalationInput } from '../api/cases-types.ts';
import { useRefreshCase } from './use-cases.ts';

// The case page's work beyond field changes: attachments, links, merge and split, escalations and
// whom to assign. `address` is how the page names the case (id or reference).

export function useCaseAttachments(address: string) {
  return useQuery({
    queryKey: casesKeys.attachments(address),
    queryFn: ({ signal }) => fetchAttachments(address, signal),
  });
}

/** Each upload is a timeline event: the whole case is read again. */
export function useUploadAttachment(address: string) {
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: ({ file, messageId }: { file: File; messageId?: string }) =>
      uploadAttachment(address, file, messageId),
    onSuccess: () => refresh(address),
  });
}

export function useCaseLinks(address: string) {
  return useQuery({
    queryKey: casesKeys.links(address),
    queryFn: ({ signal }) => fetchLinks(address, signal),
  });
}

/**
 * A link, a merge or a split changes two cases (both record it, a merge moves messages): every case
 * held on screen or in the cache is read again, and the queues.
 */
function useRefreshRelatedCases() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: casesKeys.details() }),
      queryClient.invalidateQueries({ queryKey: casesKeys.lists() }),
    ]);
}

export function useAddLink(address: string) {
  const refresh = useRefreshRelatedCases();
  return useMutation({
    mutationFn: (input: { kind: CaseLinkKind; caseNumber: string }) => addLink(address, input),
    onSuccess: () => refresh(),
  });
}

export function useRemoveLink(address: string) {
  const refresh = useRefreshRelatedCases();
  return useMutation({
    mutationFn: (linkId: string) => removeLink(address, linkId),
    onSuccess: () => refresh(),
  });
}

/** A stale version (409) brings in the case as it now is, as for any change of the case. */
export function useMergeCase(address: string) {
  const refreshCase = useRefreshCase();
  const refresh = useRefreshRelatedCases();
  return useMutation({
    mutationFn: ({ version, into }: { version: number; into: string }) => mergeCase(address, version, into),
    onSuccess: async ({ merged }) => {
      await refreshCase(address, merged);
      await refresh();
    },
    onError: (error) => {
      const current = conflictingCase(error);
      return current ? refreshCase(address, current) : undefined;
    },
  });
}

export function useSplitCase(address: string) {
  const refresh = useRefreshRelatedCases();
  return useMutation({
    mutationFn: (input: { messageIds: string[]; subject: string }) => splitCase(address, input),
    onSuccess: () => refresh(),
  });
}

/** Staff only: escalations name teams, vendors and managers. */
export function useCaseEscalations(address: string, enabled: boolean) {
  return useQuery({
    queryKey: casesKeys.escalations(address),
    queryFn: ({ signal }) => fetchEscalations(address, signal),
    enabled,
  });
}

export function useEscalateCase(address: string) {
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: EscalationInput }) =>
      escalateCase(address, version, input),
    onSuccess: (escalated) => refresh(address, escalated.case),
    onError: (error) => {
      const current = conflictingCase(error);
      return current ? refresh(address, current) : undefined;
    },
  });
}

/** Who may own the case (its team's staff and me); `address` null: no case yet, nothing to ask. */
export function useCaseAssignees(address: string | null) {
  return useQuery({
    queryKey: casesKeys.assignees(address ?? ''),
    queryFn: ({ signal }) => fetchAssignees(address ?? '', signal),
    enabled: address !== null,
  });
}
