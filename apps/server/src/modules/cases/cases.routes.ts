import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  contextOf,
  errorResponses,
  etag,
  Page,
  ProblemRef,
  readIfMatch,
  sendVersionConflict,
  type HttpServer,
} from '../../platform/http/index.ts';
import {
  AssigneesSchema,
  CaseConflictSchema,
  CaseListQuery,
  CaseParams,
  CaseSchema,
  CreateCaseBody,
  CreateMessageBody,
  EventSchema,
  IfMatchHeaders,
  MessageSchema,
  QueueCountsQuery,
  QueueCountsSchema,
  UpdateCaseBody,
  WatchBody,
} from './cases.schemas.ts';
import { CaseVersionConflict, type CasesService, type CaseView } from './cases.service.ts';
import { caseLinksRoutes } from './links.routes.ts';
import { caseSearchRoutes } from './search.routes.ts';

const tags = ['cases'];

/**
 * Cases, their conversation and timeline. A case is addressed by id or by number (PD-100001).
 * Changes send If-Match with the version (none: 428; stale: 409 CASE_VERSION_CONFLICT with the
 * case as it now is); a status move the graph does not have is 409 CASE_TRANSITION_FORBIDDEN naming
 * the allowed ones.
 */
export function casesRoutes(service: CasesService) {
  return async function register(app: HttpServer) {
    async function versioned(reply: FastifyReply, work: () => Promise<CaseView>, code = 200) {
      try {
        const view = await work();
        return await reply.code(code).header('etag', etag(view.version)).send(view);
      } catch (error) {
        if (!(error instanceof CaseVersionConflict)) throw error;
        return sendVersionConflict(reply, error, { version: error.current.version, body: error.current });
      }
    }

    app.get(
      '/api/cases',
      {
        schema: {
          tags,
          summary: 'Cases in queue order: soonest SLA due time first (customers: their own account)',
          querystring: CaseListQuery,
          response: { 200: Page(CaseSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, ...filter } = request.query;
        return service.list(contextOf(request), { limit: limit ?? 50, ...filter });
      },
    );

    app.get(
      '/api/cases/counts',
      {
        schema: {
          tags,
          summary: "A view's open cases, and how many of them are at risk or breached now (staff)",
          querystring: QueueCountsQuery,
          response: { 200: QueueCountsSchema, ...errorResponses },
        },
      },
      async (request) => service.counts(contextOf(request), request.query),
    );

    app.post(
      '/api/cases',
      {
        schema: {
          tags,
          summary: 'Open a case; the description is its first message',
          body: CreateCaseBody,
          response: { 201: CaseSchema, ...errorResponses },
        },
      },
      (request, reply) => versioned(reply, () => service.create(contextOf(request), request.body), 201),
    );

    app.get(
      '/api/cases/:id',
      {
        schema: {
          tags,
          summary: 'One case, by id or number; its version is the ETag',
          params: CaseParams,
          response: { 200: CaseSchema, ...errorResponses },
        },
      },
      (request, reply) => versioned(reply, () => service.get(contextOf(request), request.params.id)),
    );

    app.patch(
      '/api/cases/:id',
      {
        schema: {
          tags,
          summary: 'Change status, priority, assignment or fields; If-Match required',
          params: CaseParams,
          headers: IfMatchHeaders,
          body: UpdateCaseBody,
          response: { 200: CaseSchema, ...errorResponses, 409: CaseConflictSchema, 428: ProblemRef },
        },
      },
      (request, reply) =>
        versioned(reply, () =>
          service.update(
            contextOf(request),
            request.params.id,
            readIfMatch(request.headers['if-match'], 'case version'),
            request.body,
          ),
        ),
    );

    app.get(
      '/api/cases/:id/messages',
      {
        schema: {
          tags,
          summary: 'The conversation, oldest first (customers: public replies only)',
          params: CaseParams,
          response: { 200: Type.Object({ items: Type.Array(MessageSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await service.messages(contextOf(request), request.params.id) }),
    );

    app.post(
      '/api/cases/:id/messages',
      {
        schema: {
          tags,
          summary: 'Reply (public) or add an internal note; a reply may reopen the case (within the window)',
          params: CaseParams,
          body: CreateMessageBody,
          response: { 201: MessageSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.addMessage(contextOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/cases/:id/timeline',
      {
        schema: {
          tags,
          summary: 'Everything that happened to the case, oldest first (customers: the public story)',
          params: CaseParams,
          response: { 200: Type.Object({ items: Type.Array(EventSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await service.timeline(contextOf(request), request.params.id) }),
    );

    app.get(
      '/api/cases/:id/assignees',
      {
        schema: {
          tags,
          summary: "Who may own the case: its team's active staff (leads first) and you (staff)",
          params: CaseParams,
          response: { 200: AssigneesSchema, ...errorResponses },
        },
      },
      (request) => service.assignees(contextOf(request), request.params.id),
    );

    app.post(
      '/api/cases/:id/watchers',
      {
        schema: {
          tags,
          summary: 'Start or stop a staff member watching the case',
          params: CaseParams,
          body: WatchBody,
          response: {
            200: Type.Object({
              items: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({
        items: await service.watch(
          contextOf(request),
          request.params.id,
          request.body.userId,
          request.body.watching,
        ),
      }),
    );

    await app.register(caseLinksRoutes(service.links, service.merging));
    await app.register(caseSearchRoutes(service.search));
  };
}
