import { Type } from 'typebox';
import {
  contextOf,
  errorResponses,
  etag,
  ProblemRef,
  readIfMatch,
  sendVersionConflict,
  type HttpServer,
} from '../../platform/http/index.ts';
import { CaseConflictSchema, CaseParams, CaseSchema, IfMatchHeaders } from './cases.schemas.ts';
import { CaseVersionConflict } from './cases.service.ts';
import type { createCaseLinks } from './links.ts';
import {
  CreateLinkBody,
  LinkParams,
  LinkSchema,
  MergeBody,
  MergeResult,
  SplitBody,
} from './links.schemas.ts';
import type { createCaseMerge } from './merge.ts';

const tags = ['cases'];

/**
 * Links between cases of one account, merge and split. Another account's case is not found (404
 * CASE_NOT_FOUND), exactly as a case that does not exist; a link that would break the hierarchy or
 * repeat one is 409 CASE_LINK_CONFLICT; a merge names the merged-away case's version (If-Match).
 */
export function caseLinksRoutes(
  links: ReturnType<typeof createCaseLinks>,
  merging: ReturnType<typeof createCaseMerge>,
) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/cases/:id/links',
      {
        schema: {
          tags,
          summary: "The case's parent, children, duplicates, related and merged cases",
          params: CaseParams,
          response: { 200: Type.Object({ items: Type.Array(LinkSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await links.list(contextOf(request), request.params.id) }),
    );

    app.post(
      '/api/cases/:id/links',
      {
        schema: {
          tags,
          summary: 'Link another case of the same account (by caseId or caseNumber)',
          params: CaseParams,
          body: CreateLinkBody,
          response: { 201: LinkSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await links.add(contextOf(request), request.params.id, request.body)),
    );

    app.delete(
      '/api/cases/:id/links/:linkId',
      {
        schema: {
          tags,
          summary: 'Remove a link (both cases record it); a merge cannot be undone',
          params: LinkParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await links.remove(contextOf(request), request.params.id, request.params.linkId);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/cases/:id/merge',
      {
        schema: {
          tags,
          summary:
            'Merge this case into another: its messages, attachments and watchers move there, and it closes; If-Match required',
          params: CaseParams,
          headers: IfMatchHeaders,
          body: MergeBody,
          response: { 200: MergeResult, ...errorResponses, 409: CaseConflictSchema, 428: ProblemRef },
        },
      },
      async (request, reply) => {
        try {
          return await merging.merge(
            contextOf(request),
            request.params.id,
            readIfMatch(request.headers['if-match'], 'case version'),
            request.body,
          );
        } catch (error) {
          if (!(error instanceof CaseVersionConflict)) throw error;
          return sendVersionConflict(reply, error, { version: error.current.version, body: error.current });
        }
      },
    );

    app.post(
      '/api/cases/:id/split',
      {
        schema: {
          tags,
          summary: 'Move some messages to a new child case on the same account',
          params: CaseParams,
          body: SplitBody,
          response: { 201: CaseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = await merging.split(contextOf(request), request.params.id, request.body);
        return reply.code(201).header('etag', etag(created.version)).send(created);
      },
    );
  };
}
