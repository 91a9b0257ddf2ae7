/** TanStack Query keys of the users module; invalidate by prefix (`usersKeys.all`). */
export const usersKeys = {
  all: ['users'] as const,
  lists: () => [...usersKeys.all, 'list'] as const,
  list: (params: { limit: number }) => [...usersKeys.lists(), params] as const,
};
