import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/identity-api.ts';
import { identityKeys } from '../api/identity-keys.ts';

/** The session: `data` is the signed-in person, null when signed out, undefined while loading. */
export function useMe() {
  return useQuery({
    queryKey: identityKeys.me(),
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });
}
