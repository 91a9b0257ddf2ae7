import { contextOf, errorResponses, IdParams, type HttpServer } from '../../platform/http/index.ts';
import type { NotificationRow } from './notifications.repository.ts';
import type { NotificationsService } from './notifications.service.ts';
import {
  MarkAllReadResult,
  NotificationListQuery,
  NotificationPage,
  NotificationSchema,
} from './notifications.schemas.ts';

/** The signed-in user's own notifications: nobody reads or marks anyone else's. */
export function notificationsRoutes(service: NotificationsService) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/notifications',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['notifications'],
          summary: 'Your notifications, newest first, with the number unread',
          querystring: NotificationListQuery,
          response: { 200: NotificationPage, ...errorResponses },
        },
      },
      async (request) => {
        const { limit, ...rest } = request.query;
        const page = await service.list(contextOf(request), { limit: limit ?? 50, ...rest });
        return { ...page, items: page.items.map(toWire) };
      },
    );

    app.post(
      '/api/notifications/:id/read',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['notifications'],
          summary: 'Mark one of your notifications read',
          params: IdParams,
          response: { 200: NotificationSchema, ...errorResponses },
        },
      },
      async (request) => toWire(await service.markRead(contextOf(request), request.params.id)),
    );

    app.post(
      '/api/notifications/read-all',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['notifications'],
          summary: 'Mark all your notifications read',
          response: { 200: MarkAllReadResult, ...errorResponses },
        },
      },
      async (request) => service.markAllRead(contextOf(request)),
    );
  };
}

function toWire(row: NotificationRow) {
  return { ...row, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null };
}
