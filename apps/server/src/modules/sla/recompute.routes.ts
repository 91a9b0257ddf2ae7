import { contextOf, errorResponses, IdParams, Page, type HttpServer } from '../../platform/http/index.ts';
import type { SlaRecomputations } from './recompute.ts';
import {
  RecomputationListQuery,
  RecomputationSchema,
  RequestedRecomputationSchema,
  RequestRecomputationBody,
} from './recompute.schemas.ts';

/** SLA recomputation runs: their progress (staff), and a manual run (admins, account managers). */
export function recomputeRoutes(service: SlaRecomputations) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/sla/recomputations',
      {
        schema: {
          tags: ['sla'],
          summary: 'SLA recomputation runs, newest first, with their progress',
          querystring: RecomputationListQuery,
          response: { 200: Page(RecomputationSchema), ...errorResponses },
        },
      },
      (request) =>
        service.list(contextOf(request), { limit: request.query.limit ?? 50, cursor: request.query.cursor }),
    );

    app.get(
      '/api/sla/recomputations/:id',
      {
        schema: {
          tags: ['sla'],
          summary: 'One SLA recomputation run: status, cases in scope and done, percent, clocks written',
          params: IdParams,
          response: { 200: RecomputationSchema, ...errorResponses },
        },
      },
      (request) => service.get(contextOf(request), request.params.id),
    );

    app.post(
      '/api/sla/recomputations',
      {
        schema: {
          tags: ['sla'],
          summary:
            'Recompute the SLA clocks of every open case, or of those on a calendar or of an account, in the background (admins, account managers). A run for the same cases already queued is returned instead of a second one',
          body: RequestRecomputationBody,
          response: { 202: RequestedRecomputationSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await service.requestManual(contextOf(request), request.body)),
    );
  };
}
