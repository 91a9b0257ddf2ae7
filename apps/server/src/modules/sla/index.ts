/**
 * The SLA engine: which policies govern a case (customer contract, owner team's OLA, vendor
 * underpinning contract), its clocks stored and kept current on every case change, the queue's next
 * due time, warnings and breaches fired exactly once by a scheduled check (event, notifications,
 * breach actions, contract penalty), and every clock's explanation. The clock maths is the pure
 * `sla-clocks` module.
 */
export { createSlaEngine, type CheckPayload, type Notify, type SlaEngine } from './sla-engine.ts';
export { slaRoutes } from './sla.routes.ts';
export type { SlaTables } from './sla.repository.ts';
export { createSlaRecomputations, type SlaRecomputations } from './recompute.ts';
export { recomputeRoutes } from './recompute.routes.ts';
export type { RecomputeTables } from './recompute.repository.ts';
