import { apiRequest } from '../../../app/http/api-client.ts';
import { isApiError } from '../../../app/http/api-error.ts';
import type {
  Case,
  CaseEvent,
  CaseFilter,
  CaseMessage,
  CaseSla,
  CreateCaseInput,
  Page,
  SlaClock,
  Team,
  UpdateCaseInput,
} from './cases-types.ts';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const base = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** The queue, soonest due first; the API repeats `status` for each status asked for. */
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
