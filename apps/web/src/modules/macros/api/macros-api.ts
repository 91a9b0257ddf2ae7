import { apiRequest } from '../../../app/http/api-client.ts';
import type { Macro, MacroApplied, MacroPreview } from './macros-types.ts';

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
