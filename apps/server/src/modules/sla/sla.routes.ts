import { contextOf, errorResponses, type HttpServer } from '../../platform/http/index.ts';
import type { SlaEngine } from './sla-engine.ts';
import { CaseSlaParams, CaseSlaSchema } from './sla.schemas.ts';

/** A case's SLA clocks, each explaining its due time. */
export function slaRoutes(engine: SlaEngine) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/cases/:id/sla',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['cases'],
          summary:
            "The case's SLA clocks as of now, with the windows, holidays and pauses behind each due time (customers: their contract's clocks only)",
          params: CaseSlaParams,
          response: { 200: CaseSlaSchema, ...errorResponses },
        },
      },
      (request) => engine.explain(contextOf(request), request.params.id),
    );
  };
}
