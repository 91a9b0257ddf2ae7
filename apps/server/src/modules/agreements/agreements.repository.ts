import { sql, type ColumnType, type Generated } from 'kysely';
import { withModuleTables, type Executor, type Tx } from '../../platform/db/index.ts';
import type { AgreementKind, VendorKind } from '@paydesk/shared';

/**
 * Kysely only: no rules here. Vendors and operational agreements are global staff reference data
 * (no account), so reads take no Scope; the service decides who may read them at all. Teams belong
 * to the identity module and calendars to the calendars module: only a team's name is read here, and
 * both are referenced by foreign keys the service turns into clear errors.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

interface VendorsTable {
  id: Generated<string>;
  name: string;
  kind: VendorKind;
  contactEmail: string | null;
  contactPhone: string | null;
  notes: Generated<string>;
  isActive: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

interface OperationalAgreementsTable {
  id: Generated<string>;
  kind: AgreementKind;
  teamId: string | null;
  vendorId: string | null;
  name: string;
  reference: Generated<string>;
  /** jsonb, written as JSON text; read back as text so no plugin rewrites its keys (P1, firstResponse). */
  policy: ColumnType<unknown, string, string>;
  calendarId: string | null;
  /** Civil dates, always read as text: node-postgres would make a date local midnight. */
  effectiveFrom: string;
  effectiveTo: string | null;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** This module's tables, added to the platform's typed view of the database. */
type AgreementTables = {
  vendors: VendorsTable;
  operationalAgreements: OperationalAgreementsTable;
};

const tables = (executor: Executor) => withModuleTables<AgreementTables>(executor);

/** Page position: the lower-cased name (as the database computes it) and the id of the last row seen. */
export interface NamePage {
  limit: number;
  after?: [sortKey: string, id: string];
}

// Vendors

const vendorColumns = [
  'vendors.id',
  'vendors.name',
  'vendors.kind',
  'vendors.contactEmail',
  'vendors.contactPhone',
  'vendors.notes',
  'vendors.isActive',
  'vendors.createdAt',
  'vendors.updatedAt',
] as const;

export interface VendorRow {
  id: string;
  name: string;
  kind: VendorKind;
  contactEmail: string | null;
  contactPhone: string | null;
  notes: string;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface VendorValues {
  name: string;
  kind: VendorKind;
  contactEmail: string | null;
  contactPhone: string | null;
  notes: string;
  isActive: boolean;
}

export function findVendor(db: Executor, id: string): Promise<VendorRow | undefined> {
  return tables(db)
    .selectFrom('vendors')
    .select(vendorColumns)
    .where('vendors.id', '=', id)
    .executeTakeFirst();
}

export function lockVendor(tx: Tx, id: string): Promise<VendorRow | undefined> {
  return tables(tx)
    .selectFrom('vendors')
    .select(vendorColumns)
    .where('vendors.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Ordered by (lower(name), id), the page key; `sortKey` is lower(name) as the database computes it. */
export function listVendors(
  db: Executor,
  filter: { includeRetired: boolean },
  page: NamePage,
): Promise<Array<VendorRow & { sortKey: string }>> {
  let query = tables(db)
    .selectFrom('vendors')
    .select(vendorColumns)
    .select(sql<string>`lower(vendors.name)`.as('sortKey'));
  if (!filter.includeRetired) query = query.where('vendors.isActive', '=', true);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.tuple(sql<string>`lower(vendors.name)`, eb.ref('vendors.id')), '>', eb.tuple(after[0], after[1])),
    );
  }
  return query
    .orderBy(sql`lower(vendors.name)`)
    .orderBy('vendors.id')
    .limit(page.limit + 1)
    .execute();
}

export function insertVendor(tx: Tx, values: VendorValues & { createdAt: Date }): Promise<VendorRow> {
  return tables(tx)
    .insertInto('vendors')
    .values({ ...values, updatedAt: values.createdAt })
    .returning(vendorColumns)
    .executeTakeFirstOrThrow();
}

export function updateVendor(
  tx: Tx,
  id: string,
  values: Partial<VendorValues> & { updatedAt: Date },
): Promise<VendorRow> {
  return tables(tx)
    .updateTable('vendors')
    .set(values)
    .where('id', '=', id)
    .returning(vendorColumns)
    .executeTakeFirstOrThrow();
}

// Operational agreements

export interface AgreementRow {
  id: string;
  kind: AgreementKind;
  teamId: string | null;
  teamName: string | null;
  vendorId: string | null;
  vendorName: string | null;
  name: string;
  reference: string;
  policy: unknown;
  calendarId: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AgreementValues {
  kind: AgreementKind;
  teamId: string | null;
  vendorId: string | null;
  name: string;
  reference: string;
  policy: unknown;
  calendarId: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface AgreementFilter {
  kind?: AgreementKind;
  teamId?: string;
  vendorId?: string;
}

function selectAgreements(db: Executor) {
  return tables(db)
    .selectFrom('operationalAgreements as oa')
    .leftJoin('teams', 'teams.id', 'oa.teamId')
    .leftJoin('vendors', 'vendors.id', 'oa.vendorId')
    .select((eb) => [
      'oa.id',
      'oa.kind',
      'oa.teamId',
      'teams.name as teamName',
      'oa.vendorId',
      'vendors.name as vendorName',
      'oa.name',
      'oa.reference',
      sql<string>`oa.policy::text`.as('policyJson'),
      'oa.calendarId',
      eb.cast<string>('oa.effectiveFrom', 'text').as('effectiveFrom'),
      eb.cast<string | null>('oa.effectiveTo', 'text').as('effectiveTo'),
      'oa.version',
      'oa.createdBy',
      'oa.createdAt',
      'oa.updatedAt',
    ]);
}

function toAgreement({
  policyJson,
  ...row
}: Omit<AgreementRow, 'policy'> & { policyJson: string }): AgreementRow {
  return { ...row, policy: JSON.parse(policyJson) as unknown };
}

export async function findAgreement(db: Executor, id: string): Promise<AgreementRow | undefined> {
  const row = await selectAgreements(db).where('oa.id', '=', id).executeTakeFirst();
  return row && toAgreement(row);
}

export async function lockAgreement(tx: Tx, id: string): Promise<AgreementRow | undefined> {
  const row = await selectAgreements(tx).where('oa.id', '=', id).forUpdate('oa').executeTakeFirst();
  return row && toAgreement(row);
}

export async function listAgreements(
  db: Executor,
  filter: AgreementFilter,
  page: NamePage,
): Promise<Array<AgreementRow & { sortKey: string }>> {
  let query = selectAgreements(db).select(sql<string>`lower(oa.name)`.as('sortKey'));
  if (filter.kind) query = query.where('oa.kind', '=', filter.kind);
  if (filter.teamId) query = query.where('oa.teamId', '=', filter.teamId);
  if (filter.vendorId) query = query.where('oa.vendorId', '=', filter.vendorId);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.tuple(sql<string>`lower(oa.name)`, eb.ref('oa.id')), '>', eb.tuple(after[0], after[1])),
    );
  }
  const rows = await query
    .orderBy(sql`lower(oa.name)`)
    .orderBy('oa.id')
    .limit(page.limit + 1)
    .execute();
  return rows.map((row) => ({ ...toAgreement(row), sortKey: row.sortKey }));
}

/**
 * The agreements in force on `onDate` (from ≤ date < to) of any of the given teams or vendors; of
 * every team and vendor when neither is given. Conditions are matched by the caller.
 */
export async function listAgreementsInForce(
  db: Executor,
  parties: { teamId?: string | undefined; vendorId?: string | undefined },
  onDate: string,
): Promise<AgreementRow[]> {
  let query = selectAgreements(db)
    .where('oa.effectiveFrom', '<=', onDate)
    .where((eb) => eb.or([eb('oa.effectiveTo', 'is', null), eb('oa.effectiveTo', '>', onDate)]));
  const { teamId, vendorId } = parties;
  if (teamId !== undefined || vendorId !== undefined) {
    query = query.where((eb) =>
      eb.or([
        ...(teamId !== undefined ? [eb('oa.teamId', '=', teamId)] : []),
        ...(vendorId !== undefined ? [eb('oa.vendorId', '=', vendorId)] : []),
      ]),
    );
  }
  const rows = await query
    .orderBy('oa.kind')
    .orderBy(sql`lower(oa.name)`)
    .orderBy('oa.id')
    .execute();
  return rows.map(toAgreement);
}

export async function insertAgreement(
  tx: Tx,
  values: AgreementValues & { createdBy: string | null; createdAt: Date },
): Promise<string> {
  const row = await tables(tx)
    .insertInto('operationalAgreements')
    .values({ ...values, policy: JSON.stringify(values.policy), updatedAt: values.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes the new state and bumps the version; the caller holds the row lock and checked the version. */
export async function updateAgreement(
  tx: Tx,
  id: string,
  values: Partial<AgreementValues> & { updatedAt: Date },
): Promise<void> {
  const { policy, ...rest } = values;
  await tables(tx)
    .updateTable('operationalAgreements')
    .set((eb) => ({
      ...rest,
      ...(policy !== undefined ? { policy: JSON.stringify(policy) } : {}),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function deleteAgreement(tx: Tx, id: string): Promise<void> {
  await tables(tx).deleteFrom('operationalAgreements').where('id', '=', id).execute();
}
