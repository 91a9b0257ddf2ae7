import { apiRequest } from '../../../app/http/api-client.ts';
import { isApiError } from '../../../app/http/api-error.ts';
import type {
  BulkChanges,
  BulkResult,
  Case,
  CaseAssignees,
  CaseAttachment,
  CaseEvent,
  CaseFilter,
  CaseLink,
  CaseLinkKind,
  CaseMerged,
  CaseMessage,
  CaseSearchHit,
  CaseSla,
  CreateCaseInput,
  Escalation,
  EscalationInput,
  Page,
  QueueCounts,
  SavedView,
  SavedViewInput,
  SlaClock,
  Team,
  UpdateCaseInput,
} from './cases-types.ts';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const base = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** The queue, soonest due first; the API repeats `status` for each status asked for. */
/** The counts of a queue view (`mine`, `team`, `all`), optionally of one account. */
export function fetchQueueCounts(
  view: string,
  accountId: string | null,
  signal?: AbortSignal,
): Promise<QueueCounts> {
  const query = new URLSearchParams({ view });
  if (accountId) query.set('accountId', accountId);
  return apiRequest<QueueCounts>(`/api/cases/counts?${query.toString()}`, withSignal(signal));
}

export function fetchCases(
  params: CaseFilter & { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<Page<Case>> {
  const { status, ...rest } = params;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(rest))
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  for (const value of status ?? []) query.append('status', value);
  const search = query.toString();
  return apiRequest<Page<Case>>(search ? `/api/cases?${search}` : '/api/cases', withSignal(signal));
}

/** By id or by reference (PD-100001). */
export function fetchCase(id: string, signal?: AbortSignal): Promise<Case> {
  return apiRequest<Case>(base(id), withSignal(signal));
}

export function createCase(input: CreateCaseInput): Promise<Case> {
  return apiRequest<Case>('/api/cases', { method: 'POST', body: input });
}

/** Applies the change if `version` is still the case's; otherwise 409 CASE_VERSION_CONFLICT. */
export function updateCase(id: string, version: number, input: UpdateCaseInput): Promise<Case> {
  return apiRequest<Case>(base(id), {
    method: 'PATCH',
    body: input,
    headers: { 'if-match': `"${version}"` },
  });
}

/** The case as it now is, when a write named a stale version. */
export function conflictingCase(error: unknown): Case | null {
  if (!isApiError(error) || error.code !== 'CASE_VERSION_CONFLICT') return null;
  return (error.problem as { current?: Case } | null)?.current ?? null;
}

export async function fetchMessages(id: string, signal?: AbortSignal): Promise<CaseMessage[]> {
  return (await apiRequest<{ items: CaseMessage[] }>(`${base(id)}/messages`, withSignal(signal))).items;
}

export function postMessage(
  id: string,
  input: { visibility: 'public' | 'internal'; body: string },
): Promise<CaseMessage> {
  return apiRequest<CaseMessage>(`${base(id)}/messages`, { method: 'POST', body: input });
}

export async function fetchTimeline(id: string, signal?: AbortSignal): Promise<CaseEvent[]> {
  return (await apiRequest<{ items: CaseEvent[] }>(`${base(id)}/timeline`, withSignal(signal))).items;
}

export async function setWatching(
  id: string,
  input: { userId: string; watching: boolean },
): Promise<Array<{ id: string; displayName: string }>> {
  return (
    await apiRequest<{ items: Array<{ id: string; displayName: string }> }>(`${base(id)}/watchers`, {
      method: 'POST',
      body: input,
    })
  ).items;
}

/**
 * The case's SLA clocks (customers: their contract's). A server without the SLA engine answers 404
 * ROUTE_NOT_FOUND: that is a case with no clocks, not an error.
 */
export async function fetchSla(id: string, signal?: AbortSignal): Promise<SlaClock[]> {
  try {
    return (await apiRequest<CaseSla>(`${base(id)}/sla`, withSignal(signal))).clocks;
  } catch (error) {
    if (isApiError(error) && error.code === 'ROUTE_NOT_FOUND') return [];
    throw error;
  }
}

export async function fetchTeams(signal?: AbortSignal): Promise<Team[]> {
  return (await apiRequest<{ items: Team[] }>('/api/teams', withSignal(signal))).items;
}

/** The account's contacts, for picking who raised the case. */
export async function fetchContacts(
  accountId: string,
  signal?: AbortSignal,
): Promise<Array<{ id: string; name: string; email: string }>> {
  return (
    await apiRequest<Page<{ id: string; name: string; email: string }>>(
      `/api/accounts/${encodeURIComponent(accountId)}/contacts`,
      { query: { limit: 200 }, ...withSignal(signal) },
    )
  ).items;
}

/** Best match first; identifiers (number, reference, e-mail) rank above words. */
export async function searchCases(q: string, signal?: AbortSignal): Promise<CaseSearchHit[]> {
  return (
    await apiRequest<{ items: CaseSearchHit[] }>('/api/cases/search', {
      query: { q, limit: 30 },
      ...withSignal(signal),
    })
  ).items;
}

/** The caller's saved views and their teams', in the caller's order. */
export async function fetchSavedViews(signal?: AbortSignal): Promise<SavedView[]> {
  return (await apiRequest<{ items: SavedView[] }>('/api/views', withSignal(signal))).items;
}

/** A name already taken is 409 VIEW_ALREADY_EXISTS. */
export function createSavedView(input: SavedViewInput): Promise<SavedView> {
  return apiRequest<SavedView>('/api/views', { method: 'POST', body: input });
}

export function updateSavedView(id: string, input: Partial<SavedViewInput>): Promise<SavedView> {
  return apiRequest<SavedView>(`/api/views/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
}

export function deleteSavedView(id: string): Promise<void> {
  return apiRequest<void>(`/api/views/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The caller's own order; views not named follow by name. */
export async function orderSavedViews(viewIds: string[]): Promise<SavedView[]> {
  return (await apiRequest<{ items: SavedView[] }>('/api/views/order', { method: 'PUT', body: { viewIds } }))
    .items;
}

/** Each case changed on its own; the answer says per case whether it was and, if not, why. */
export function applyBulkChanges(caseIds: string[], changes: BulkChanges): Promise<BulkResult> {
  return apiRequest<BulkResult>('/api/cases/bulk', { method: 'POST', body: { caseIds, changes } });
}

export async function fetchAttachments(id: string, signal?: AbortSignal): Promise<CaseAttachment[]> {
  return (await apiRequest<{ items: CaseAttachment[] }>(`${base(id)}/attachments`, withSignal(signal))).items;
}

/**
 * The file goes as the body with its own type; the server checks the bytes match it (415
 * DOCUMENT_TYPE_UNSUPPORTED) and refuses one over its size limit (413 BODY_TOO_LARGE).
 */
export function uploadAttachment(id: string, file: File, messageId?: string): Promise<CaseAttachment> {
  return apiRequest<CaseAttachment>(`${base(id)}/attachments`, {
    method: 'POST',
    query: { fileName: file.name, messageId },
    file,
    headers: { 'content-type': file.type || 'application/octet-stream' },
  });
}

export function attachmentContentUrl(id: string, attachmentId: string): string {
  return `${base(id)}/attachments/${encodeURIComponent(attachmentId)}/content`;
}

export async function fetchLinks(id: string, signal?: AbortSignal): Promise<CaseLink[]> {
  return (await apiRequest<{ items: CaseLink[] }>(`${base(id)}/links`, withSignal(signal))).items;
}

/** The other case by its reference (PD-100001), as people quote it. */
export function addLink(id: string, input: { kind: CaseLinkKind; caseNumber: string }): Promise<CaseLink> {
  return apiRequest<CaseLink>(`${base(id)}/links`, { method: 'POST', body: input });
}

export function removeLink(id: string, linkId: string): Promise<void> {
  return apiRequest<void>(`${base(id)}/links/${encodeURIComponent(linkId)}`, { method: 'DELETE' });
}

/** Merges this case (at `version`) into `into`: its messages move there and it closes. */
export function mergeCase(id: string, version: number, into: string): Promise<CaseMerged> {
  return apiRequest<CaseMerged>(`${base(id)}/merge`, {
    method: 'POST',
    body: { into },
    headers: { 'if-match': `"${version}"` },
  });
}

/** Moves the chosen messages to a new child case; answers the new case. */
export function splitCase(id: string, input: { messageIds: string[]; subject: string }): Promise<Case> {
  return apiRequest<Case>(`${base(id)}/split`, { method: 'POST', body: input });
}

export async function fetchEscalations(id: string, signal?: AbortSignal): Promise<Escalation[]> {
  return (await apiRequest<{ items: Escalation[] }>(`${base(id)}/escalations`, withSignal(signal))).items;
}

export function escalateCase(
  id: string,
  version: number,
  input: EscalationInput,
): Promise<{ case: Case; escalation: Escalation }> {
  return apiRequest<{ case: Case; escalation: Escalation }>(`${base(id)}/escalations`, {
    method: 'POST',
    body: input,
    headers: { 'if-match': `"${version}"` },
  });
}

export function fetchAssignees(id: string, signal?: AbortSignal): Promise<CaseAssignees> {
  return apiRequest<CaseAssignees>(`${base(id)}/assignees`, withSignal(signal));
}
