import { useMutation, useQueryClient } from '@tanstack/react-query';
import { revokeApiToken } from '../api/identity-api.ts';
import { identityKeys } from '../api/identity-keys.ts';

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.tokens() }),
  });
}
