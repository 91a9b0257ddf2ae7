import { apiRequest } from '../../../app/http/api-client.ts';
import type {
  ActionItem,
  ActionItemInput,
  Decision,
  DecisionInput,
  Page,
  ReviewInput,
  ServiceReview,
  StaffUser,
  TimelineEntry,
} from './governance-types.ts';
import type { ActionItemStatus } from '@paydesk/shared';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const base = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}`;

export function fetchTimeline(accountId: string, signal?: AbortSignal) {
  return apiRequest<{ items: TimelineEntry[] }>(`${base(accountId)}/governance/timeline`, withSignal(signal));
}

export function fetchReviews(accountId: string, signal?: AbortSignal) {
  return apiRequest<Page<ServiceReview>>(`${base(accountId)}/service-reviews`, {
    query: { limit: 200 },
    ...withSignal(signal),
  });
}

export function saveReview(accountId: string, reviewId: string | null, input: ReviewInput) {
  return reviewId
    ? apiRequest<ServiceReview>(`${base(accountId)}/service-reviews/${encodeURIComponent(reviewId)}`, {
        method: 'PATCH',
        body: input,
      })
    : apiRequest<ServiceReview>(`${base(accountId)}/service-reviews`, { method: 'POST', body: input });
}

export function fetchDecisions(accountId: string, signal?: AbortSignal) {
  return apiRequest<Page<Decision>>(`${base(accountId)}/decisions`, {
    query: { limit: 200 },
    ...withSignal(signal),
  });
}

export function createDecision(accountId: string, input: DecisionInput) {
  return apiRequest<Decision>(`${base(accountId)}/decisions`, { method: 'POST', body: input });
}

export function fetchActionItems(accountId: string, signal?: AbortSignal) {
  return apiRequest<Page<ActionItem>>(`${base(accountId)}/action-items`, {
    query: { limit: 200 },
    ...withSignal(signal),
  });
}

export function createActionItem(accountId: string, input: ActionItemInput) {
  return apiRequest<ActionItem>(`${base(accountId)}/action-items`, { method: 'POST', body: input });
}

export function updateActionItem(
  accountId: string,
  actionItemId: string,
  changes: Partial<ActionItemInput> & { status?: ActionItemStatus },
) {
  return apiRequest<ActionItem>(`${base(accountId)}/action-items/${encodeURIComponent(actionItemId)}`, {
    method: 'PATCH',
    body: changes,
  });
}

/** Who may own an action item: the users list (staff with users:read see it), staff only. */
export function fetchUsers(signal?: AbortSignal) {
  return apiRequest<Page<StaffUser>>('/api/users', { query: { limit: 200 }, ...withSignal(signal) });
}
