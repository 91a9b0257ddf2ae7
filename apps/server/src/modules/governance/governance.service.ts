import type { Static } from 'typebox';
import { isCustomerRole, type ActionItemStatus, type ServiceReviewStatus } from '@paydesk/shared';
import { describeChanges, recordAudit, type AuditEntry } from '../../platform/audit/index.ts';
import {
  assertCan,
  auditContextOf,
  scopeOf,
  type Permission,
  type RequestContext,
  type Scope,
} from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import * as repo from './governance.repository.ts';
import type {
  CreateActionItemBody,
  CreateDecisionBody,
  CreateReviewBody,
  UpdateActionItemBody,
  UpdateDecisionBody,
  UpdateReviewBody,
} from './governance.schemas.ts';
import { addDays, civilDateIn, dueSoonDays, isCivilDate, reminderFor } from './reminder-dates.ts';
import { builtInTimelineSources, type TimelineEntry, type TimelineSource } from './timeline.ts';

export type NewReview = Static<typeof CreateReviewBody>;
export type ReviewChanges = Static<typeof UpdateReviewBody>;
export type NewDecision = Static<typeof CreateDecisionBody>;
export type DecisionChanges = Static<typeof UpdateDecisionBody>;
export type NewActionItem = Static<typeof CreateActionItemBody>;
export type ActionItemChanges = Static<typeof UpdateActionItemBody>;

interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

type AuditFields = Omit<AuditEntry, 'actor' | 'requestId' | 'sourceIp'>;

/** The system (seeding, the reminder job) acts on every account. */
const everything: Scope = { kind: 'all' };

const reviewAuditFields = [
  'title',
  'heldOn',
  'startsAt',
  'status',
  'attendees',
  'agenda',
  'minutes',
] as const;
const decisionAuditFields = ['reviewId', 'text', 'decidedOn', 'decidedBy'] as const;
const actionItemAuditFields = ['reviewId', 'title', 'description', 'ownerId', 'dueOn', 'status'] as const;

export interface GovernanceDeps {
  db: Db;
  clock: Clock;
  notifications: NotificationsService;
  /** More kinds of event for the timeline (contracts, SLA), merged with reviews, decisions and actions. */
  timelineSources?: TimelineSource[];
}

/**
 * Account governance: service reviews held with the customer, the decisions taken (in a review or
 * outside one), and the action items that follow, each owned by a staff member who is reminded as
 * the due date nears and when it passes. A customer's administrator reads their own account's
 * governance; staff who run the relationship write it.
 *
 * Everything about one account first finds the account in the actor's scope and only then checks
 * the permission: a customer asking about another account gets 404, one writing to their own 403.
 */
export function createGovernanceService(deps: GovernanceDeps) {
  const { db, clock, notifications } = deps;
  const timelineSources = [...builtInTimelineSources, ...(deps.timelineSources ?? [])];

  function audit(tx: Tx, ctx: RequestContext | null, entry: AuditFields) {
    return recordAudit(tx, { ...auditContextOf(ctx), ...entry }, clock);
  }

  async function requireAccount(
    executor: Executor,
    ctx: RequestContext | null,
    accountId: string,
    permission: Permission,
  ) {
    const account = await repo.findAccount(executor, scopeFor(ctx), accountId);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND', 'No such account');
    if (ctx) assertCan(ctx.actor, permission);
    return account;
  }

  /** A review that decisions and action items may point at: on this account and not cancelled. */
  async function assertReviewUsable(
    executor: Executor,
    accountId: string,
    reviewId: string | null | undefined,
  ) {
    if (!reviewId) return;
    const review = await repo.findReview(executor, everything, accountId, reviewId);
    if (!review) throw invalid('body/reviewId', 'is not a service review of this account');
    if (review.status === 'cancelled') throw invalid('body/reviewId', 'is a cancelled service review');
  }

  async function assertOwner(executor: Executor, ownerId: string | undefined) {
    if (ownerId && !(await repo.findActiveStaffUser(executor, ownerId))) {
      throw invalid('body/ownerId', 'is not an active staff user');
    }
  }

  function todayOf(account: { timeZone: string }) {
    return civilDateIn(account.timeZone, clock.now());
  }

  function presentActionItem(row: repo.ActionItemRow) {
    const { ownerId, ownerName, accountTimeZone, ...rest } = row;
    return {
      ...rest,
      owner: { id: ownerId, displayName: ownerName },
      isOverdue: isLive(row.status) && row.dueOn < civilDateIn(accountTimeZone, clock.now()),
    };
  }

  async function loadActionItem(executor: Executor, scope: Scope, accountId: string, id: string) {
    const row = await repo.findActionItem(executor, scope, accountId, id);
    if (!row) throw actionItemNotFound();
    return presentActionItem(row);
  }

  return {
    // Service reviews

    async listReviews(
      ctx: RequestContext,
      accountId: string,
      query: PageRequest & { status?: ServiceReviewStatus | undefined },
    ) {
      await requireAccount(db, ctx, accountId, 'governance:read');
      const after = decodeDateCursor(query.cursor);
      const rows = await repo.listReviews(
        db,
        scopeOf(ctx.actor),
        accountId,
        query.status ? { status: query.status } : {},
        { limit: query.limit, ...(after ? { after } : {}) },
      );
      const page = toPage(rows, query.limit, (r) => [r.heldOn, r.id]);
      return { items: page.items.map(presentReview), nextCursor: page.nextCursor };
    },

    async getReview(ctx: RequestContext, accountId: string, reviewId: string) {
      await requireAccount(db, ctx, accountId, 'governance:read');
      const review = await repo.findReview(db, scopeOf(ctx.actor), accountId, reviewId);
      if (!review) throw reviewNotFound();
      return presentReview(review);
    },

    async createReview(ctx: RequestContext | null, accountId: string, input: NewReview) {
      const values: repo.ReviewValues = {
        title: input.title.trim(),
        heldOn: civilDate('body/heldOn', input.heldOn),
        startsAt: input.startsAt ?? null,
        status: input.status ?? 'planned',
        attendees: normaliseAttendees(input.attendees ?? []),
        agenda: input.agenda ?? '',
        minutes: input.minutes ?? '',
      };
      return db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'governance:manage');
        const { id } = await repo.insertReview(tx, {
          ...values,
          accountId,
          createdBy: ctx?.actor.userId ?? null,
          createdAt: clock.now(),
        });
        await audit(tx, ctx, {
          action: 'service_review.created',
          entityType: 'service_review',
          entityId: id,
          accountId,
          changes: describeChanges(null, values, reviewAuditFields),
        });
        return presentReview((await repo.findReview(tx, everything, accountId, id))!);
      });
    },

    /** A cancelled review is a record of what did not happen: it is not edited (nor uncancelled). */
    async updateReview(
      ctx: RequestContext | null,
      accountId: string,
      reviewId: string,
      input: ReviewChanges,
    ) {
      const changes = definedOnly<Partial<repo.ReviewValues>>({
        ...input,
        title: input.title?.trim(),
        heldOn: input.heldOn === undefined ? undefined : civilDate('body/heldOn', input.heldOn),
        attendees: input.attendees ? normaliseAttendees(input.attendees) : undefined,
      });
      return db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'governance:manage');
        const before = await repo.lockReview(tx, accountId, reviewId);
        if (!before) throw reviewNotFound();
        if (before.status === 'cancelled')
          throw invalid('body/status', 'the review is cancelled: it is kept as it is');
        const described = describeChanges(before, changes, reviewAuditFields);
        if (Object.keys(described).length > 0) {
          await repo.updateReview(tx, accountId, reviewId, { ...changes, updatedAt: clock.now() });
          await audit(tx, ctx, {
            action: 'service_review.updated',
            entityType: 'service_review',
            entityId: reviewId,
            accountId,
            changes: described,
          });
        }
        return presentReview((await repo.findReview(tx, everything, accountId, reviewId))!);
      });
    },

    // Decisions

    async listDecisions(
      ctx: RequestContext,
      accountId: string,
      query: PageRequest & { reviewId?: string | undefined },
    ) {
      await requireAccount(db, ctx, accountId, 'governance:read');
      const after = decodeDateCursor(query.cursor);
      const rows = await repo.listDecisions(
        db,
        scopeOf(ctx.actor),
        accountId,
        query.reviewId ? { reviewId: query.reviewId } : {},
        { limit: query.limit, ...(after ? { after } : {}) },
      );
      return toPage(rows, query.limit, (d) => [d.decidedOn, d.id]);
    },

    async getDecision(ctx: RequestContext, accountId: string, decisionId: string) {
      await requireAccount(db, ctx, accountId, 'governance:read');
      const decision = await repo.findDecision(db, scopeOf(ctx.actor), accountId, decisionId);
      if (!decision) throw decisionNotFound();
      return decision;
    },

    async createDecision(ctx: RequestContext | null, accountId: string, input: NewDecision) {
      const values: repo.DecisionValues = {
        reviewId: input.reviewId ?? null,
        text: input.text.trim(),
        decidedOn: civilDate('body/decidedOn', input.decidedOn),
        decidedBy: input.decidedBy.trim(),
      };
      return db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'governance:manage');
        await assertReviewUsable(tx, accountId, values.reviewId);
        const { id } = await repo.insertDecision(tx, {
          ...values,
          accountId,
          createdBy: ctx?.actor.userId ?? null,
          createdAt: clock.now(),
        });
        await audit(tx, ctx, {
          action: 'decision.created',
          entityType: 'decision',
          entityId: id,
          accountId,
          changes: describeChanges(null, values, decisionAuditFields),
        });
        return (await repo.findDecision(tx, everything, accountId, id))!;
      });
    },

    async updateDecision(
      ctx: RequestContext | null,
      accountId: string,
      decisionId: string,
      input: DecisionChanges,
    ) {
      const changes = definedOnly<Partial<repo.DecisionValues>>({
        ...input,
        text: input.text?.trim(),
        decidedBy: input.decidedBy?.trim(),
        decidedOn: input.decidedOn === undefined ? undefined : civilDate('body/decidedOn', input.decidedOn),
      });
      return db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'governance:manage');
        const before = await repo.lockDecision(tx, accountId, decisionId);
        if (!before) throw decisionNotFound();
        if (changes.reviewId !== before.reviewId) await assertReviewUsable(tx, accountId, changes.reviewId);
        const described = describeChanges(before, changes, decisionAuditFields);
        if (Object.keys(described).length > 0) {
          await repo.updateDecision(tx, accountId, decisionId, { ...changes, updatedAt: clock.now() });
          await audit(tx, ctx, {
            action: 'decision.updated',
            entityType: 'decision',
            entityId: decisionId,
            accountId,
            changes: described,
          });
        }
        return (await repo.findDecision(tx, everything, accountId, decisionId))!;
      });
    },

    // Action items

    async listActionItems(
      ctx: RequestContext,
      accountId: string,
      query: PageRequest & {
        status?: ActionItemStatus | undefined;
        ownerId?: string | undefined;
        reviewId?: string | undefined;
        overdue?: boolean | undefined;
      },
    ) {
      const account = await requireAccount(db, ctx, accountId, 'governance:read');
      const after = decodeDateCursor(query.cursor);
      const filter = definedOnly<repo.ActionItemFilter>({
        status: query.status,
        ownerId: query.ownerId,
        reviewId: query.reviewId,
        dueBefore: query.overdue ? todayOf(account) : undefined,
      });
      const rows = await repo.listActionItems(db, scopeOf(ctx.actor), accountId, filter, {
        limit: query.limit,
        ...(after ? { after } : {}),
      });
      const page = toPage(rows, query.limit, (a) => [a.dueOn, a.id]);
      return { items: page.items.map(presentActionItem), nextCursor: page.nextCursor };
    },

    /** The signed-in staff member's own unfinished items, across every account, soonest due first. */
    async listMyActionItems(ctx: RequestContext, query: PageRequest & { mine: boolean }) {
      if (isCustomerRole(ctx.actor.role)) {
        throw new AppError('AUTH_FORBIDDEN', 'Action items are owned by staff: customers have none');
      }
      if (!query.mine)
        throw invalid('querystring/mine', 'must be true (only your own items are listed here)');
      const after = decodeDateCursor(query.cursor);
      const rows = await repo.listLiveActionItemsOf(db, ctx.actor.userId, {
        limit: query.limit,
        ...(after ? { after } : {}),
      });
      const page = toPage(rows, query.limit, (a) => [a.dueOn, a.id]);
      return { items: page.items.map(presentActionItem), nextCursor: page.nextCursor };
    },

    async getActionItem(ctx: RequestContext, accountId: string, actionItemId: string) {
      await requireAccount(db, ctx, accountId, 'governance:read');
      return loadActionItem(db, scopeOf(ctx.actor), accountId, actionItemId);
    },

    async createActionItem(ctx: RequestContext | null, accountId: string, input: NewActionItem) {
      const status = input.status ?? 'open';
      const values: repo.ActionItemValues = {
        reviewId: input.reviewId ?? null,
        title: input.title.trim(),
        description: input.description ?? '',
        ownerId: input.ownerId,
        dueOn: civilDate('body/dueOn', input.dueOn),
        status,
        completedAt: status === 'done' ? clock.now() : null,
      };
      return db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'governance:manage');
        await assertOwner(tx, values.ownerId);
        await assertReviewUsable(tx, accountId, values.reviewId);
        const { id } = await repo.insertActionItem(tx, {
          ...values,
          accountId,
          createdBy: ctx?.actor.userId ?? null,
          createdAt: clock.now(),
        });
        await audit(tx, ctx, {
          action: 'action_item.created',
          entityType: 'action_item',
          entityId: id,
          accountId,
          changes: describeChanges(null, values, actionItemAuditFields),
        });
        return loadActionItem(tx, everything, accountId, id);
      });
    },

    async updateActionItem(
      ctx: RequestContext | null,
      accountId: string,
      actionItemId: string,
      input: ActionItemChanges,
    ) {
      const changes = definedOnly<Partial<repo.ActionItemValues>>({
        ...input,
        title: input.title?.trim(),
        dueOn: input.dueOn === undefined ? undefined : civilDate('body/dueOn', input.dueOn),
      });
      return db.transaction().execute(async (tx) => {
        await requireAccount(tx, ctx, accountId, 'governance:manage');
        const before = await repo.lockActionItem(tx, accountId, actionItemId);
        if (!before) throw actionItemNotFound();
        if (changes.ownerId !== before.ownerId) await assertOwner(tx, changes.ownerId);
        if (changes.reviewId !== before.reviewId) await assertReviewUsable(tx, accountId, changes.reviewId);
        const described = describeChanges(before, changes, actionItemAuditFields);
        if (Object.keys(described).length > 0) {
          // Done is the moment it was finished; reopening clears it.
          const completedAt =
            changes.status === undefined || changes.status === before.status
              ? {}
              : { completedAt: changes.status === 'done' ? clock.now() : null };
          await repo.updateActionItem(tx, accountId, actionItemId, {
            ...changes,
            ...completedAt,
            updatedAt: clock.now(),
          });
          await audit(tx, ctx, {
            action: 'action_item.updated',
            entityType: 'action_item',
            entityId: actionItemId,
            accountId,
            changes: described,
          });
        }
        return loadActionItem(tx, everything, accountId, actionItemId);
      });
    },

    // Timeline

    async timeline(ctx: RequestContext, accountId: string, query: { limit: number }) {
      await requireAccount(db, ctx, accountId, 'governance:read');
      return mergeTimeline(
        await Promise.all(timelineSources.map((source) => source(db, accountId))),
        query.limit,
      );
    },

    // Reminders

    /**
     * Tells each owner once when an unfinished item is due within `dueSoonDays`, and once when it
     * is overdue, by the account's calendar. Safe to run as often and on as many processes as
     * wanted: each reminder is claimed by a unique row before its notification is written, in the
     * same transaction.
     */
    async sendActionItemReminders() {
      const now = clock.now();
      // No zone is more than a day ahead of UTC: this bound catches every item due soon anywhere.
      const dueBy = addDays(civilDateIn('UTC', now), dueSoonDays + 1);
      let sent = 0;
      for (const item of await repo.listLiveItemsDueBy(db, dueBy)) {
        const kind = reminderFor(item.dueOn, civilDateIn(item.accountTimeZone, now));
        if (!kind) continue;
        const claimed = await db.transaction().execute(async (tx) => {
          const isFirst = await repo.claimReminder(tx, {
            accountId: item.accountId,
            actionItemId: item.id,
            kind,
            dueOn: item.dueOn,
            sentAt: now,
          });
          if (isFirst) {
            await notifications.notify(tx, {
              userId: item.ownerId,
              kind: `action_item.${kind}`,
              title:
                kind === 'overdue'
                  ? `Action item overdue: ${item.title}`
                  : `Action item due soon: ${item.title}`,
              body:
                kind === 'overdue'
                  ? `${item.accountName}: was due on ${item.dueOn}.`
                  : `${item.accountName}: due on ${item.dueOn}.`,
              link: `/accounts/${item.accountId}?tab=governance`,
              entityType: 'action_item',
              entityId: item.id,
            });
          }
          return isFirst;
        });
        if (claimed) sent += 1;
      }
      return { sent };
    },
  };
}

export type GovernanceService = ReturnType<typeof createGovernanceService>;

/** Newest first; a date sorts before the instants of the same day, and ties keep a stable order. */
export function mergeTimeline(lists: TimelineEntry[][], limit: number): TimelineEntry[] {
  return lists
    .flat()
    .sort((x, y) =>
      x.at === y.at
        ? `${x.entity.type}/${x.entity.id}/${x.kind}`.localeCompare(
            `${y.entity.type}/${y.entity.id}/${y.kind}`,
          )
        : x.at < y.at
          ? 1
          : -1,
    )
    .slice(0, limit);
}

function isLive(status: ActionItemStatus) {
  return status === 'open' || status === 'in_progress';
}

function scopeFor(ctx: RequestContext | null): Scope {
  return ctx ? scopeOf(ctx.actor) : everything;
}

function invalid(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', `${path.replace(/^(body|querystring)\//, '')} ${message}`, {
    errors: [{ path, message }],
  });
}

function civilDate(path: string, text: string) {
  if (!isCivilDate(text)) throw invalid(path, 'is not a calendar date (YYYY-MM-DD)');
  return text;
}

function reviewNotFound() {
  return new AppError('SERVICE_REVIEW_NOT_FOUND', 'No such service review on this account');
}

function decisionNotFound() {
  return new AppError('DECISION_NOT_FOUND', 'No such decision on this account');
}

function actionItemNotFound() {
  return new AppError('ACTION_ITEM_NOT_FOUND', 'No such action item on this account');
}

function normaliseAttendees(attendees: repo.Attendee[]): repo.Attendee[] {
  return attendees.map(({ name, organisation, role }) => ({
    name: name.trim(),
    organisation: organisation.trim(),
    ...(role?.trim() ? { role: role.trim() } : {}),
  }));
}

/** Drops the fields a PATCH did not mention, so they are neither written nor audited. */
function definedOnly<T extends object>(changes: { [K in keyof T]?: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as T;
}

/** Lists sorted by a civil date page by (date, id). */
function decodeDateCursor(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  if (!isCivilDate(String(key[0]))) {
    throw new AppError('PAGINATION_CURSOR_INVALID', 'The cursor is not one this endpoint issued');
  }
  return [String(key[0]), String(key[1])];
}

function presentReview(row: repo.ReviewRow) {
  const { createdBy, createdByName, ...rest } = row;
  return {
    ...rest,
    createdBy: createdBy === null ? null : { id: createdBy, displayName: createdByName ?? '' },
  };
}
