import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyBulkChanges } from '../api/cases-api.ts';
import { casesKeys } from '../api/cases-keys.ts';
import type { BulkChanges } from '../api/cases-types.ts';

/** After a bulk change the queues and any case read before are stale, whatever each case's outcome. */
export function useBulkChanges() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseIds, changes }: { caseIds: string[]; changes: BulkChanges }) =>
      applyBulkChanges(caseIds, changes),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: casesKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: casesKeys.details() }),
      ]),
  });
}
