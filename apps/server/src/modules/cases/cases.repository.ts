import {
  sql,
  type ColumnType,
  type ExpressionBuilder,
  type Generated,
  type Insertable,
  type Updateable,
} from 'kysely';
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
import { withModuleTables, type Database, type Executor, type Tx } from '../../platform/db/index.ts';

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
  openedAt: Timestamp;
  resolvedAt: Date | null;
  closedAt: Date | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/**
 * The queue's order and filters, one narrow row per case (0018): number, team, assignee and openness
 * copied from `cases` by triggers (never written here), the due time and the at-risk and breach
 * instants written by the SLA engine.
 */
interface CaseQueueTable {
  accountId: ColumnType<string, never, never>;
  caseId: ColumnType<string, never, never>;
  number: ColumnType<string, never, never>;
  teamId: ColumnType<string | null, never, never>;
  assigneeId: ColumnType<string | null, never, never>;
  open: ColumnType<boolean, never, never>;
  nextDueAt: ColumnType<Date | null, never, Date | null>;
  slaAtRiskAt: ColumnType<Date | null, never, Date | null>;
  slaBreachAt: ColumnType<Date | null, never, Date | null>;
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
  caseQueue: CaseQueueTable;
  caseEvents: CaseEventsTable;
  caseMessages: CaseMessagesTable;
  caseWatchers: CaseWatchersTable;
};

const tables = (executor: Executor) => withModuleTables<CaseTables>(executor);

/**
 * A case with the names it shows. The names are scalar subqueries, not joins, for the planner's sake:
 * PostgreSQL spent ≈ 2 ms planning the six-way join (cases, accounts, services, contacts, teams, users)
 * against ≈ 0.4 ms running it, on every request, as queries are not prepared; subqueries in the select
 * list are planned one by one (≈ 0.3 ms in all) and run only for the rows returned, after the LIMIT.
 * The queue row (`queue`, one per case) is joined: it holds the due time, and the queue's filters.
 */
export function selectCases(executor: Executor, scope: Scope) {
  return inScope(
    tables(executor)
      .selectFrom('cases')
      .innerJoin('caseQueue as queue', (join) =>
        join.onRef('queue.accountId', '=', 'cases.accountId').onRef('queue.caseId', '=', 'cases.id'),
      )
      .select((eb) => [
        'cases.id',
        'cases.accountId',
        eb
          .selectFrom('accounts')
          .select('accounts.name')
          .whereRef('accounts.id', '=', 'cases.accountId')
          .$narrowType<{ name: string }>()
          .as('accountName'),
        'cases.number',
        'cases.subject',
        'cases.type',
        'cases.status',
        'cases.impact',
        'cases.urgency',
        'cases.priority',
        'cases.priorityReason',
        'cases.serviceId',
        eb
          .selectFrom('services')
          .select('services.code')
          .whereRef('services.id', '=', 'cases.serviceId')
          .as('serviceCode'),
        eb
          .selectFrom('services')
          .select('services.name')
          .whereRef('services.id', '=', 'cases.serviceId')
          .as('serviceName'),
        'cases.category',
        'cases.channel',
        'cases.contactId',
        contactField(eb, 'name').as('contactName'),
        contactField(eb, 'email').as('contactEmail'),
        'cases.teamId',
        eb.selectFrom('teams').select('teams.name').whereRef('teams.id', '=', 'cases.teamId').as('teamName'),
        'cases.assigneeId',
        eb
          .selectFrom('users')
          .select('users.displayName')
          .whereRef('users.id', '=', 'cases.assigneeId')
          .as('assigneeName'),
        'cases.tier',
        'cases.language',
        'cases.tags',
        'cases.externalReference',
        'cases.version',
        'queue.nextDueAt',
        'cases.openedAt',
        'cases.resolvedAt',
        'cases.closedAt',
        'cases.createdAt',
        'cases.updatedAt',
      ]),
    'cases.accountId',
    scope,
  );
}

type CaseExpressions = ExpressionBuilder<Database & CaseTables, 'cases'>;

function contactField(eb: CaseExpressions, field: 'name' | 'email') {
  return eb
    .selectFrom('accountContacts')
    .select(`accountContacts.${field}`)
    .whereRef('accountContacts.accountId', '=', 'cases.accountId')
    .whereRef('accountContacts.id', '=', 'cases.contactId');
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

/** A case's event as a replay reads it: no actor, no sequence number (the order is the list's). */
export type HistoryRow = Pick<CaseEventRow, 'type' | 'at' | 'data'>;

/**
 * Many cases' events of the given types, by case id, each case's in the order they were appended:
 * one statement for a batch of cases instead of one per case (a recomputation run).
 */
export async function listHistories(
  executor: Executor,
  keys: Array<{ accountId: string; caseId: string }>,
  types: readonly string[],
): Promise<Map<string, HistoryRow[]>> {
  const histories = new Map<string, HistoryRow[]>();
  if (keys.length === 0) return histories;
  const { rows } = await sql<{ caseId: string; type: string; at: Date; dataJson: string }>`
    select e.case_id, e.type, e.at, e.data::text as data_json
    from unnest(${sql.val(keys.map((key) => key.accountId))}::uuid[],
      ${sql.val(keys.map((key) => key.caseId))}::uuid[]) as b(account_id, case_id)
    join case_events e on e.account_id = b.account_id and e.case_id = b.case_id
    where e.type = any(${sql.val(types)}::text[])
    order by e.account_id, e.case_id, e.seq`.execute(executor);
  for (const row of rows) {
    let history = histories.get(row.caseId);
    if (!history) histories.set(row.caseId, (history = []));
    history.push({ type: row.type, at: row.at, data: JSON.parse(row.dataJson) as Record<string, unknown> });
  }
  return histories;
}

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
      // Staff have no account: a customer's message with a staff author was entered on their behalf.
      'author.accountId as authorAccountId',
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

/** The account's contact with the user's e-mail address, if the account has one. */
export async function findContactOfUser(executor: Executor, accountId: string, userId: string) {
  const contact = await executor
    .selectFrom('accountContacts as contact')
    .innerJoin('users', 'users.email', 'contact.email')
    .select('contact.id')
    .where('contact.accountId', '=', accountId)
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return contact?.id;
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

/** The team's active staff members, leads first, then by name: who may take its cases. */
export function listTeamStaff(executor: Executor, teamId: string) {
  return executor
    .selectFrom('teamMembers')
    .innerJoin('users', 'users.id', 'teamMembers.userId')
    .select(['users.id', 'users.displayName', 'teamMembers.isLead'])
    .where('teamMembers.teamId', '=', teamId)
    .where('users.accountId', 'is', null)
    .where('users.isActive', '=', true)
    .orderBy('teamMembers.isLead', 'desc')
    .orderBy('users.displayName')
    .orderBy('users.id')
    .execute();
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
