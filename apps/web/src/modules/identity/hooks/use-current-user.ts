import { useContext } from 'react';
import type { Me } from '../api/identity-types.ts';
import { CurrentUserContext } from './current-user-context.ts';

/**
 * The signed-in person, for screens behind `RequireAuth`. Read from context rather than the
 * query, so that on sign-out the guard unmounts these screens before they could see "nobody".
 */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser used outside RequireAuth');
  return me;
}
