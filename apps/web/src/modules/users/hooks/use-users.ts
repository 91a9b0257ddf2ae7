import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchUsers } from '../api/users-api.ts';
import { usersKeys } from '../api/users-keys.ts';

export const usersPageSize = 50;

/** Users page by page, following the server's opaque cursor. */
export function useUsers() {
  return useInfiniteQuery({
    queryKey: usersKeys.list({ limit: usersPageSize }),
    queryFn: ({ pageParam, signal }) => fetchUsers({ limit: usersPageSize, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}
