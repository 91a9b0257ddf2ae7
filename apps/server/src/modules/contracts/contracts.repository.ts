import { sql, type ColumnType, type ExpressionBuilder, type Generated } from 'kysely';
import type { ChangeRequestStatus, ContractStatus } from '@paydesk/shared';
import { inScope, type Scope } from '../../platform/auth/index.ts';
import { withModuleTables, type Database, type Executor, type Tx } from '../../platform/db/index.ts';

/**
 * Kysely only: no rules here. Reads of customer data take the actor's Scope even where the service
 * already checked the account. Users and accounts belong to other modules: only a user's display
 * name and an account's name and time zone are read here (to show who is who, and to know what
 * "today" is for a contract).
 *
 * Dates are cast to text: node-postgres would read a `date` as local midnight. Terms (jsonb) are read
 * as text so that the CamelCasePlugin does not rewrite their keys.
 */

// This module's tables (a type, not an interface: withTables needs an index-compatible record).
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface ContractsTable {
  accountId: string;
  id: Generated<string>;
  reference: string;
  status: Generated<'draft' | 'active' | 'amended' | 'renewed' | 'expired' | 'terminated'>;
  ownerId: string | null;
  latestVersion: Generated<number>;
  revision: Generated<number>;
  title: string;
  /** Calendar dates: queries cast them to text ('YYYY-MM-DD'), as for subscriptions. */
  startDate: ColumnType<Date, string, string>;
  endDate: ColumnType<Date | null, string | null, string | null>;
  activatedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Date;
}

export interface ContractVersionsTable {
  accountId: string;
  contractId: string;
  version: number;
  kind: 'original' | 'amendment' | 'renewal';
  effectiveFrom: ColumnType<Date, string, string>;
  summary: Generated<string>;
  /** jsonb, written as JSON text; read back as text so no plugin rewrites its keys. */
  terms: ColumnType<unknown, string, string>;
  changeRequestId: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface ContractVersionCalendarsTable {
  accountId: string;
  contractId: string;
  version: number;
  calendarId: string;
}

export interface ContractDocumentsTable {
  accountId: string;
  contractId: string;
  id: Generated<string>;
  fileName: string;
  contentType: string;
  sizeBytes: ColumnType<string, number | bigint, never>;
  sha256: string;
  version: number | null;
  uploadedBy: string | null;
  createdAt: CreatedAt;
}

export interface ContractChangeRequestsTable {
  accountId: string;
  contractId: string;
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  status: Generated<'requested' | 'approved' | 'rejected' | 'implemented' | 'withdrawn'>;
  requestedBy: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: Generated<string>;
  implementedVersion: number | null;
  createdAt: CreatedAt;
  updatedAt: Date;
}

export interface ContractRenewalRemindersTable {
  accountId: string;
  contractId: string;
  endDate: ColumnType<Date, string, string>;
  daysBefore: 90 | 60 | 30;
  sentAt: Date;
}

export type ContractTables = {
  contracts: ContractsTable;
  contractVersions: ContractVersionsTable;
  contractVersionCalendars: ContractVersionCalendarsTable;
  contractDocuments: ContractDocumentsTable;
  contractChangeRequests: ContractChangeRequestsTable;
  contractRenewalReminders: ContractRenewalRemindersTable;
};

const tables = (executor: Executor) => withModuleTables<ContractTables>(executor);

type Db = ExpressionBuilder<Database & ContractTables, 'contracts'>;

/** A `YYYY-MM-DD` parameter compared with a date column (and so able to use its index). */
function civilDate(date: string) {
  return sql<Date>`cast(${date} as date)`;
}

const contractColumns = [
  'contracts.id',
  'contracts.accountId',
  'account.name as accountName',
  'account.timeZone as accountTimeZone',
  'contracts.reference',
  'contracts.status',
  'contracts.title',
  'contracts.ownerId',
  'owner.displayName as ownerName',
  'contracts.latestVersion',
  'contracts.revision',
  'contracts.activatedAt',
  'contracts.endedAt',
  'contracts.endReason',
  'contracts.createdAt',
  'contracts.updatedAt',
] as const;

function dateColumns(eb: Db) {
  return [
    eb.cast<string>('contracts.startDate', 'text').as('startDate'),
    eb.cast<string | null>('contracts.endDate', 'text').as('endDate'),
  ];
}

function selectContracts(db: Executor, scope: Scope) {
  return inScope(
    tables(db)
      .selectFrom('contracts')
      .innerJoin('accounts as account', 'account.id', 'contracts.accountId')
      .leftJoin('users as owner', 'owner.id', 'contracts.ownerId')
      .select(contractColumns)
      .select(dateColumns),
    'contracts.accountId',
    scope,
  );
}

export type ContractRow = NonNullable<Awaited<ReturnType<typeof findContract>>>;

export function findContract(db: Executor, scope: Scope, id: string) {
  return selectContracts(db, scope).where('contracts.id', '=', id).executeTakeFirst();
}

/** Holds the contract row until the transaction ends: one writer at a time per contract. */
export async function lockContract(tx: Tx, scope: Scope, id: string) {
  const locked = await inScope(
    tables(tx).selectFrom('contracts').select('contracts.id'),
    'contracts.accountId',
    scope,
  )
    .where('contracts.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return locked ? findContract(tx, scope, id) : undefined;
}

export interface ContractFilter {
  accountId?: string;
  status?: ContractStatus;
  search?: string;
  endingBefore?: string;
  /** Customers never see drafts. */
  excludeDrafts: boolean;
}

/** Newest first, paged by (created instant, id). */
export async function listContracts(
  db: Executor,
  scope: Scope,
  filter: ContractFilter,
  page: { limit: number; after?: [Date, string] },
) {
  let query = selectContracts(db, scope);
  if (filter.accountId) query = query.where('contracts.accountId', '=', filter.accountId);
  if (filter.status) query = query.where('contracts.status', '=', filter.status);
  if (filter.excludeDrafts) query = query.where('contracts.status', '<>', 'draft');
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('contracts.reference', 'ilike', pattern), eb('contracts.title', 'ilike', pattern)]),
    );
  }
  if (filter.endingBefore) {
    query = query
      .where('contracts.status', 'in', ['active', 'amended', 'renewed'])
      .where('contracts.endDate', '<=', civilDate(filter.endingBefore));
  }
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.tuple(eb.ref('contracts.createdAt'), eb.ref('contracts.id')), '<', eb.tuple(after[0], after[1])),
    );
  }
  return query
    .orderBy('contracts.createdAt', 'desc')
    .orderBy('contracts.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

export interface ContractValues {
  reference: string;
  ownerId: string | null;
  title: string;
  startDate: string;
  endDate: string | null;
}

export async function insertContract(
  tx: Tx,
  values: ContractValues & { accountId: string; createdBy: string | null; createdAt: Date },
) {
  const row = await tables(tx)
    .insertInto('contracts')
    .values({ ...values, updatedAt: values.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every change bumps the revision: the ETag clients send back in If-Match. */
export async function updateContract(
  tx: Tx,
  id: string,
  values: Partial<ContractValues> & {
    status?: ContractStatus;
    latestVersion?: number;
    activatedAt?: Date;
    endedAt?: Date;
    endReason?: string | null;
    updatedAt: Date;
  },
) {
  await tables(tx)
    .updateTable('contracts')
    .set((eb) => ({ ...values, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteContract(tx: Tx, id: string) {
  await tables(tx).deleteFrom('contracts').where('id', '=', id).execute();
}

// Versions

const versionColumns = [
  'contractVersions.version',
  'contractVersions.kind',
  'contractVersions.summary',
  'contractVersions.changeRequestId',
  'contractVersions.createdBy',
  'author.displayName as createdByName',
  'contractVersions.createdAt',
] as const;

function selectVersions(db: Executor, contractId: string) {
  return tables(db)
    .selectFrom('contractVersions')
    .leftJoin('users as author', 'author.id', 'contractVersions.createdBy')
    .select(versionColumns)
    .select((eb) => eb.cast<string>('contractVersions.effectiveFrom', 'text').as('effectiveFrom'))
    .where('contractVersions.contractId', '=', contractId);
}

export type VersionSummaryRow = Awaited<ReturnType<typeof listVersions>>[number];
export interface VersionRow extends VersionSummaryRow {
  terms: unknown;
}

export function listVersions(db: Executor, contractId: string) {
  return selectVersions(db, contractId).orderBy('contractVersions.version', 'asc').execute();
}

export async function findVersion(db: Executor, contractId: string, version: number) {
  const row = await selectVersions(db, contractId)
    .select(sql<string>`contract_versions.terms::text`.as('termsJson'))
    .where('contractVersions.version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  const { termsJson, ...rest } = row;
  return { ...rest, terms: JSON.parse(termsJson) as unknown } satisfies VersionRow;
}

export async function insertVersion(
  tx: Tx,
  values: {
    accountId: string;
    contractId: string;
    version: number;
    kind: 'original' | 'amendment' | 'renewal';
    effectiveFrom: string;
    summary: string;
    terms: unknown;
    calendarIds: string[];
    changeRequestId: string | null;
    createdBy: string | null;
    createdAt: Date;
  },
) {
  const { calendarIds, terms, ...version } = values;
  await tables(tx)
    .insertInto('contractVersions')
    .values({ ...version, terms: JSON.stringify(terms) })
    .execute();
  const { accountId, contractId, version: number } = values;
  await writeVersionCalendars(tx, { accountId, contractId, version: number }, calendarIds);
}

/** Only a draft's single version is ever rewritten; every later version is immutable. */
export async function replaceDraftVersion(
  tx: Tx,
  key: { accountId: string; contractId: string },
  values: { effectiveFrom: string; terms: unknown; calendarIds: string[] },
) {
  await tables(tx)
    .updateTable('contractVersions')
    .set({ effectiveFrom: values.effectiveFrom, terms: JSON.stringify(values.terms) })
    .where('contractId', '=', key.contractId)
    .where('version', '=', 1)
    .execute();
  await tables(tx)
    .deleteFrom('contractVersionCalendars')
    .where('contractId', '=', key.contractId)
    .where('version', '=', 1)
    .execute();
  await writeVersionCalendars(tx, { ...key, version: 1 }, values.calendarIds);
}

async function writeVersionCalendars(
  tx: Tx,
  key: { accountId: string; contractId: string; version: number },
  calendarIds: string[],
) {
  if (calendarIds.length === 0) return;
  await tables(tx)
    .insertInto('contractVersionCalendars')
    .values(calendarIds.map((calendarId) => ({ ...key, calendarId })))
    .execute();
}

/** The names of the calendars that exist among `ids` (a missing one is simply absent). */
export async function calendarNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tables(db)
    .selectFrom('businessCalendars')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function activeServiceCodes(db: Executor) {
  const rows = await tables(db).selectFrom('services').select('code').where('isActive', '=', true).execute();
  return new Set(rows.map((row) => row.code));
}

/** Staff users who may own a contract (customers never do). */
export async function findStaffUser(db: Executor, id: string) {
  return tables(db)
    .selectFrom('users')
    .select(['id', 'role'])
    .where('id', '=', id)
    .where('accountId', 'is', null)
    .executeTakeFirst();
}

// Scans for the lifecycle job

/** Contracts in force whose end date is on or before `until` (the widest account-local "today + 90"). */
export function contractsEndingBy(db: Executor, until: string) {
  return tables(db)
    .selectFrom('contracts')
    .innerJoin('accounts as account', 'account.id', 'contracts.accountId')
    .select([
      'contracts.id',
      'contracts.accountId',
      'contracts.reference',
      'contracts.title',
      'contracts.ownerId',
      'account.ownerId as accountOwnerId',
      'account.name as accountName',
      'account.timeZone as accountTimeZone',
    ])
    .select((eb) => eb.cast<string>('contracts.endDate', 'text').as('endDate'))
    .where('contracts.status', 'in', ['active', 'amended', 'renewed'])
    .where('contracts.endDate', 'is not', null)
    .where('contracts.endDate', '<=', civilDate(until))
    .orderBy('contracts.endDate')
    .execute();
}

/** Claims a reminder; true only for the one caller that inserted it. */
export async function claimRenewalReminder(
  tx: Tx,
  reminder: {
    accountId: string;
    contractId: string;
    endDate: string;
    daysBefore: 90 | 60 | 30;
    sentAt: Date;
  },
) {
  const inserted = await tables(tx)
    .insertInto('contractRenewalReminders')
    .values(reminder)
    .onConflict((oc) => oc.doNothing())
    .returning('contractId')
    .executeTakeFirst();
  return inserted !== undefined;
}

// Documents

const documentColumns = [
  'contractDocuments.id',
  'contractDocuments.contractId',
  'contractDocuments.fileName',
  'contractDocuments.contentType',
  'contractDocuments.sizeBytes',
  'contractDocuments.sha256',
  'contractDocuments.version',
  'contractDocuments.uploadedBy',
  'uploader.displayName as uploadedByName',
  'contractDocuments.createdAt',
] as const;

function selectDocuments(db: Executor, contractId: string) {
  return tables(db)
    .selectFrom('contractDocuments')
    .leftJoin('users as uploader', 'uploader.id', 'contractDocuments.uploadedBy')
    .select(documentColumns)
    .where('contractDocuments.contractId', '=', contractId);
}

export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

export function listDocuments(db: Executor, contractId: string) {
  return selectDocuments(db, contractId)
    .orderBy('contractDocuments.createdAt', 'desc')
    .orderBy('contractDocuments.id')
    .execute();
}

export function findDocument(db: Executor, contractId: string, id: string) {
  return selectDocuments(db, contractId).where('contractDocuments.id', '=', id).executeTakeFirst();
}

export async function insertDocument(
  tx: Tx,
  values: {
    accountId: string;
    contractId: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    version: number | null;
    uploadedBy: string | null;
    createdAt: Date;
  },
) {
  const row = await tables(tx)
    .insertInto('contractDocuments')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteDocument(tx: Tx, contractId: string, id: string) {
  await tables(tx)
    .deleteFrom('contractDocuments')
    .where('contractId', '=', contractId)
    .where('id', '=', id)
    .execute();
}

// Change requests

const changeRequestColumns = [
  'contractChangeRequests.id',
  'contractChangeRequests.contractId',
  'contractChangeRequests.title',
  'contractChangeRequests.description',
  'contractChangeRequests.status',
  'contractChangeRequests.requestedBy',
  'requester.displayName as requestedByName',
  'contractChangeRequests.decidedBy',
  'decider.displayName as decidedByName',
  'contractChangeRequests.decidedAt',
  'contractChangeRequests.decisionNote',
  'contractChangeRequests.implementedVersion',
  'contractChangeRequests.createdAt',
  'contractChangeRequests.updatedAt',
] as const;

function selectChangeRequests(db: Executor, contractId: string) {
  return tables(db)
    .selectFrom('contractChangeRequests')
    .innerJoin('users as requester', 'requester.id', 'contractChangeRequests.requestedBy')
    .leftJoin('users as decider', 'decider.id', 'contractChangeRequests.decidedBy')
    .select(changeRequestColumns)
    .where('contractChangeRequests.contractId', '=', contractId);
}

export type ChangeRequestRow = NonNullable<Awaited<ReturnType<typeof findChangeRequest>>>;

export function listChangeRequests(db: Executor, contractId: string) {
  return selectChangeRequests(db, contractId)
    .orderBy('contractChangeRequests.createdAt', 'desc')
    .orderBy('contractChangeRequests.id')
    .execute();
}

export function findChangeRequest(db: Executor, contractId: string, id: string) {
  return selectChangeRequests(db, contractId).where('contractChangeRequests.id', '=', id).executeTakeFirst();
}

export async function lockChangeRequest(tx: Tx, contractId: string, id: string) {
  await tables(tx)
    .selectFrom('contractChangeRequests')
    .select('id')
    .where('contractId', '=', contractId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return findChangeRequest(tx, contractId, id);
}

export async function insertChangeRequest(
  tx: Tx,
  values: {
    accountId: string;
    contractId: string;
    title: string;
    description: string;
    requestedBy: string;
    createdAt: Date;
  },
) {
  const row = await tables(tx)
    .insertInto('contractChangeRequests')
    .values({ ...values, updatedAt: values.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateChangeRequest(
  tx: Tx,
  contractId: string,
  id: string,
  values: {
    status: ChangeRequestStatus;
    decidedBy?: string | null;
    decidedAt?: Date;
    decisionNote?: string;
    implementedVersion?: number;
    updatedAt: Date;
  },
) {
  await tables(tx)
    .updateTable('contractChangeRequests')
    .set(values)
    .where('contractId', '=', contractId)
    .where('id', '=', id)
    .execute();
}

// Timeline

/** The versions of an account's contracts that are past drafting, for the governance timeline. */
export function listVersionHistory(db: Executor, accountId: string) {
  return tables(db)
    .selectFrom('contractVersions')
    .innerJoin('contracts', (join) =>
      join
        .onRef('contracts.accountId', '=', 'contractVersions.accountId')
        .onRef('contracts.id', '=', 'contractVersions.contractId'),
    )
    .select([
      'contracts.id',
      'contracts.reference',
      'contracts.status',
      'contracts.activatedAt',
      'contracts.endedAt',
      'contracts.endReason',
      'contractVersions.version',
      'contractVersions.kind',
      'contractVersions.summary',
    ])
    .select((eb) => [
      eb.cast<string>('contractVersions.effectiveFrom', 'text').as('effectiveFrom'),
      sql<string>`contract_versions.terms->>'title'`.as('title'),
    ])
    .where('contractVersions.accountId', '=', accountId)
    .where('contracts.status', '<>', 'draft')
    .execute();
}
