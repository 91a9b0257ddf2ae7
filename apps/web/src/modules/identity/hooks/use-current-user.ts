import type { Me } from '../api/identity-types.ts';
import { useMe } from './use-me.ts';

/** The signed-in person, for screens behind `RequireAuth` (which waits until it is known). */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser used outside an authenticated route');
  return data;
}
