import { useQuery } from '@tanstack/react-query';
import { fetchApiTokens } from '../api/identity-api.ts';
import { identityKeys } from '../api/identity-keys.ts';

export function useApiTokens() {
  return useQuery({
    queryKey: identityKeys.tokens(),
    queryFn: ({ signal }) => fetchApiTokens(signal),
  });
}
