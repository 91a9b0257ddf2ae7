import type { CaseFilter } from './cases-types.ts';

/** TanStack Query keys of the cases module; invalidate by prefix (`casesKeys.all`). */
export const casesKeys = {
  all: ['cases'] as const,
  lists: () => [...casesKeys.all, 'list'] as const,
  list: (filter: CaseFilter) => [...casesKeys.lists(), filter] as const,
  details: () => [...casesKeys.all, 'detail'] as const,
  detail: (id: string) => [...casesKeys.details(), id] as const,
  messages: (id: string) => [...casesKeys.detail(id), 'messages'] as const,
  timeline: (id: string) => [...casesKeys.detail(id), 'timeline'] as const,
  sla: (id: string) => [...casesKeys.detail(id), 'sla'] as const,
  attachments: (id: string) => [...casesKeys.detail(id), 'attachments'] as const,
  links: (id: string) => [...casesKeys.detail(id), 'links'] as const,
  escalations: (id: string) => [...casesKeys.detail(id), 'escalations'] as const,
  assignees: (id: string) => [...casesKeys.detail(id), 'assignees'] as const,
  teams: () => [...casesKeys.all, 'teams'] as const,
  contacts: (accountId: string) => [...casesKeys.all, 'contacts', accountId] as const,
  search: (q: string) => [...casesKeys.all, 'search', q] as const,
  savedViews: () => [...casesKeys.all, 'saved-views'] as const,
  counts: (view: string, accountId: string | null) => [...casesKeys.all, 'counts', view, accountId] as const,
};
