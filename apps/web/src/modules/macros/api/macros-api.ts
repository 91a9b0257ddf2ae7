import { apiRequest } from '../../../app/http/api-client.ts';
import type {
  FieldActions,
  Language,
  Macro,
  MacroApplied,
  MacroPreview,
  MacroSharing,
  MessageVisibility,
} from './macros-types.ts';

const onCase = (caseId: string, macroId: string) =>
  `/api/cases/${encodeURIComponent(caseId)}/macros/${encodeURIComponent(macroId)}`;

export function fetchMacros(search: string, signal?: AbortSignal): Promise<{ items: Macro[] }> {
  return apiRequest<{ items: Macro[] }>('/api/macros', {
    query: { q: search.trim() || undefined },
    ...(signal ? { signal } : {}),
  });
}

/** Reads only: the server renders the reply on the case as it is now. */
export function previewMacro(caseId: string, macroId: string): Promise<MacroPreview> {
  return apiRequest<MacroPreview>(`${onCase(caseId, macroId)}/preview`, { method: 'POST' });
}

/** Posts the reply and applies the field actions if `caseVersion` is still current (else 409). */
export function applyMacro(caseId: string, macroId: string, caseVersion: number): Promise<MacroApplied> {
  return apiRequest<MacroApplied>(`${onCase(caseId, macroId)}/apply`, {
    method: 'POST',
    headers: { 'if-match': `"${caseVersion}"` },
  });
}

/** What the macro form sends: everything on create; on update, the fields it changes. */
export interface MacroInput {
  name: string;
  sharing: MacroSharing;
  teamId?: string | null;
  bodies: Partial<Record<Language, string>>;
  visibility: MessageVisibility;
  actions: FieldActions;
}

export function createMacro(input: MacroInput): Promise<Macro> {
  return apiRequest<Macro>('/api/macros', { method: 'POST', body: input });
}

export function updateMacro(id: string, input: MacroInput): Promise<Macro> {
  return apiRequest<Macro>(`/api/macros/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
}

export function deleteMacro(id: string): Promise<void> {
  return apiRequest<void>(`/api/macros/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
