import { Type } from 'typebox';
import { DateTime, Nullable, PageQuery, StrictObject, Uuid } from '../../platform/http/index.ts';

export const NotificationSchema = Type.Object(
  {
    id: Uuid,
    kind: Type.String(),
    title: Type.String(),
    body: Type.String(),
    link: Nullable(Type.String()),
    entityType: Nullable(Type.String()),
    entityId: Nullable(Uuid),
    createdAt: DateTime,
    readAt: Nullable(DateTime),
  },
  { $id: 'Notification' },
);

export const NotificationPage = Type.Object({
  items: Type.Array(NotificationSchema),
  nextCursor: Nullable(Type.String()),
  unreadCount: Type.Integer({ minimum: 0, description: 'Unread notifications in all, not only this page' }),
});

export const NotificationListQuery = StrictObject({
  ...PageQuery.properties,
  unreadOnly: Type.Optional(Type.Boolean({ default: false })),
});

export const MarkAllReadResult = Type.Object({ marked: Type.Integer({ minimum: 0 }) });
