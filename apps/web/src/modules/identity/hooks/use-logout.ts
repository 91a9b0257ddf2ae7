import { useMutation, useQueryClient } from '@tanstack/react-query';
import { logout } from '../api/identity-api.ts';
import { identityKeys } from '../api/identity-keys.ts';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out locally even if the call failed: the person asked to leave.
    onSettled: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(identityKeys.me(), null);
    },
  });
}
