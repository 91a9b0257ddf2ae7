import { sql, type ColumnType, type Generated } from 'kysely';
import type { Language, MessageVisibility } from '@paydesk/shared';
import { withModuleTables, type Executor } from '../../platform/db/index.ts';
import type { FieldActionsInput, MacroSharing } from './field-actions.ts';

/**
 * Kysely only: no rules here. Users and teams belong to the identity module: only their names and
 * memberships are read, to show who owns a macro and whom it is shared with.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb, written as JSON text; read back as text so no plugin rewrites its keys (language codes). */
type Json = ColumnType<string, string, string>;

interface MacrosTable {
  id: Generated<string>;
  name: string;
  ownerId: string;
  sharing: MacroSharing;
  teamId: string | null;
  bodies: Json;
  visibility: MessageVisibility;
  actions: Json;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type MacroTables = { macros: MacrosTable };

const tables = (executor: Executor) => withModuleTables<MacroTables>(executor);

function selectMacros(executor: Executor) {
  return tables(executor)
    .selectFrom('macros')
    .innerJoin('users as owner', 'owner.id', 'macros.ownerId')
    .leftJoin('teams as team', 'team.id', 'macros.teamId')
    .select([
      'macros.id',
      'macros.name',
      'macros.ownerId',
      'owner.displayName as ownerName',
      'macros.sharing',
      'macros.teamId',
      'team.name as teamName',
      sql<string>`macros.bodies::text`.as('bodies'),
      'macros.visibility',
      sql<string>`macros.actions::text`.as('actions'),
      'macros.createdAt',
      'macros.updatedAt',
    ]);
}

/** Macros a staff member may use: their own, their teams', everyone's. */
function visibleTo(executor: Executor, userId: string) {
  return selectMacros(executor).where((eb) =>
    eb.or([
      eb.and([eb('macros.sharing', '=', 'personal'), eb('macros.ownerId', '=', userId)]),
      eb('macros.sharing', '=', 'everyone'),
      eb.and([
        eb('macros.sharing', '=', 'team'),
        eb(
          'macros.teamId',
          'in',
          eb.selectFrom('teamMembers').select('teamMembers.teamId').where('teamMembers.userId', '=', userId),
        ),
      ]),
    ]),
  );
}

export function listVisibleMacros(executor: Executor, userId: string, search?: string) {
  let query = visibleTo(executor, userId);
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('macros.name', 'ilike', pattern), eb(sql`macros.bodies::text`, 'ilike', pattern)]),
    );
  }
  return query
    .orderBy(sql`lower(macros.name)`)
    .orderBy('macros.id')
    .execute();
}

export type MacroRow = NonNullable<Awaited<ReturnType<typeof findVisibleMacro>>>;

export function findVisibleMacro(executor: Executor, userId: string, id: string) {
  return visibleTo(executor, userId).where('macros.id', '=', id).executeTakeFirst();
}

export interface MacroValues {
  name: string;
  sharing: MacroSharing;
  teamId: string | null;
  bodies: Partial<Record<Language, string>>;
  visibility: MessageVisibility;
  actions: FieldActionsInput;
}

export async function insertMacro(executor: Executor, ownerId: string, values: MacroValues, now: Date) {
  const row = await tables(executor)
    .insertInto('macros')
    .values({
      ...values,
      bodies: JSON.stringify(values.bodies),
      actions: JSON.stringify(values.actions),
      ownerId,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMacro(executor: Executor, id: string, values: MacroValues, now: Date) {
  await tables(executor)
    .updateTable('macros')
    .set({
      ...values,
      bodies: JSON.stringify(values.bodies),
      actions: JSON.stringify(values.actions),
      updatedAt: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteMacro(executor: Executor, id: string) {
  await tables(executor).deleteFrom('macros').where('id', '=', id).execute();
}

export async function displayNameOf(executor: Executor, userId: string) {
  const row = await executor
    .selectFrom('users')
    .select('displayName')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.displayName ?? '';
}

export async function teamExists(executor: Executor, teamId: string) {
  const row = await executor.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  return row !== undefined;
}

export async function isTeamMember(executor: Executor, teamId: string, userId: string) {
  const row = await executor
    .selectFrom('teamMembers')
    .select('teamId')
    .where('teamId', '=', teamId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Cases are worked by the operator's active people, never by a customer's user. */
export async function isActiveStaff(executor: Executor, userId: string) {
  const row = await executor
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('accountId', 'is', null)
    .where('isActive', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}
