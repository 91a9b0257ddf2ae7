import { apiRequest } from '../../../app/http/api-client.ts';
import { isApiError } from '../../../app/http/api-error.ts';
import type {
  AmendInput,
  CatalogueService,
  ChangeRequest,
  Contract,
  ContractDocument,
  ContractFilter,
  ContractSummary,
  ContractVersionSummary,
  CreateContractInput,
  Page,
  RenewInput,
  ReplaceDraftInput,
  TermsDiff,
  TransitionInput,
} from './contracts-types.ts';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const base = (id: string) => `/api/contracts/${encodeURIComponent(id)}`;
const ifMatch = (revision: number) => ({ 'if-match': `"${revision}"` });

export function fetchContracts(
  params: ContractFilter & { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<Page<ContractSummary>> {
  return apiRequest<Page<ContractSummary>>('/api/contracts', { query: { ...params }, ...withSignal(signal) });
}

export function fetchContract(id: string, signal?: AbortSignal): Promise<Contract> {
  return apiRequest<Contract>(base(id), withSignal(signal));
}

export function createContract(accountId: string, input: CreateContractInput): Promise<Contract> {
  return apiRequest<Contract>(`/api/accounts/${encodeURIComponent(accountId)}/contracts`, {
    method: 'POST',
    body: input,
  });
}

/**
 * The writes to a contract name the revision they were made on; a stale one is answered 409 with
 * the contract as it now is (see `conflictingContract`).
 */
export function replaceDraft(id: string, revision: number, input: ReplaceDraftInput): Promise<Contract> {
  return apiRequest<Contract>(`${base(id)}/draft`, {
    method: 'PUT',
    body: input,
    headers: ifMatch(revision),
  });
}

export function transitionContract(id: string, revision: number, input: TransitionInput): Promise<Contract> {
  return apiRequest<Contract>(`${base(id)}/transitions`, {
    method: 'POST',
    body: input,
    headers: ifMatch(revision),
  });
}

export function amendContract(id: string, revision: number, input: AmendInput): Promise<Contract> {
  return apiRequest<Contract>(`${base(id)}/amendments`, {
    method: 'POST',
    body: input,
    headers: ifMatch(revision),
  });
}

export function renewContract(id: string, revision: number, input: RenewInput): Promise<Contract> {
  return apiRequest<Contract>(`${base(id)}/renewals`, {
    method: 'POST',
    body: input,
    headers: ifMatch(revision),
  });
}

export function conflictingContract(error: unknown): Contract | null {
  if (!isApiError(error) || error.code !== 'CONTRACT_VERSION_CONFLICT') return null;
  return (error.problem as { current?: Contract } | null)?.current ?? null;
}

export async function fetchVersions(id: string, signal?: AbortSignal): Promise<ContractVersionSummary[]> {
  return (await apiRequest<{ items: ContractVersionSummary[] }>(`${base(id)}/versions`, withSignal(signal)))
    .items;
}

/** What changed in `version` against the one before it. */
export function fetchDiff(id: string, version: number, signal?: AbortSignal): Promise<TermsDiff> {
  return apiRequest<TermsDiff>(`${base(id)}/versions/${version}/diff`, withSignal(signal));
}

export async function fetchDocuments(id: string, signal?: AbortSignal): Promise<ContractDocument[]> {
  return (await apiRequest<{ items: ContractDocument[] }>(`${base(id)}/documents`, withSignal(signal))).items;
}

/** The file goes as the body with its own type; the server checks the bytes match it. */
export function uploadDocument(id: string, file: File): Promise<ContractDocument> {
  return apiRequest<ContractDocument>(`${base(id)}/documents`, {
    method: 'POST',
    query: { fileName: file.name },
    file,
    headers: { 'content-type': file.type || 'application/octet-stream' },
  });
}

export function documentContentUrl(id: string, documentId: string): string {
  return `${base(id)}/documents/${encodeURIComponent(documentId)}/content`;
}

export function deleteDocument(id: string, documentId: string): Promise<void> {
  return apiRequest<void>(`${base(id)}/documents/${encodeURIComponent(documentId)}`, { method: 'DELETE' });
}

export async function fetchChangeRequests(id: string, signal?: AbortSignal): Promise<ChangeRequest[]> {
  return (await apiRequest<{ items: ChangeRequest[] }>(`${base(id)}/change-requests`, withSignal(signal)))
    .items;
}

export function raiseChangeRequest(
  id: string,
  input: { title: string; description: string },
): Promise<ChangeRequest> {
  return apiRequest<ChangeRequest>(`${base(id)}/change-requests`, { method: 'POST', body: input });
}

export function decideChangeRequest(
  id: string,
  changeRequestId: string,
  input: { decision: 'approve' | 'reject'; note: string },
): Promise<ChangeRequest> {
  return apiRequest<ChangeRequest>(
    `${base(id)}/change-requests/${encodeURIComponent(changeRequestId)}/decision`,
    { method: 'POST', body: input },
  );
}

export function withdrawChangeRequest(id: string, changeRequestId: string): Promise<ChangeRequest> {
  return apiRequest<ChangeRequest>(
    `${base(id)}/change-requests/${encodeURIComponent(changeRequestId)}/withdrawal`,
    { method: 'POST' },
  );
}

export async function fetchServiceCatalogue(signal?: AbortSignal): Promise<CatalogueService[]> {
  return (await apiRequest<{ items: CatalogueService[] }>('/api/services', withSignal(signal))).items;
}
