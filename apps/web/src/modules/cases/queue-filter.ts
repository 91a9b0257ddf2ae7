import { caseStatuses, priorities, type CaseStatus, type Priority, type Role } from '@paydesk/shared';
import type { CaseFilter, CaseView, SlaFilter } from './api/cases-types.ts';

export const caseViews = ['mine', 'team', 'all'] as const satisfies readonly CaseView[];
export const slaFilters = ['at_risk', 'breached'] as const satisfies readonly SlaFilter[];

/** What the queue shows, as the page holds it; the address carries it (`writeQueueSearch`). */
export interface QueueFilter {
  view: CaseView;
  q: string;
  status: CaseStatus[];
  priority: Priority | null;
  openOnly: boolean;
  accountId: string | null;
  sla: SlaFilter | null;
}

/** An agent starts on their own cases; everyone else on the whole queue. */
export function defaultCaseView(role: Role): CaseView {
  return role === 'agent' ? 'mine' : 'all';
}

export function emptyQueueFilter(view: CaseView): QueueFilter {
  return { view, q: '', status: [], priority: null, openOnly: true, accountId: null, sla: null };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

/**
 * The filter an address asks for. An address is typed, pasted and bookmarked, so what does not parse
 * (an unknown status, a mangled account id) is dropped rather than sent to the API to be refused.
 */
export function readQueueSearch(params: URLSearchParams, fallbackView: CaseView): QueueFilter {
  const statuses = params.getAll('status').filter((status) => oneOf(caseStatuses, status) !== null);
  const account = params.get('account');
  return {
    view: oneOf(caseViews, params.get('view')) ?? fallbackView,
    q: params.get('q') ?? '',
    status: [...new Set(statuses)] as CaseStatus[],
    priority: oneOf(priorities, params.get('priority')),
    openOnly: params.get('open') !== '0',
    accountId: account && uuid.test(account) ? account : null,
    sla: oneOf(slaFilters, params.get('sla')),
  };
}

/** The address of a filter: only what differs from the defaults, so a plain queue stays `/cases`. */
export function writeQueueSearch(filter: QueueFilter, fallbackView: CaseView): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.view !== fallbackView) params.set('view', filter.view);
  if (filter.sla) params.set('sla', filter.sla);
  for (const status of filter.status) params.append('status', status);
  if (filter.priority) params.set('priority', filter.priority);
  if (filter.accountId) params.set('account', filter.accountId);
  if (!filter.openOnly) params.set('open', '0');
  if (filter.q) params.set('q', filter.q);
  return params;
}

/**
 * The query of GET /api/cases. Customers see their own account's cases: the staff-only parts (view,
 * account, SLA state) are not sent for them.
 */
export function toCaseFilter(filter: QueueFilter, isStaff: boolean): CaseFilter {
  const q = filter.q.trim();
  return {
    ...(isStaff ? { view: filter.view } : {}),
    ...(q ? { q } : {}),
    ...(filter.status.length ? { status: filter.status } : {}),
    ...(filter.priority ? { priority: filter.priority } : {}),
    ...(filter.openOnly ? { open: true } : {}),
    ...(isStaff && filter.accountId ? { accountId: filter.accountId } : {}),
    ...(isStaff && filter.sla ? { sla: filter.sla } : {}),
  };
}

/** A saved view's filters as the page holds them; what the view leaves out is not filtered on. */
export function fromSavedFilters(filters: CaseFilter, fallbackView: CaseView): QueueFilter {
  return {
    view: filters.view ?? fallbackView,
    q: filters.q ?? '',
    status: filters.status ?? [],
    priority: filters.priority ?? null,
    openOnly: filters.open === true,
    accountId: filters.accountId ?? null,
    sla: filters.sla ?? null,
  };
}

/** Whether the queue shows what a saved view selects: that view is the one in use. */
export function isSameQueue(a: QueueFilter, b: QueueFilter): boolean {
  const statuses = (filter: QueueFilter) => [...filter.status].sort().join(',');
  return (
    a.view === b.view &&
    a.q.trim() === b.q.trim() &&
    statuses(a) === statuses(b) &&
    a.priority === b.priority &&
    a.openOnly === b.openOnly &&
    a.accountId === b.accountId &&
    a.sla === b.sla
  );
}

/** "Waiting on customer" is the pending-customer status on its own. */
export function isWaitingOnCustomer(filter: QueueFilter): boolean {
  return filter.status.length === 1 && filter.status[0] === 'pending_customer';
}

export function withWaitingOnCustomer(filter: QueueFilter, on: boolean): QueueFilter {
  return { ...filter, status: on ? ['pending_customer'] : [] };
}

/** At risk and breached exclude each other (at risk means not yet breached): choosing one drops the other. */
export function withSla(filter: QueueFilter, sla: SlaFilter, on: boolean): QueueFilter {
  return { ...filter, sla: on ? sla : filter.sla === sla ? null : filter.sla };
}
