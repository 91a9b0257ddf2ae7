import { hashKey, type QueryClient } from '@tanstack/react-query';
import { identityKeys } from '../api/identity-keys.ts';
import type { Me } from '../api/identity-types.ts';

/**
 * Starts a new session in the cache (someone signed in, or null: signed out). Everything cached
 * for the previous person is dropped; the session entry itself is updated in place rather than
 * removed, so that components watching it see the change.
 */
export function resetSession(queryClient: QueryClient, me: Me | null): void {
  const session = identityKeys.me();
  queryClient.setQueryData(session, me);
  queryClient.removeQueries({ predicate: (query) => query.queryHash !== hashKey(session) });
}
