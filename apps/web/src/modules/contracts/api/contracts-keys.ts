import type { ContractFilter } from './contracts-types.ts';

/** TanStack Query keys of the contracts module; invalidate by prefix (`contractsKeys.all`). */
export const contractsKeys = {
  all: ['contracts'] as const,
  lists: () => [...contractsKeys.all, 'list'] as const,
  list: (filter: ContractFilter) => [...contractsKeys.lists(), filter] as const,
  detail: (id: string) => [...contractsKeys.all, 'detail', id] as const,
  /** Everything hanging off one contract: versions, diffs, documents, change requests. */
  parts: (id: string) => [...contractsKeys.all, 'parts', id] as const,
  versions: (id: string) => [...contractsKeys.parts(id), 'versions'] as const,
  diff: (id: string, version: number) => [...contractsKeys.parts(id), 'diff', version] as const,
  documents: (id: string) => [...contractsKeys.parts(id), 'documents'] as const,
  changeRequests: (id: string) => [...contractsKeys.parts(id), 'change-requests'] as const,
  services: () => [...contractsKeys.all, 'services'] as const,
};
