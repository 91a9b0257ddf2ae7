import { useMutation, useQueryClient } from '@tanstack/react-query';
import { logout } from '../api/identity-api.ts';
import { resetSession } from './reset-session.ts';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out locally even if the call failed: the person asked to leave.
    onSettled: () => resetSession(queryClient, null),
  });
}
