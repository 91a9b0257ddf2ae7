import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createSavedView,
  deleteSavedView,
  fetchSavedViews,
  orderSavedViews,
  updateSavedView,
} from '../api/cases-api.ts';
import { casesKeys } from '../api/cases-keys.ts';
import type { SavedView, SavedViewInput } from '../api/cases-types.ts';

/** Staff only: a customer has no saved views (403). */
export function useSavedViews() {
  return useQuery({ queryKey: casesKeys.savedViews(), queryFn: ({ signal }) => fetchSavedViews(signal) });
}

/** Every change is read back as the list, in the caller's order: a rename can move a view among those not placed. */
function useRefreshViews() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: casesKeys.savedViews() });
}

export function useCreateSavedView() {
  const refresh = useRefreshViews();
  return useMutation({
    mutationFn: (input: SavedViewInput) => createSavedView(input),
    onSuccess: () => refresh(),
  });
}

export function useUpdateSavedView() {
  const refresh = useRefreshViews();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<SavedViewInput> }) => updateSavedView(id, input),
    onSuccess: () => refresh(),
  });
}

export function useDeleteSavedView() {
  const refresh = useRefreshViews();
  return useMutation({
    mutationFn: (id: string) => deleteSavedView(id),
    onSuccess: () => refresh(),
  });
}

/** The new order shows at once; the server's answer (or, on failure, a reload) settles it. */
export function useOrderSavedViews() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (views: SavedView[]) => orderSavedViews(views.map((view) => view.id)),
    onMutate: (views) => queryClient.setQueryData(casesKeys.savedViews(), views),
    onSuccess: (views) => queryClient.setQueryData(casesKeys.savedViews(), views),
    onError: () => queryClient.invalidateQueries({ queryKey: casesKeys.savedViews() }),
  });
}
