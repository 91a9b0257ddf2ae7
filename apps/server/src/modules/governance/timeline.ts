import type { Executor } from '../../platform/db/index.ts';
import * as repo from './governance.repository.ts';

/** One thing that happened in an account's governance, as the timeline shows it. */
export interface TimelineEntry {
  /** A civil date (YYYY-MM-DD) for things that happen on a day, an ISO 8601 instant otherwise. */
  at: string;
  /** `<entity>.<what happened>`, such as `review.held` or `action_item.completed`. */
  kind: string;
  title: string;
  entity: { type: string; id: string };
  summary: string;
}

/**
 * A producer of timeline entries for one account. The governance service merges every source's
 * entries, so another module adds its history (contract versions, status changes) by passing a
 * source to `createGovernanceService`, without governance knowing its tables. The account has been
 * checked against the caller's scope before any source runs.
 */
export type TimelineSource = (executor: Executor, accountId: string) => Promise<TimelineEntry[]>;

const reviewsSource: TimelineSource = async (executor, accountId) =>
  (await repo.listReviewsForTimeline(executor, accountId)).map((review) => ({
    at: review.heldOn,
    kind: `review.${review.status}`,
    title: review.title,
    entity: { type: 'service_review', id: review.id },
    summary: review.startsAt ? `${review.heldOn} ${review.startsAt}` : review.heldOn,
  }));

const decisionsSource: TimelineSource = async (executor, accountId) =>
  (await repo.listDecisionsForTimeline(executor, accountId)).map((decision) => ({
    at: decision.decidedOn,
    kind: 'decision.made',
    title: decision.text,
    entity: { type: 'decision', id: decision.id },
    summary: decision.decidedBy,
  }));

const actionItemsSource: TimelineSource = async (executor, accountId) =>
  (await repo.listActionItemsForTimeline(executor, accountId)).flatMap((item) => {
    const entity = { type: 'action_item', id: item.id };
    const created: TimelineEntry = {
      at: item.createdAt.toISOString(),
      kind: 'action_item.created',
      title: item.title,
      entity,
      summary: `${item.ownerName} · ${item.dueOn}`,
    };
    if (!item.completedAt) return [created];
    return [
      created,
      {
        at: item.completedAt.toISOString(),
        kind: 'action_item.completed',
        title: item.title,
        entity,
        summary: item.ownerName,
      },
    ];
  });

export const builtInTimelineSources: readonly TimelineSource[] = [
  reviewsSource,
  decisionsSource,
  actionItemsSource,
];
