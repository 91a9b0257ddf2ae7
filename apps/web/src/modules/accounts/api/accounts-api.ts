import { apiRequest } from '../../../app/http/api-client.ts';
import type {
  Account,
  AccountFilter,
  Contact,
  ContactInput,
  CreateAccountInput,
  CreateOpportunityInput,
  Note,
  Opportunity,
  Page,
  Service,
  Subscription,
  UpdateAccountInput,
  UpdateOpportunityInput,
} from './accounts-types.ts';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const base = (id: string) => `/api/accounts/${encodeURIComponent(id)}`;

export function fetchAccounts(
  params: AccountFilter & { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<Page<Account>> {
  return apiRequest<Page<Account>>('/api/accounts', {
    query: {
      limit: params.limit,
      cursor: params.cursor,
      search: params.search,
      countryCode: params.countryCode,
      kind: params.kind,
      segment: params.segment,
    },
    ...withSignal(signal),
  });
}

export function fetchAccount(id: string, signal?: AbortSignal): Promise<Account> {
  return apiRequest<Account>(base(id), withSignal(signal));
}

export function createAccount(input: CreateAccountInput): Promise<Account> {
  return apiRequest<Account>('/api/accounts', { method: 'POST', body: input });
}

export function updateAccount(id: string, input: UpdateAccountInput): Promise<Account> {
  return apiRequest<Account>(base(id), { method: 'PATCH', body: input });
}

export function fetchContacts(id: string, signal?: AbortSignal): Promise<Page<Contact>> {
  return apiRequest<Page<Contact>>(`${base(id)}/contacts`, { query: { limit: 200 }, ...withSignal(signal) });
}

export function createContact(id: string, input: ContactInput): Promise<Contact> {
  return apiRequest<Contact>(`${base(id)}/contacts`, { method: 'POST', body: input });
}

export function updateContact(id: string, contactId: string, input: ContactInput): Promise<Contact> {
  return apiRequest<Contact>(`${base(id)}/contacts/${encodeURIComponent(contactId)}`, {
    method: 'PATCH',
    body: input,
  });
}

export function fetchServices(signal?: AbortSignal): Promise<{ items: Service[] }> {
  return apiRequest<{ items: Service[] }>('/api/services', withSignal(signal));
}

export function fetchSubscriptions(id: string, signal?: AbortSignal): Promise<{ items: Subscription[] }> {
  return apiRequest<{ items: Subscription[] }>(`${base(id)}/services`, withSignal(signal));
}

export function subscribe(
  id: string,
  input: { serviceId: string; startedOn: string },
): Promise<Subscription> {
  return apiRequest<Subscription>(`${base(id)}/services`, { method: 'POST', body: input });
}

/** Ends the account's subscription to a catalogue service. */
export function unsubscribe(id: string, serviceId: string): Promise<void> {
  return apiRequest<void>(`${base(id)}/services/${encodeURIComponent(serviceId)}`, { method: 'DELETE' });
}

export function fetchNotes(id: string, signal?: AbortSignal): Promise<Page<Note>> {
  return apiRequest<Page<Note>>(`${base(id)}/notes`, { query: { limit: 100 }, ...withSignal(signal) });
}

export function createNote(id: string, body: string): Promise<Note> {
  return apiRequest<Note>(`${base(id)}/notes`, { method: 'POST', body: { body } });
}

export function fetchOpportunities(id: string, signal?: AbortSignal): Promise<Page<Opportunity>> {
  return apiRequest<Page<Opportunity>>(`${base(id)}/opportunities`, {
    query: { limit: 100 },
    ...withSignal(signal),
  });
}

export function createOpportunity(id: string, input: CreateOpportunityInput): Promise<Opportunity> {
  return apiRequest<Opportunity>(`${base(id)}/opportunities`, { method: 'POST', body: input });
}

export function updateOpportunity(
  id: string,
  opportunityId: string,
  input: UpdateOpportunityInput,
): Promise<Opportunity> {
  return apiRequest<Opportunity>(`${base(id)}/opportunities/${encodeURIComponent(opportunityId)}`, {
    method: 'PATCH',
    body: input,
  });
}
