import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isCustomerRole, type ActionItemStatus, type Role } from '@paydesk/shared';
import {
  createActionItem,
  createDecision,
  fetchActionItems,
  fetchDecisions,
  fetchReviews,
  fetchTimeline,
  fetchUsers,
  saveReview,
  updateActionItem,
} from '../api/governance-api.ts';
import { governanceKeys } from '../api/governance-keys.ts';
import type { ActionItemInput, DecisionInput, ReviewInput } from '../api/governance-types.ts';

export function useTimeline(accountId: string) {
  return useQuery({
    queryKey: governanceKeys.timeline(accountId),
    queryFn: ({ signal }) => fetchTimeline(accountId, signal),
  });
}

export function useReviews(accountId: string) {
  return useQuery({
    queryKey: governanceKeys.reviews(accountId),
    queryFn: ({ signal }) => fetchReviews(accountId, signal),
  });
}

export function useDecisions(accountId: string) {
  return useQuery({
    queryKey: governanceKeys.decisions(accountId),
    queryFn: ({ signal }) => fetchDecisions(accountId, signal),
  });
}

export function useActionItems(accountId: string) {
  return useQuery({
    queryKey: governanceKeys.actionItems(accountId),
    queryFn: ({ signal }) => fetchActionItems(accountId, signal),
  });
}

/** Active staff, the people an action item may be given to. */
export function useStaffUsers(enabled: boolean) {
  return useQuery({
    queryKey: governanceKeys.staff(),
    queryFn: async ({ signal }) =>
      (await fetchUsers(signal)).items.filter((u) => u.isActive && !isCustomerRole(u.role as Role)),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Every write can change the timeline too: the account's governance is refetched as a whole. */
function useGovernanceMutation<I, O>(accountId: string, write: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.account(accountId) }),
  });
}

export function useSaveReview(accountId: string) {
  return useGovernanceMutation(
    accountId,
    ({ reviewId, input }: { reviewId: string | null; input: ReviewInput }) =>
      saveReview(accountId, reviewId, input),
  );
}

export function useCreateDecision(accountId: string) {
  return useGovernanceMutation(accountId, (input: DecisionInput) => createDecision(accountId, input));
}

export function useCreateActionItem(accountId: string) {
  return useGovernanceMutation(accountId, (input: ActionItemInput) => createActionItem(accountId, input));
}

export function useSetActionItemStatus(accountId: string) {
  return useGovernanceMutation(accountId, ({ id, status }: { id: string; status: ActionItemStatus }) =>
    updateActionItem(accountId, id, { status }),
  );
}
