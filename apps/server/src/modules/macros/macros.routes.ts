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
import {
  AppliedSchema,
  ApplyParams,
  CreateMacroBody,
  MacroListQuery,
  MacroSchema,
  PreviewSchema,
  UpdateMacroBody,
} from './macros.schemas.ts';
import type { MacrosService } from './macros.service.ts';

const tags = ['macros'];

/**
 * Macros (staff only): CRUD under /api/macros; preview and apply on a case. Applying sends If-Match
 * with the case's version, as any change to a case does (none: 428; stale: 409 with the case as it
 * now is), and answers with the case after the change and the posted message.
 */
export function macrosRoutes(service: MacrosService) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/macros',
      {
        schema: {
          tags,
          summary: 'The macros you may use: your own, your teams’ and everyone’s, by name',
          querystring: MacroListQuery,
          response: { 200: Type.Object({ items: Type.Array(MacroSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await service.list(contextOf(request), request.query) }),
    );

    app.post(
      '/api/macros',
      {
        schema: {
          tags,
          summary: 'Create a macro; unknown {{variables}} are refused',
          body: CreateMacroBody,
          response: { 201: MacroSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await service.create(contextOf(request), request.body)),
    );

    app.get(
      '/api/macros/:id',
      {
        schema: {
          tags,
          summary: 'One macro',
          params: IdParams,
          response: { 200: MacroSchema, ...errorResponses },
        },
      },
      async (request) => service.get(contextOf(request), request.params.id),
    );

    app.patch(
      '/api/macros/:id',
      {
        schema: {
          tags,
          summary: 'Change a macro (its author, or an administrator for a shared one)',
          params: IdParams,
          body: UpdateMacroBody,
          response: { 200: MacroSchema, ...errorResponses },
        },
      },
      async (request) => service.update(contextOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/macros/:id',
      {
        schema: {
          tags,
          summary: 'Delete a macro (its author, or an administrator for a shared one)',
          params: IdParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.remove(contextOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/cases/:id/macros/:macroId/preview',
      {
        schema: {
          tags,
          summary: 'The reply a macro would post on the case, and the fields it would set; changes nothing',
          params: ApplyParams,
          response: { 200: PreviewSchema, ...errorResponses },
        },
      },
      async (request) => service.preview(contextOf(request), request.params.id, request.params.macroId),
    );

    app.post(
      '/api/cases/:id/macros/:macroId/apply',
      {
        schema: {
          tags,
          summary: "Post the macro's reply and apply its field actions in one transaction; If-Match required",
          params: ApplyParams,
          headers: IfMatchHeaders,
          response: { 200: AppliedSchema, ...errorResponses, 409: CaseConflictSchema, 428: ProblemRef },
        },
      },
      async (request, reply) => {
        try {
          const applied = await service.apply(
            contextOf(request),
            request.params.id,
            request.params.macroId,
            readIfMatch(request.headers['if-match'], 'case version'),
          );
          return await reply.header('etag', etag(applied.case.version)).send(applied);
        } catch (error) {
          if (!(error instanceof CaseVersionConflict)) throw error;
          return sendVersionConflict(reply, error, { version: error.current.version, body: error.current });
        }
      },
    );
  };
}
