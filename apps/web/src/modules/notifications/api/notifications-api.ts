import { apiRequest } from '../../../app/http/api-client.ts';
import type { AppNotification, NotificationPage } from './notifications-types.ts';

export function fetchRecentNotifications(limit: number, signal?: AbortSignal): Promise<NotificationPage> {
  return apiRequest<NotificationPage>('/api/notifications', {
    query: { limit },
    ...(signal ? { signal } : {}),
  });
}

export function markNotificationRead(id: string): Promise<AppNotification> {
  return apiRequest<AppNotification>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<{ marked: number }> {
  return apiRequest<{ marked: number }>('/api/notifications/read-all', { method: 'POST' });
}
