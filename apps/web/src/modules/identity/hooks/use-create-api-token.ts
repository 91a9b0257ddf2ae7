import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createApiToken } from '../api/identity-api.ts';
import { identityKeys } from '../api/identity-keys.ts';

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.tokens() }),
  });
}
