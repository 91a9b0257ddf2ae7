export {
  createNotificationsService,
  type NewNotification,
  type NotificationsService,
} from './notifications.service.ts';
export { notificationsRoutes } from './notifications.routes.ts';
