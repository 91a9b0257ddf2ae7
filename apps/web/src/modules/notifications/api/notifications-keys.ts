/** TanStack Query keys of the notifications module. */
export const notificationsKeys = {
  all: ['notifications'] as const,
  recent: () => [...notificationsKeys.all, 'recent'] as const,
};
