import type { RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/index.ts';
import * as repo from './notifications.repository.ts';

/** What another module says when it tells a user something. */
export interface NewNotification {
  userId: string;
  /** A stable handle (`action_item.due_soon`) the web picks an icon by. */
  kind: string;
  /** English text, shown as stored. */
  title: string;
  body: string;
  /** A path inside the web app, such as `/accounts/<id>?tab=governance`. */
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
}

/**
 * In-app notifications: each belongs to one user, who alone lists them and marks them read.
 * `notify` takes the caller's transaction, so a notification exists exactly when the change it
 * announces does.
 *
 * Marking read is not audited: it changes only the reader's own inbox, not anything of record.
 */
export function createNotificationsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    // A property, not a method: other modules are handed `notify` on its own.
    notify: async (executor: Executor, input: NewNotification) => {
      if (input.link != null && !/^\/[^/]/.test(input.link)) {
        throw new Error(`a notification link is a path inside the app, got ${JSON.stringify(input.link)}`);
      }
      return repo.insertNotification(executor, {
        userId: input.userId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        link: input.link ?? null,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        createdAt: clock.now(),
      });
    },

    async list(
      ctx: RequestContext,
      query: { limit: number; cursor?: string | undefined; unreadOnly?: boolean | undefined },
    ) {
      const userId = ctx.actor.userId;
      const after = decodeInstantCursor(query.cursor);
      const rows = await repo.listNotifications(
        db,
        userId,
        { unreadOnly: query.unreadOnly ?? false },
        { limit: query.limit, ...(after ? { after } : {}) },
      );
      const page = toPage(rows, query.limit, (n) => [n.createdAt.toISOString(), n.id]);
      return { ...page, unreadCount: await repo.countUnread(db, userId) };
    },

    async markRead(ctx: RequestContext, id: string) {
      const userId = ctx.actor.userId;
      await repo.markRead(db, userId, id, clock.now());
      const notification = await repo.findNotification(db, userId, id);
      // Another user's notification is simply not there: existence is not disclosed.
      if (!notification) throw new AppError('NOTIFICATION_NOT_FOUND', 'No such notification');
      return notification;
    },

    async markAllRead(ctx: RequestContext) {
      return { marked: await repo.markAllRead(db, ctx.actor.userId, clock.now()) };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;

function decodeInstantCursor(cursor: string | undefined): [Date, string] | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const at = new Date(String(key[0]));
  if (Number.isNaN(at.getTime())) {
    throw new AppError('PAGINATION_CURSOR_INVALID', 'The cursor is not one this endpoint issued');
  }
  return [at, String(key[1])];
}
