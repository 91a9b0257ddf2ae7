import { apiRequest } from '../../../app/http/api-client.ts';
import type {
  Agreement,
  AgreementFilter,
  AgreementInput,
  CatalogueService,
  Page,
  Team,
  Vendor,
  VendorInput,
} from './agreements-types.ts';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
/** Staff reference data: a couple of hundred is all there is. */
const everything = 200;

export function fetchAgreements(filter: AgreementFilter, signal?: AbortSignal): Promise<Page<Agreement>> {
  return apiRequest<Page<Agreement>>('/api/agreements', {
    query: { ...filter, limit: everything },
    ...withSignal(signal),
  });
}

export function fetchAgreement(id: string, signal?: AbortSignal): Promise<Agreement> {
  return apiRequest<Agreement>(`/api/agreements/${encodeURIComponent(id)}`, withSignal(signal));
}

export function createAgreement(input: AgreementInput): Promise<Agreement> {
  return apiRequest<Agreement>('/api/agreements', { method: 'POST', body: input });
}

/** Replaces the agreement if `version` is still current; otherwise 409 AGREEMENT_VERSION_CONFLICT. */
export function replaceAgreement(id: string, version: number, input: AgreementInput): Promise<Agreement> {
  return apiRequest<Agreement>(`/api/agreements/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: input,
    headers: { 'if-match': `"${version}"` },
  });
}

/** Deleted if it has not come into force yet; otherwise it ends after today. */
export function withdrawAgreement(id: string): Promise<void> {
  return apiRequest<void>(`/api/agreements/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function fetchVendors(signal?: AbortSignal): Promise<Page<Vendor>> {
  return apiRequest<Page<Vendor>>('/api/vendors', {
    query: { limit: everything, includeRetired: 'true' },
    ...withSignal(signal),
  });
}

export function createVendor(input: VendorInput): Promise<Vendor> {
  return apiRequest<Vendor>('/api/vendors', { method: 'POST', body: input });
}

export async function fetchTeams(signal?: AbortSignal): Promise<Team[]> {
  return (await apiRequest<{ items: Team[] }>('/api/teams', withSignal(signal))).items;
}

export async function fetchServiceCatalogue(signal?: AbortSignal): Promise<CatalogueService[]> {
  return (await apiRequest<{ items: CatalogueService[] }>('/api/services', withSignal(signal))).items;
}
