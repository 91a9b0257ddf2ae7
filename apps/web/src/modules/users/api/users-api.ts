import { apiRequest } from '../../../app/http/api-client.ts';
import type { UserPage } from './users-types.ts';

export function fetchUsers(
  params: { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<UserPage> {
  return apiRequest<UserPage>('/api/users', {
    query: { limit: params.limit, cursor: params.cursor },
    ...(signal ? { signal } : {}),
  });
}
