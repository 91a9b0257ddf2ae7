/** TanStack Query keys of the macros module; invalidate by prefix (`macrosKeys.all`). */
export const macrosKeys = {
  all: ['macros'] as const,
  list: (search: string) => [...macrosKeys.all, 'list', search] as const,
  preview: (caseId: string, macroId: string, caseVersion: number) =>
    [...macrosKeys.all, 'preview', caseId, macroId, caseVersion] as const,
};
