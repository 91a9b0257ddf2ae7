import { sql, type ColumnType, type Generated } from 'kysely';
import { withModuleTables, type Executor, type Tx } from '../../platform/db/index.ts';

/**
 * Kysely only: no rules here. Users and teams belong to the identity module: only their names and
 * memberships are read.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;

interface SavedViewsTable {
  id: Generated<string>;
  name: string;
  ownerId: string;
  teamId: string | null;
  /** jsonb, written as JSON text; read back as text so no plugin rewrites its keys. */
  filters: ColumnType<string, string, string>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

interface SavedViewPositionsTable {
  userId: string;
  viewId: string;
  position: number;
}

export type ViewTables = { savedViews: SavedViewsTable; savedViewPositions: SavedViewPositionsTable };

const tables = (executor: Executor) => withModuleTables<ViewTables>(executor);

/** The views a staff member sees — their own and their teams' — in their order, then by name. */
function visibleTo(executor: Executor, userId: string) {
  return tables(executor)
    .selectFrom('savedViews as view')
    .innerJoin('users as owner', 'owner.id', 'view.ownerId')
    .leftJoin('teams as team', 'team.id', 'view.teamId')
    .leftJoin('savedViewPositions as place', (join) =>
      join.onRef('place.viewId', '=', 'view.id').on('place.userId', '=', userId),
    )
    .select([
      'view.id',
      'view.name',
      'view.ownerId',
      'owner.displayName as ownerName',
      'view.teamId',
      'team.name as teamName',
      sql<string>`view.filters::text`.as('filters'),
      'place.position',
      'view.createdAt',
      'view.updatedAt',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('view.teamId', 'is', null), eb('view.ownerId', '=', userId)]),
        eb(
          'view.teamId',
          'in',
          eb.selectFrom('teamMembers').select('teamMembers.teamId').where('teamMembers.userId', '=', userId),
        ),
      ]),
    );
}

export function listVisibleViews(executor: Executor, userId: string) {
  return visibleTo(executor, userId)
    .orderBy(sql`place.position`, (ob) => ob.asc().nullsLast())
    .orderBy(sql`lower(view.name)`)
    .orderBy('view.id')
    .execute();
}

export type ViewRow = NonNullable<Awaited<ReturnType<typeof findVisibleView>>>;

export function findVisibleView(executor: Executor, userId: string, id: string) {
  return visibleTo(executor, userId).where('view.id', '=', id).executeTakeFirst();
}

export interface ViewValues {
  name: string;
  teamId: string | null;
  filters: Record<string, unknown>;
}

export async function insertView(executor: Executor, ownerId: string, values: ViewValues, now: Date) {
  const row = await tables(executor)
    .insertInto('savedViews')
    .values({ ...values, filters: JSON.stringify(values.filters), ownerId, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateView(executor: Executor, id: string, values: ViewValues, now: Date) {
  await tables(executor)
    .updateTable('savedViews')
    .set({ ...values, filters: JSON.stringify(values.filters), updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteView(executor: Executor, id: string) {
  await tables(executor).deleteFrom('savedViews').where('id', '=', id).execute();
}

/** Replaces the user's order with this one. */
export async function setPositions(tx: Tx, userId: string, viewIds: string[]) {
  await tables(tx).deleteFrom('savedViewPositions').where('userId', '=', userId).execute();
  if (viewIds.length === 0) return;
  await tables(tx)
    .insertInto('savedViewPositions')
    .values(viewIds.map((viewId, position) => ({ userId, viewId, position })))
    .execute();
}
