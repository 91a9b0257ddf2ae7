/**
 * Saved views of the case queue (personal or shared with a team, in each user's order) and bulk
 * actions on cases, applied case by case through the cases service.
 */
export { createViewsService, type ViewsService } from './views.service.ts';
export { createBulkActions, type BulkActions } from './bulk-actions.ts';
export { viewsRoutes } from './views.routes.ts';
export type { ViewTables } from './views.repository.ts';
