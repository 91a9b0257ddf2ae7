// The notifications module's public surface: the bell in the header with the signed-in person's notifications.
export type { AppNotification } from './api/notifications-types.ts';
export { notificationsKeys } from './api/notifications-keys.ts';
export { NotificationsBell } from './components/notifications-bell.tsx';
