import { useMutation, useQueryClient } from '@tanstack/react-query';
import { login } from '../api/identity-api.ts';
import { identityKeys } from '../api/identity-keys.ts';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => login(email, password),
    onSuccess: (user) => {
      // Whatever an earlier session left in the cache is not this person's.
      queryClient.removeQueries();
      queryClient.setQueryData(identityKeys.me(), user);
    },
  });
}
