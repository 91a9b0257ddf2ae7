import type { AccountFilter } from './accounts-types.ts';

/** TanStack Query keys of the accounts module; invalidate by prefix (`accountsKeys.all`). */
export const accountsKeys = {
  all: ['accounts'] as const,
  lists: () => [...accountsKeys.all, 'list'] as const,
  list: (filter: AccountFilter) => [...accountsKeys.lists(), filter] as const,
  details: () => [...accountsKeys.all, 'detail'] as const,
  detail: (id: string) => [...accountsKeys.details(), id] as const,
  contacts: (id: string) => [...accountsKeys.detail(id), 'contacts'] as const,
  subscriptions: (id: string) => [...accountsKeys.detail(id), 'subscriptions'] as const,
  notes: (id: string) => [...accountsKeys.detail(id), 'notes'] as const,
  opportunities: (id: string) => [...accountsKeys.detail(id), 'opportunities'] as const,
  services: () => [...accountsKeys.all, 'services'] as const,
};
