/**
 * Work routing: agents' routing profiles and teams' automatic assignment (round robin among the
 * available agents with the case's language and a matching skill, under their load cap), handed to
 * the cases service as its `router`; and escalations (tier, functional to a team or vendor,
 * hierarchical to a manager) with their history.
 */
export { createCaseRouter } from './case-router.ts';
export { createEscalationsService, type EscalationsService } from './escalations.service.ts';
export { createRoutingService, type RoutingService } from './routing.service.ts';
export { routingRoutes } from './routing.routes.ts';
export type { RoutingTables } from './routing.repository.ts';
