import { sql, type ColumnType, type Generated } from 'kysely';
import { staffRoles, type ActionItemStatus, type ServiceReviewStatus } from '@paydesk/shared';
import { inScope, type Scope } from '../../platform/auth/index.ts';
import { withModuleTables, type Executor, type Tx } from '../../platform/db/index.ts';

/**
 * Kysely only: no rules here. The service decides; this reads and writes. Reads of customer data
 * take the actor's Scope even where the service has already checked the account, so a missed check
 * cannot widen what a customer sees. Accounts and users belong to other modules: only what
 * governance needs of them (an account's time zone, a user's name and role) is read here.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** Civil dates are written as YYYY-MM-DD and read back as text (`cast(... as text)`). */
type CivilDate = ColumnType<string, string, string>;

export interface Attendee {
  name: string;
  organisation: string;
  role?: string;
}

interface ServiceReviewsTable {
  accountId: string;
  id: Generated<string>;
  title: string;
  heldOn: CivilDate;
  startsAt: string | null;
  status: ServiceReviewStatus;
  /** jsonb, written as JSON text and read back as text so no plugin rewrites its keys. */
  attendees: ColumnType<unknown, string, string>;
  agenda: string;
  minutes: string;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface GovernanceDecisionsTable {
  accountId: string;
  id: Generated<string>;
  reviewId: string | null;
  text: string;
  decidedOn: CivilDate;
  decidedBy: string;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface ActionItemsTable {
  accountId: string;
  id: Generated<string>;
  reviewId: string | null;
  title: string;
  description: string;
  ownerId: string;
  dueOn: CivilDate;
  status: ActionItemStatus;
  completedAt: Date | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface ActionItemRemindersTable {
  accountId: string;
  actionItemId: string;
  kind: 'due_soon' | 'overdue';
  dueOn: CivilDate;
  sentAt: Date;
}

// A type, not an interface: withTables needs an index-compatible record.
type GovernanceTables = {
  serviceReviews: ServiceReviewsTable;
  governanceDecisions: GovernanceDecisionsTable;
  actionItems: ActionItemsTable;
  actionItemReminders: ActionItemRemindersTable;
};

const tables = (executor: Executor) => withModuleTables<GovernanceTables>(executor);

type After<K> = { after?: K; limit: number };

// Accounts and people

export function findAccount(executor: Executor, scope: Scope, id: string) {
  return inScope(
    tables(executor).selectFrom('accounts').select(['accounts.id', 'accounts.name', 'accounts.timeZone']),
    'accounts.id',
    scope,
  )
    .where('accounts.id', '=', id)
    .executeTakeFirst();
}

/** Active staff only: action items are owned by someone at the operator, never a customer. */
export function findActiveStaffUser(executor: Executor, id: string) {
  return tables(executor)
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('id', '=', id)
    .where('isActive', '=', true)
    .where('role', 'in', staffRoles)
    .executeTakeFirst();
}

// Service reviews

export interface ReviewValues {
  title: string;
  heldOn: string;
  startsAt: string | null;
  status: ServiceReviewStatus;
  attendees: Attendee[];
  agenda: string;
  minutes: string;
}

function selectReviews(executor: Executor, scope: Scope, accountId: string) {
  return inScope(
    tables(executor)
      .selectFrom('serviceReviews')
      .leftJoin('users as creator', 'creator.id', 'serviceReviews.createdBy')
      .select([
        'serviceReviews.id',
        'serviceReviews.accountId',
        'serviceReviews.title',
        sql<string>`cast(service_reviews.held_on as text)`.as('heldOn'),
        'serviceReviews.startsAt',
        'serviceReviews.status',
        sql<string>`service_reviews.attendees::text`.as('attendeesJson'),
        'serviceReviews.agenda',
        'serviceReviews.minutes',
        'serviceReviews.createdBy',
        'creator.displayName as createdByName',
        'serviceReviews.createdAt',
        'serviceReviews.updatedAt',
      ]),
    'serviceReviews.accountId',
    scope,
  ).where('serviceReviews.accountId', '=', accountId);
}

type RawReview = Awaited<ReturnType<ReturnType<typeof selectReviews>['executeTakeFirstOrThrow']>>;
export type ReviewRow = Omit<RawReview, 'attendeesJson'> & { attendees: Attendee[] };

function toReview({ attendeesJson, ...row }: RawReview): ReviewRow {
  return { ...row, attendees: JSON.parse(attendeesJson) as Attendee[] };
}

export async function findReview(executor: Executor, scope: Scope, accountId: string, id: string) {
  const row = await selectReviews(executor, scope, accountId)
    .where('serviceReviews.id', '=', id)
    .executeTakeFirst();
  return row ? toReview(row) : undefined;
}

export async function listReviews(
  executor: Executor,
  scope: Scope,
  accountId: string,
  filter: { status?: ServiceReviewStatus },
  page: After<[heldOn: string, id: string]>,
) {
  let query = selectReviews(executor, scope, accountId);
  if (filter.status) query = query.where('serviceReviews.status', '=', filter.status);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('serviceReviews.heldOn', 'serviceReviews.id'), '<', eb.tuple(...after)),
    );
  }
  const rows = await query
    .orderBy('serviceReviews.heldOn', 'desc')
    .orderBy('serviceReviews.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return rows.map(toReview);
}

/** Holds the review until the transaction ends, so a change and its audited "before" agree. */
export async function lockReview(tx: Tx, accountId: string, id: string) {
  const row = await selectReviews(tx, { kind: 'all' }, accountId)
    .where('serviceReviews.id', '=', id)
    .forUpdate('serviceReviews')
    .executeTakeFirst();
  return row ? toReview(row) : undefined;
}

export function insertReview(
  tx: Tx,
  values: ReviewValues & { accountId: string; createdBy: string | null; createdAt: Date },
) {
  return tables(tx)
    .insertInto('serviceReviews')
    .values({ ...values, attendees: JSON.stringify(values.attendees), updatedAt: values.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateReview(
  tx: Tx,
  accountId: string,
  id: string,
  changes: Partial<ReviewValues> & { updatedAt: Date },
) {
  const { attendees, ...rest } = changes;
  return tables(tx)
    .updateTable('serviceReviews')
    .set({ ...rest, ...(attendees ? { attendees: JSON.stringify(attendees) } : {}) })
    .where('accountId', '=', accountId)
    .where('id', '=', id)
    .execute();
}

// Decisions

export interface DecisionValues {
  reviewId: string | null;
  text: string;
  decidedOn: string;
  decidedBy: string;
}

function selectDecisions(executor: Executor, scope: Scope, accountId: string) {
  return inScope(
    tables(executor)
      .selectFrom('governanceDecisions')
      .select([
        'governanceDecisions.id',
        'governanceDecisions.accountId',
        'governanceDecisions.reviewId',
        'governanceDecisions.text',
        sql<string>`cast(governance_decisions.decided_on as text)`.as('decidedOn'),
        'governanceDecisions.decidedBy',
        'governanceDecisions.createdAt',
        'governanceDecisions.updatedAt',
      ]),
    'governanceDecisions.accountId',
    scope,
  ).where('governanceDecisions.accountId', '=', accountId);
}

export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;

export function findDecision(executor: Executor, scope: Scope, accountId: string, id: string) {
  return selectDecisions(executor, scope, accountId)
    .where('governanceDecisions.id', '=', id)
    .executeTakeFirst();
}

export function listDecisions(
  executor: Executor,
  scope: Scope,
  accountId: string,
  filter: { reviewId?: string },
  page: After<[decidedOn: string, id: string]>,
) {
  let query = selectDecisions(executor, scope, accountId);
  if (filter.reviewId) query = query.where('governanceDecisions.reviewId', '=', filter.reviewId);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('governanceDecisions.decidedOn', 'governanceDecisions.id'), '<', eb.tuple(...after)),
    );
  }
  return query
    .orderBy('governanceDecisions.decidedOn', 'desc')
    .orderBy('governanceDecisions.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

export function lockDecision(tx: Tx, accountId: string, id: string) {
  return selectDecisions(tx, { kind: 'all' }, accountId)
    .where('governanceDecisions.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function insertDecision(
  tx: Tx,
  values: DecisionValues & { accountId: string; createdBy: string | null; createdAt: Date },
) {
  return tables(tx)
    .insertInto('governanceDecisions')
    .values({ ...values, updatedAt: values.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateDecision(
  tx: Tx,
  accountId: string,
  id: string,
  changes: Partial<DecisionValues> & { updatedAt: Date },
) {
  return tables(tx)
    .updateTable('governanceDecisions')
    .set(changes)
    .where('accountId', '=', accountId)
    .where('id', '=', id)
    .execute();
}

// Action items

export interface ActionItemValues {
  reviewId: string | null;
  title: string;
  description: string;
  ownerId: string;
  dueOn: string;
  status: ActionItemStatus;
  completedAt: Date | null;
}

export interface ActionItemFilter {
  status?: ActionItemStatus;
  ownerId?: string;
  reviewId?: string;
  /** Unfinished and due before this date. */
  dueBefore?: string;
}

const liveStatuses: ActionItemStatus[] = ['open', 'in_progress'];

function selectActionItems(executor: Executor, scope: Scope) {
  return inScope(
    tables(executor)
      .selectFrom('actionItems')
      .innerJoin('users as owner', 'owner.id', 'actionItems.ownerId')
      .innerJoin('accounts', 'accounts.id', 'actionItems.accountId')
      .select([
        'actionItems.id',
        'actionItems.accountId',
        'accounts.name as accountName',
        'accounts.timeZone as accountTimeZone',
        'actionItems.reviewId',
        'actionItems.title',
        'actionItems.description',
        'actionItems.ownerId',
        'owner.displayName as ownerName',
        sql<string>`cast(action_items.due_on as text)`.as('dueOn'),
        'actionItems.status',
        'actionItems.completedAt',
        'actionItems.createdAt',
        'actionItems.updatedAt',
      ]),
    'actionItems.accountId',
    scope,
  );
}

export type ActionItemRow = NonNullable<Awaited<ReturnType<typeof findActionItem>>>;

export function findActionItem(executor: Executor, scope: Scope, accountId: string, id: string) {
  return selectActionItems(executor, scope)
    .where('actionItems.accountId', '=', accountId)
    .where('actionItems.id', '=', id)
    .executeTakeFirst();
}

export function listActionItems(
  executor: Executor,
  scope: Scope,
  accountId: string | null,
  filter: ActionItemFilter,
  page: After<[dueOn: string, id: string]>,
) {
  let query = selectActionItems(executor, scope);
  if (accountId) query = query.where('actionItems.accountId', '=', accountId);
  if (filter.status) query = query.where('actionItems.status', '=', filter.status);
  if (filter.ownerId) query = query.where('actionItems.ownerId', '=', filter.ownerId);
  if (filter.reviewId) query = query.where('actionItems.reviewId', '=', filter.reviewId);
  if (filter.dueBefore) {
    query = query
      .where('actionItems.status', 'in', liveStatuses)
      .where('actionItems.dueOn', '<', filter.dueBefore);
  }
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('actionItems.dueOn', 'actionItems.id'), '>', eb.tuple(...after)),
    );
  }
  return query
    .orderBy('actionItems.dueOn')
    .orderBy('actionItems.id')
    .limit(page.limit + 1)
    .execute();
}

/** Every unfinished item of one owner, across accounts (the owner's own list). */
export function listLiveActionItemsOf(executor: Executor, ownerId: string, page: After<[string, string]>) {
  let query = selectActionItems(executor, { kind: 'all' })
    .where('actionItems.ownerId', '=', ownerId)
    .where('actionItems.status', 'in', liveStatuses);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('actionItems.dueOn', 'actionItems.id'), '>', eb.tuple(...after)),
    );
  }
  return query
    .orderBy('actionItems.dueOn')
    .orderBy('actionItems.id')
    .limit(page.limit + 1)
    .execute();
}

export function lockActionItem(tx: Tx, accountId: string, id: string) {
  return selectActionItems(tx, { kind: 'all' })
    .where('actionItems.accountId', '=', accountId)
    .where('actionItems.id', '=', id)
    .forUpdate('actionItems')
    .executeTakeFirst();
}

export function insertActionItem(
  tx: Tx,
  values: ActionItemValues & { accountId: string; createdBy: string | null; createdAt: Date },
) {
  return tables(tx)
    .insertInto('actionItems')
    .values({ ...values, updatedAt: values.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateActionItem(
  tx: Tx,
  accountId: string,
  id: string,
  changes: Partial<ActionItemValues> & { updatedAt: Date },
) {
  return tables(tx)
    .updateTable('actionItems')
    .set(changes)
    .where('accountId', '=', accountId)
    .where('id', '=', id)
    .execute();
}

// Reminders

/** Unfinished items due on or before `dueBy`, with what a reminder needs to say. */
export function listLiveItemsDueBy(executor: Executor, dueBy: string) {
  return selectActionItems(executor, { kind: 'all' })
    .where('actionItems.status', 'in', liveStatuses)
    .where('actionItems.dueOn', '<=', dueBy)
    .orderBy('actionItems.dueOn')
    .orderBy('actionItems.id')
    .execute();
}

/**
 * Records that a reminder goes out; false when it already has (here or on another process). The
 * primary key is the guard: a concurrent insert waits for the first to commit, then does nothing.
 */
export async function claimReminder(
  tx: Tx,
  reminder: {
    accountId: string;
    actionItemId: string;
    kind: 'due_soon' | 'overdue';
    dueOn: string;
    sentAt: Date;
  },
) {
  const inserted = await tables(tx)
    .insertInto('actionItemReminders')
    .values(reminder)
    .onConflict((oc) => oc.doNothing())
    .returning('actionItemId')
    .executeTakeFirst();
  return inserted !== undefined;
}

// Timeline

export function listReviewsForTimeline(executor: Executor, accountId: string) {
  return tables(executor)
    .selectFrom('serviceReviews')
    .select(['id', 'title', 'status', sql<string>`cast(held_on as text)`.as('heldOn'), 'startsAt'])
    .where('accountId', '=', accountId)
    .execute();
}

export function listDecisionsForTimeline(executor: Executor, accountId: string) {
  return tables(executor)
    .selectFrom('governanceDecisions')
    .select(['id', 'text', 'decidedBy', sql<string>`cast(decided_on as text)`.as('decidedOn')])
    .where('accountId', '=', accountId)
    .execute();
}

export function listActionItemsForTimeline(executor: Executor, accountId: string) {
  return tables(executor)
    .selectFrom('actionItems')
    .innerJoin('users as owner', 'owner.id', 'actionItems.ownerId')
    .select([
      'actionItems.id',
      'actionItems.title',
      'owner.displayName as ownerName',
      sql<string>`cast(action_items.due_on as text)`.as('dueOn'),
      'actionItems.createdAt',
      'actionItems.completedAt',
    ])
    .where('actionItems.accountId', '=', accountId)
    .execute();
}
