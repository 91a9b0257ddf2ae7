import { Type } from 'typebox';
import {
  contextOf,
  errorResponses,
  etag,
  IdParams,
  ProblemRef,
  readIfMatch,
  sendVersionConflict,
  type HttpServer,
} from '../../platform/http/index.ts';
import { CaseConflictSchema, CaseVersionConflict, IfMatchHeaders } from '../cases/index.ts';
import type { EscalationsService } from './escalations.service.ts';
import type { RoutingService } from './routing.service.ts';
import {
  EscalatedSchema,
  EscalationBody,
  EscalationCaseParams,
  EscalationSchema,
  RoutingProfileBody,
  RoutingProfileSchema,
  TeamRoutingBody,
  TeamRoutingSchema,
} from './routing.schemas.ts';

/**
 * Work routing: agents' routing profiles and teams' auto-assignment (admins and team leads), and a
 * case's escalations (staff; an escalation sends If-Match with the case's version like any change).
 */
export function routingRoutes(routing: RoutingService, escalations: EscalationsService) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/users/:id/routing-profile',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['routing'],
          summary: "A staff member's skills, languages, load cap and availability for automatic assignment",
          params: IdParams,
          response: { 200: RoutingProfileSchema, ...errorResponses },
        },
      },
      (request) => routing.getProfile(contextOf(request), request.params.id),
    );

    app.put(
      '/api/users/:id/routing-profile',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['routing'],
          summary: "Set a staff member's routing profile (admins; leads of the member's team)",
          params: IdParams,
          body: RoutingProfileBody,
          response: { 200: RoutingProfileSchema, ...errorResponses },
        },
      },
      (request) => routing.setProfile(contextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/teams/:id/routing',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['routing'],
          summary: "Whether the team's queue assigns itself, and whom it gave a case to last",
          params: IdParams,
          response: { 200: TeamRoutingSchema, ...errorResponses },
        },
      },
      (request) => routing.getTeamRouting(contextOf(request), request.params.id),
    );

    app.put(
      '/api/teams/:id/routing',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['routing'],
          summary: 'Turn automatic assignment on or off for the team (admins; the team’s leads)',
          params: IdParams,
          body: TeamRoutingBody,
          response: { 200: TeamRoutingSchema, ...errorResponses },
        },
      },
      (request) => routing.setTeamRouting(contextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/cases/:id/escalations',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['cases'],
          summary: "The case's escalations, oldest first (staff)",
          params: EscalationCaseParams,
          response: { 200: Type.Object({ items: Type.Array(EscalationSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await escalations.list(contextOf(request), request.params.id) }),
    );

    app.post(
      '/api/cases/:id/escalations',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['cases'],
          summary:
            'Escalate: a tier up (L1 → L2 → L3), to another team or a vendor (functional), or to a manager (hierarchical); If-Match required',
          params: EscalationCaseParams,
          headers: IfMatchHeaders,
          body: EscalationBody,
          response: { 201: EscalatedSchema, ...errorResponses, 409: CaseConflictSchema, 428: ProblemRef },
        },
      },
      async (request, reply) => {
        try {
          const escalated = await escalations.escalate(
            contextOf(request),
            request.params.id,
            readIfMatch(request.headers['if-match'], 'case version'),
            request.body,
          );
          return await reply.code(201).header('etag', etag(escalated.case.version)).send(escalated);
        } catch (error) {
          if (!(error instanceof CaseVersionConflict)) throw error;
          return sendVersionConflict(reply, error, { version: error.current.version, body: error.current });
        }
      },
    );
  };
}
