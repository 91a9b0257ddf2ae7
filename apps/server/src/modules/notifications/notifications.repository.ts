import type { ColumnType, Generated } from 'kysely';
import { withModuleTables, type Executor } from '../../platform/db/index.ts';

/**
 * Kysely only: no rules here. Every read and write names the user: a notification is only ever
 * reached through its owner.
 */

export interface NotificationsTable {
  userId: string;
  id: Generated<string>;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
  readAt: Date | null;
}

// A type, not an interface: withTables needs an index-compatible record.
type NotificationTables = { notifications: NotificationsTable };
const tables = (executor: Executor) => withModuleTables<NotificationTables>(executor);

const columns = [
  'id',
  'kind',
  'title',
  'body',
  'link',
  'entityType',
  'entityId',
  'createdAt',
  'readAt',
] as const;

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

export interface NotificationValues {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: Date;
}

export function insertNotification(executor: Executor, values: NotificationValues) {
  return tables(executor)
    .insertInto('notifications')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function listNotifications(
  executor: Executor,
  userId: string,
  filter: { unreadOnly: boolean },
  page: { limit: number; after?: [Date, string] },
) {
  let query = tables(executor).selectFrom('notifications').select(columns).where('userId', '=', userId);
  if (filter.unreadOnly) query = query.where('readAt', 'is', null);
  const after = page.after;
  if (after) query = query.where((eb) => eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(...after)));
  return query
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

export async function countUnread(executor: Executor, userId: string) {
  const row = await tables(executor)
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function findNotification(executor: Executor, userId: string, id: string) {
  return tables(executor)
    .selectFrom('notifications')
    .select(columns)
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks read once: an already read notification keeps the moment it was first read. */
export function markRead(executor: Executor, userId: string, id: string, at: Date) {
  return tables(executor)
    .updateTable('notifications')
    .set({ readAt: at })
    .where('userId', '=', userId)
    .where('id', '=', id)
    .where('readAt', 'is', null)
    .execute();
}

export async function markAllRead(executor: Executor, userId: string, at: Date) {
  const result = await tables(executor)
    .updateTable('notifications')
    .set({ readAt: at })
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
