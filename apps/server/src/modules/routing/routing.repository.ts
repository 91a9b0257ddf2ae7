import { type ColumnType, type Generated } from 'kysely';
import type { CaseStatus, CaseType, Language } from '@paydesk/shared';
import { withModuleTables, type Executor, type Tx } from '../../platform/db/index.ts';

/**
 * Kysely only: no rules here. Users, teams, vendors and services belong to other modules and cases
 * to the cases module: they are only read here (who is in a team, how many open cases an agent
 * holds), except the case's vendor columns, which this module's migration added and escalations set.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;

interface AgentRoutingProfilesTable {
  userId: string;
  serviceCodes: string[];
  caseTypes: CaseType[];
  languages: Language[];
  loadCap: number;
  isAvailable: boolean;
  updatedAt: Timestamp;
}

interface TeamRoutingTable {
  teamId: string;
  autoAssign: boolean;
  lastAssignedUserId: string | null;
  lastAssignedAt: Date | null;
  updatedAt: Timestamp;
}

interface CaseEscalationsTable {
  accountId: string;
  caseId: string;
  id: Generated<string>;
  seq: ColumnType<string, never, never>;
  kind: EscalationKind;
  fromTier: number;
  toTier: number;
  fromTeamId: string | null;
  toTeamId: string | null;
  vendorId: string | null;
  externalReference: string | null;
  managerId: string | null;
  notifiedUserIds: string[];
  reason: string;
  escalatedAt: Timestamp;
  escalatedBy: string | null;
}

/** The columns of `cases` this module reads or writes (the rest is the cases module's). */
interface CasesRoutingColumns {
  id: string;
  accountId: string;
  assigneeId: string | null;
  status: CaseStatus;
  vendorId: string | null;
  vendorReference: string | null;
}

/** The columns of the cases module's `case_queue` (0018) this module reads: an agent's open cases. */
interface CaseQueueRoutingColumns {
  assigneeId: string | null;
  open: boolean;
}

interface VendorsColumns {
  id: string;
  name: string;
  isActive: boolean;
}

export type EscalationKind = 'tier' | 'functional' | 'hierarchical';

// A type, not an interface: withTables needs an index-compatible record.
export type RoutingTables = {
  agentRoutingProfiles: AgentRoutingProfilesTable;
  teamRouting: TeamRoutingTable;
  caseEscalations: CaseEscalationsTable;
  cases: CasesRoutingColumns;
  caseQueue: CaseQueueRoutingColumns;
  vendors: VendorsColumns;
};

const tables = (executor: Executor) => withModuleTables<RoutingTables>(executor);

// Profiles

export type ProfileValues = Omit<AgentRoutingProfilesTable, 'userId' | 'updatedAt'>;

export function findProfile(executor: Executor, userId: string) {
  return tables(executor)
    .selectFrom('agentRoutingProfiles')
    .selectAll()
    .where('userId', '=', userId)
    .executeTakeFirst();
}

export async function upsertProfile(tx: Tx, userId: string, values: ProfileValues, now: Date) {
  await tables(tx)
    .insertInto('agentRoutingProfiles')
    .values({ userId, ...values, updatedAt: now })
    .onConflict((oc) => oc.column('userId').doUpdateSet({ ...values, updatedAt: now }))
    .execute();
}

/** A staff user (customers are never routed work), active or not. */
export function findStaffUser(executor: Executor, userId: string) {
  return executor
    .selectFrom('users')
    .select(['id', 'displayName', 'language', 'isActive'])
    .where('id', '=', userId)
    .where('accountId', 'is', null)
    .executeTakeFirst();
}

export async function teamsLedBy(executor: Executor, userId: string) {
  const rows = await executor
    .selectFrom('teamMembers')
    .select('teamId')
    .where('userId', '=', userId)
    .where('isLead', '=', true)
    .execute();
  return rows.map((row) => row.teamId);
}

export async function teamsOf(executor: Executor, userId: string) {
  const rows = await executor
    .selectFrom('teamMembers')
    .select('teamId')
    .where('userId', '=', userId)
    .execute();
  return rows.map((row) => row.teamId);
}

export function findTeam(executor: Executor, teamId: string) {
  return executor.selectFrom('teams').select(['id', 'name']).where('id', '=', teamId).executeTakeFirst();
}

export async function unknownServiceCodes(executor: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  const found = await executor.selectFrom('services').select('code').where('code', 'in', codes).execute();
  const known = new Set(found.map((row) => row.code));
  return codes.filter((code) => !known.has(code));
}

export function findServiceCode(executor: Executor, serviceId: string) {
  return executor.selectFrom('services').select('code').where('id', '=', serviceId).executeTakeFirst();
}

export function findActiveVendor(executor: Executor, vendorId: string) {
  return tables(executor)
    .selectFrom('vendors')
    .select(['id', 'name'])
    .where('id', '=', vendorId)
    .where('isActive', '=', true)
    .executeTakeFirst();
}

/** Open (not resolved or closed) cases assigned to each of these users: their load. */
export async function openLoads(executor: Executor, userIds: string[]) {
  const loads = new Map<string, number>(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return loads;
  const rows = await tables(executor)
    .selectFrom('caseQueue')
    .select(['assigneeId', (eb) => eb.fn.countAll<string>().as('open')])
    .where('assigneeId', 'in', userIds)
    .where('open', '=', true)
    .groupBy('assigneeId')
    .execute();
  for (const row of rows) loads.set(row.assigneeId!, Number(row.open));
  return loads;
}

// Teams

export function findTeamRouting(executor: Executor, teamId: string) {
  return tables(executor)
    .selectFrom('teamRouting')
    .leftJoin('users as last', 'last.id', 'teamRouting.lastAssignedUserId')
    .select([
      'teamRouting.teamId',
      'teamRouting.autoAssign',
      'teamRouting.lastAssignedUserId',
      'last.displayName as lastAssignedName',
      'teamRouting.lastAssignedAt',
    ])
    .where('teamRouting.teamId', '=', teamId)
    .executeTakeFirst();
}

/** Holds the team's routing row (its round-robin cursor) until the transaction ends. */
export function lockTeamRouting(tx: Tx, teamId: string) {
  return tables(tx)
    .selectFrom('teamRouting')
    .select(['autoAssign', 'lastAssignedUserId'])
    .where('teamId', '=', teamId)
    .forUpdate()
    .executeTakeFirst();
}

export async function upsertTeamRouting(tx: Tx, teamId: string, autoAssign: boolean, now: Date) {
  await tables(tx)
    .insertInto('teamRouting')
    .values({ teamId, autoAssign, updatedAt: now })
    .onConflict((oc) => oc.column('teamId').doUpdateSet({ autoAssign, updatedAt: now }))
    .execute();
}

export async function moveCursor(tx: Tx, teamId: string, userId: string, at: Date) {
  await tables(tx)
    .updateTable('teamRouting')
    .set({ lastAssignedUserId: userId, lastAssignedAt: at })
    .where('teamId', '=', teamId)
    .execute();
}

/** The team's active staff members with their routing profile (none: not routed to), by id. */
export function teamMembersWithProfiles(executor: Executor, teamId: string) {
  return tables(executor)
    .selectFrom('teamMembers')
    .innerJoin('users', 'users.id', 'teamMembers.userId')
    .leftJoin('agentRoutingProfiles as profile', 'profile.userId', 'users.id')
    .select([
      'users.id',
      'users.tier',
      'profile.userId as profileUserId',
      'profile.serviceCodes',
      'profile.caseTypes',
      'profile.languages',
      'profile.loadCap',
      'profile.isAvailable',
    ])
    .where('teamMembers.teamId', '=', teamId)
    .where('users.isActive', '=', true)
    .where('users.accountId', 'is', null)
    .orderBy('users.id')
    .execute();
}

/**
 * Holds the profiles of the team's members until the transaction ends, so their load cannot change
 * under an assignment (an agent may sit in several teams). Locked in id order: two routers, of the
 * same team or of two teams sharing agents, never deadlock.
 */
export async function lockMemberProfiles(tx: Tx, teamId: string) {
  await tables(tx)
    .selectFrom('agentRoutingProfiles')
    .select('userId')
    .where('userId', 'in', (eb) =>
      eb.selectFrom('teamMembers').select('teamMembers.userId').where('teamMembers.teamId', '=', teamId),
    )
    .orderBy('userId')
    .forUpdate()
    .execute();
}

// Escalations

export async function insertEscalation(
  tx: Tx,
  values: Omit<CaseEscalationsTable, 'id' | 'seq' | 'escalatedAt'> & { escalatedAt: Date },
) {
  const row = await tables(tx)
    .insertInto('caseEscalations')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listEscalations(executor: Executor, accountId: string, caseId: string) {
  return tables(executor)
    .selectFrom('caseEscalations as e')
    .leftJoin('teams as fromTeam', 'fromTeam.id', 'e.fromTeamId')
    .leftJoin('teams as toTeam', 'toTeam.id', 'e.toTeamId')
    .leftJoin('vendors as vendor', 'vendor.id', 'e.vendorId')
    .leftJoin('users as manager', 'manager.id', 'e.managerId')
    .leftJoin('users as by', 'by.id', 'e.escalatedBy')
    .select([
      'e.id',
      'e.kind',
      'e.fromTier',
      'e.toTier',
      'e.fromTeamId',
      'fromTeam.name as fromTeamName',
      'e.toTeamId',
      'toTeam.name as toTeamName',
      'e.vendorId',
      'vendor.name as vendorName',
      'e.externalReference',
      'e.managerId',
      'manager.displayName as managerName',
      'e.notifiedUserIds',
      'e.reason',
      'e.escalatedAt',
      'e.escalatedBy',
      'by.displayName as escalatedByName',
    ])
    .where('e.accountId', '=', accountId)
    .where('e.caseId', '=', caseId)
    .orderBy('e.seq')
    .execute();
}
export type EscalationRow = Awaited<ReturnType<typeof listEscalations>>[number];

/** Points the case at the vendor it is escalated to; the caller's change holds the case. */
export async function setCaseVendor(tx: Tx, caseId: string, vendorId: string, reference: string) {
  await tables(tx)
    .updateTable('cases')
    .set({ vendorId, vendorReference: reference })
    .where('id', '=', caseId)
    .execute();
}
