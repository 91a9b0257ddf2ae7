import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { casesKeys } from '../../cases/index.ts';
import {
  applyMacro,
  createMacro,
  deleteMacro,
  fetchMacros,
  previewMacro,
  updateMacro,
  type MacroInput,
} from '../api/macros-api.ts';
import { macrosKeys } from '../api/macros-keys.ts';

/** The macros the signed-in agent may use (their own, their teams', everyone's), by name. */
export function useMacros(search: string) {
  return useQuery({
    queryKey: macrosKeys.list(search.trim()),
    queryFn: ({ signal }) => fetchMacros(search, signal),
    placeholderData: (previous) => previous,
  });
}

/** Previewed again whenever the case moves to a new version, so the text matches what apply posts. */
export function useMacroPreview(caseId: string, macroId: string | null, caseVersion: number) {
  return useQuery({
    queryKey: macrosKeys.preview(caseId, macroId ?? '', caseVersion),
    queryFn: () => previewMacro(caseId, macroId!),
    enabled: macroId !== null,
  });
}

/** Applying changes the case, its conversation and timeline: everything cached about cases reloads. */
export function useApplyMacro(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { macroId: string; caseVersion: number }) =>
      applyMacro(caseId, input.macroId, input.caseVersion),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKeys.all }),
  });
}

/** Creating, changing or deleting a macro: every macro list (and preview) reloads. */
export function useSaveMacro(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MacroInput) => (id === null ? createMacro(input) : updateMacro(id, input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: macrosKeys.all }),
  });
}

export function useDeleteMacro() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteMacro(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: macrosKeys.all }),
  });
}
