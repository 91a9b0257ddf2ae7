import { useMutation, useQueryClient } from '@tanstack/react-query';
import { login } from '../api/identity-api.ts';
import { resetSession } from './reset-session.ts';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => login(email, password),
    onSuccess: (user) => resetSession(queryClient, user),
  });
}
