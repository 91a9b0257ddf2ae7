import { sql, type ColumnType, type Generated, type Insertable, type Updateable } from 'kysely';
import type {
  CaseChannel,
  CaseStatus,
  CaseType,
  ImpactLevel,
  Language,
  MessageVisibility,
  Priority,
} from '@paydesk/shared';
import { inScope, type Scope } from '../../platform/auth/index.ts';
import { withModuleTables, type Executor, type Tx } from '../../platform/db/index.ts';

/**
 * Kysely only: no rules here. Reads of customer data take the actor's Scope. Users, teams, accounts,
 * contacts and services belong to other modules: only their names are read, to show who and what.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;

interface CasesTable {
  accountId: string;
  id: Generated<string>;
  number: ColumnType<string, never, never>;
  subject: string;
  type: CaseType;
  status: Generated<CaseStatus>;
  impact: ImpactLevel;
  urgency: ImpactLevel;
  priority: Priority;
  priorityReason: string | null;
  serviceId: string | null;
  category: Generated<string>;
  channel: CaseChannel;
  contactId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  tier: Generated<number>;
  language: Language;
  tags: Generated<string[]>;
  externalReference: string | null;
  version: Generated<number>;
  nextDueAt: Date | null;
  openedAt: Timestamp;
  resolvedAt: Date | null;
  closedAt: Date | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

interface CaseEventsTable {
  accountId: string;
  caseId: string;
  seq: number;
  type: string;
  at: Timestamp;
  actorId: string | null;
  /** jsonb, written as JSON text; read back as text so no plugin rewrites its keys. */
  data: ColumnType<unknown, string, never>;
}

interface CaseMessagesTable {
  accountId: string;
  caseId: string;
  id: Generated<string>;
  visibility: MessageVisibility;
  authorId: string | null;
  fromCustomer: boolean;
  body: string;
  createdAt: Timestamp;
  /** Set when a merge or a split moved the message here from another case (0010). */
  movedFromCaseId: Generated<string | null>;
  movedBy: Generated<'merge' | 'split' | null>;
}

interface CaseWatchersTable {
  accountId: string;
  caseId: string;
  userId: string;
}

// A type, not an interface: withTables needs an index-compatible record.
export type CaseTables = {
  cases: CasesTable;
  caseEvents: CaseEventsTable;
  caseMessages: CaseMessagesTable;
  caseWatchers: CaseWatchersTable;
};

const tables = (executor: Executor) => withModuleTables<CaseTables>(executor);

const caseColumns = [
  'cases.id',
  'cases.accountId',
  'account.name as accountName',
  'cases.number',
  'cases.subject',
  'cases.type',
  'cases.status',
  'cases.impact',
  'cases.urgency',
  'cases.priority',
  'cases.priorityReason',
  'cases.serviceId',
  'service.code as serviceCode',
  'service.name as serviceName',
  'cases.category',
  'cases.channel',
  'cases.contactId',
  'contact.name as contactName',
  'contact.email as contactEmail',
  'cases.teamId',
  'team.name as teamName',
  'cases.assigneeId',
  'assignee.displayName as assigneeName',
  'cases.tier',
  'cases.language',
  'cases.tags',
  'cases.externalReference',
  'cases.version',
  'cases.nextDueAt',
  'cases.openedAt',
  'cases.resolvedAt',
  'cases.closedAt',
  'cases.createdAt',
  'cases.updatedAt',
] as const;

export function selectCases(executor: Executor, scope: Scope) {
  return inScope(
    tables(executor)
      .selectFrom('cases')
      .innerJoin('accounts as account', 'account.id', 'cases.accountId')
      .leftJoin('services as service', 'service.id', 'cases.serviceId')
      .leftJoin('accountContacts as contact', (join) =>
        join.onRef('contact.accountId', '=', 'cases.accountId').onRef('contact.id', '=', 'cases.contactId'),
      )
      .leftJoin('teams as team', 'team.id', 'cases.teamId')
      .leftJoin('users as assignee', 'assignee.id', 'cases.assigneeId')
      .select(caseColumns),
    'cases.accountId',
    scope,
  );
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function findCase(executor: Executor, scope: Scope, id: string) {
  return selectCases(executor, scope).where('cases.id', '=', id).executeTakeFirst();
}

export function findCaseByNumber(executor: Executor, scope: Scope, number: number) {
  return selectCases(executor, scope).where('cases.number', '=', String(number)).executeTakeFirst();
}

/** Holds the case row until the transaction ends: one writer at a time per case. */
export async function lockCase(tx: Tx, scope: Scope, id: string) {
  const locked = await inScope(tables(tx).selectFrom('cases').select('cases.id'), 'cases.accountId', scope)
    .where('cases.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return locked ? findCase(tx, scope, id) : undefined;
}

export interface CaseFilter {
  accountId?: string;
  teamIds?: string[];
  assigneeId?: string;
  statuses?: CaseStatus[];
  openOnly?: boolean;
  priority?: Priority;
  search?: string;
}

/**
 * The queue order: soonest due first (no SLA due time last), then by number. The page key is
 * (coalesce(next_due_at, 'infinity'), number), the same expression the queue indexes hold.
 */
export function listCases(
  executor: Executor,
  scope: Scope,
  filter: CaseFilter,
  page: { limit: number; after?: [string, string] },
) {
  const dueKey = sql<string>`coalesce(cases.next_due_at, 'infinity'::timestamptz)`;
  let query = selectCases(executor, scope).select(sql<string>`${dueKey}::text`.as('dueKey'));
  if (filter.accountId) query = query.where('cases.accountId', '=', filter.accountId);
  if (filter.teamIds)
    query = query.where('cases.teamId', 'in', filter.teamIds.length ? filter.teamIds : ['']);
  if (filter.assigneeId) query = query.where('cases.assigneeId', '=', filter.assigneeId);
  if (filter.statuses?.length) query = query.where('cases.status', 'in', filter.statuses);
  if (filter.openOnly) query = query.where('cases.status', 'not in', ['resolved', 'closed']);
  if (filter.priority) query = query.where('cases.priority', '=', filter.priority);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('cases.subject', 'ilike', pattern), eb('cases.externalReference', 'ilike', pattern)]),
    );
  }
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(
        eb.tuple(dueKey, eb.ref('cases.number')),
        '>',
        eb.tuple(sql<string>`${after[0]}::timestamptz`, sql<string>`${after[1]}::bigint`),
      ),
    );
  }
  return query
    .orderBy(dueKey)
    .orderBy('cases.number')
    .limit(page.limit + 1)
    .execute();
}

export async function insertCase(
  tx: Tx,
  values: Omit<Insertable<CasesTable>, 'updatedAt'> & { createdAt: Date },
) {
  const row = await tables(tx)
    .insertInto('cases')
    .values({ ...values, updatedAt: values.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type CaseChanges = Omit<Updateable<CasesTable>, 'id' | 'accountId' | 'number' | 'version'>;

/** Writes the new state and bumps the version; the caller holds the row lock. */
export async function updateCase(tx: Tx, id: string, values: CaseChanges & { updatedAt: Date }) {
  await tables(tx)
    .updateTable('cases')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

// Events

export interface NewCaseEvent {
  type: string;
  at: Date;
  actorId: string | null;
  data: Record<string, unknown>;
}

/** Appends events after the case's last one; the caller holds the case's row lock. */
export async function appendEvents(
  tx: Tx,
  key: { accountId: string; caseId: string },
  events: NewCaseEvent[],
) {
  if (events.length === 0) return;
  const last = await tables(tx)
    .selectFrom('caseEvents')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('caseId', '=', key.caseId)
    .where('accountId', '=', key.accountId)
    .executeTakeFirst();
  const start = Number(last?.seq ?? 0);
  await tables(tx)
    .insertInto('caseEvents')
    .values(
      events.map((event, index) => ({
        ...key,
        ...event,
        seq: start + index + 1,
        data: JSON.stringify(event.data),
      })),
    )
    .execute();
}

export async function listEvents(executor: Executor, accountId: string, caseId: string) {
  const rows = await tables(executor)
    .selectFrom('caseEvents')
    .leftJoin('users as actor', 'actor.id', 'caseEvents.actorId')
    .select([
      'caseEvents.seq',
      'caseEvents.type',
      'caseEvents.at',
      'caseEvents.actorId',
      'actor.displayName as actorName',
    ])
    .select(sql<string>`case_events.data::text`.as('dataJson'))
    .where('caseEvents.accountId', '=', accountId)
    .where('caseEvents.caseId', '=', caseId)
    .orderBy('caseEvents.seq')
    .execute();
  return rows.map(({ dataJson, ...row }) => ({
    ...row,
    data: JSON.parse(dataJson) as Record<string, unknown>,
  }));
}
export type CaseEventRow = Awaited<ReturnType<typeof listEvents>>[number];

// Messages

export async function insertMessage(
  tx: Tx,
  values: {
    accountId: string;
    caseId: string;
    visibility: MessageVisibility;
    authorId: string | null;
    fromCustomer: boolean;
    body: string;
    createdAt: Date;
  },
) {
  const row = await tables(tx)
    .insertInto('caseMessages')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listMessages(
  executor: Executor,
  accountId: string,
  caseId: string,
  includeInternal: boolean,
) {
  let query = tables(executor)
    .selectFrom('caseMessages')
    .leftJoin('users as author', 'author.id', 'caseMessages.authorId')
    .leftJoin('cases as movedFrom', 'movedFrom.id', 'caseMessages.movedFromCaseId')
    .select([
      'caseMessages.id',
      'caseMessages.visibility',
      'caseMessages.authorId',
      'author.displayName as authorName',
      'caseMessages.fromCustomer',
      'caseMessages.body',
      'caseMessages.createdAt',
      'caseMessages.movedFromCaseId',
      'caseMessages.movedBy',
      'movedFrom.number as movedFromNumber',
    ])
    .where('caseMessages.accountId', '=', accountId)
    .where('caseMessages.caseId', '=', caseId);
  if (!includeInternal) query = query.where('caseMessages.visibility', '=', 'public');
  return query.orderBy('caseMessages.createdAt').orderBy('caseMessages.id').execute();
}
export type MessageRow = Awaited<ReturnType<typeof listMessages>>[number];

// Watchers

export async function listWatchers(executor: Executor, accountId: string, caseId: string) {
  return tables(executor)
    .selectFrom('caseWatchers')
    .innerJoin('users', 'users.id', 'caseWatchers.userId')
    .select(['users.id', 'users.displayName'])
    .where('caseWatchers.accountId', '=', accountId)
    .where('caseWatchers.caseId', '=', caseId)
    .orderBy('users.displayName')
    .execute();
}

export async function addWatcher(tx: Tx, key: { accountId: string; caseId: string; userId: string }) {
  const inserted = await tables(tx)
    .insertInto('caseWatchers')
    .values(key)
    .onConflict((oc) => oc.doNothing())
    .returning('userId')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function removeWatcher(tx: Tx, key: { accountId: string; caseId: string; userId: string }) {
  const result = await tables(tx)
    .deleteFrom('caseWatchers')
    .where('accountId', '=', key.accountId)
    .where('caseId', '=', key.caseId)
    .where('userId', '=', key.userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// References to other modules' rows, checked before a write names them

export async function findContact(executor: Executor, accountId: string, contactId: string) {
  return executor
    .selectFrom('accountContacts')
    .select(['id', 'language'])
    .where('accountId', '=', accountId)
    .where('id', '=', contactId)
    .executeTakeFirst();
}

export async function findServiceByCode(executor: Executor, code: string) {
  return executor.selectFrom('services').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}

export async function teamExists(executor: Executor, teamId: string) {
  return (
    (await executor.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()) !==
    undefined
  );
}

/** An active staff user (cases are worked by the operator's people). */
export async function findActiveStaff(executor: Executor, userId: string) {
  return executor
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('id', '=', userId)
    .where('accountId', 'is', null)
    .where('isActive', '=', true)
    .executeTakeFirst();
}

export async function findAccount(executor: Executor, scope: Scope, accountId: string) {
  return inScope(
    executor.selectFrom('accounts').select(['accounts.id', 'accounts.defaultLanguage']),
    'accounts.id',
    scope,
  )
    .where('accounts.id', '=', accountId)
    .executeTakeFirst();
}
