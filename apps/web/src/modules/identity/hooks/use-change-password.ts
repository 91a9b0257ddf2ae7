import { useMutation } from '@tanstack/react-query';
import { changePassword } from '../api/identity-api.ts';

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
