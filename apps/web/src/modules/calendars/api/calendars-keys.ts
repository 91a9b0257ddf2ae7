/** TanStack Query keys of the calendars module; invalidate by prefix (`calendarsKeys.all`). */
export const calendarsKeys = {
  all: ['calendars'] as const,
  lists: () => [...calendarsKeys.all, 'list'] as const,
  details: () => [...calendarsKeys.all, 'detail'] as const,
  detail: (id: string) => [...calendarsKeys.details(), id] as const,
};
