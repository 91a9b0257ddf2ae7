import type { AgreementFilter } from './agreements-types.ts';

/** TanStack Query keys of the agreements module; invalidate by prefix (`agreementsKeys.all`). */
export const agreementsKeys = {
  all: ['agreements'] as const,
  lists: () => [...agreementsKeys.all, 'list'] as const,
  list: (filter: AgreementFilter) => [...agreementsKeys.lists(), filter] as const,
  detail: (id: string) => [...agreementsKeys.all, 'detail', id] as const,
  vendors: () => [...agreementsKeys.all, 'vendors'] as const,
  /** Teams and the service catalogue belong to other modules; read here only to choose from. */
  teams: () => [...agreementsKeys.all, 'teams'] as const,
  services: () => [...agreementsKeys.all, 'services'] as const,
};
