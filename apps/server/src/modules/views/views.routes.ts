import { Type } from 'typebox';
import { contextOf, errorResponses, IdParams, type HttpServer } from '../../platform/http/index.ts';
import type { BulkActions } from './bulk-actions.ts';
import {
  BulkBody,
  BulkResultSchema,
  CreateViewBody,
  OrderBody,
  UpdateViewBody,
  ViewSchema,
} from './views.schemas.ts';
import type { ViewsService } from './views.service.ts';

const tags = ['views'];
const ViewList = Type.Object({ items: Type.Array(ViewSchema) });

/** Saved views of the case queue and bulk actions on cases (staff only). */
export function viewsRoutes(service: ViewsService, bulk: BulkActions) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/views',
      {
        schema: {
          tags,
          summary: 'Your saved views and your teams’, in your order',
          response: { 200: ViewList, ...errorResponses },
        },
      },
      async (request) => ({ items: await service.list(contextOf(request)) }),
    );

    app.post(
      '/api/views',
      {
        schema: {
          tags,
          summary: 'Save a view: named queue filters, personal or shared with a team (teamId)',
          body: CreateViewBody,
          response: { 201: ViewSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await service.create(contextOf(request), request.body)),
    );

    app.put(
      '/api/views/order',
      {
        schema: {
          tags,
          summary: 'Set your order of the views you see',
          body: OrderBody,
          response: { 200: ViewList, ...errorResponses },
        },
      },
      async (request) => ({ items: await service.order(contextOf(request), request.body.viewIds) }),
    );

    app.get(
      '/api/views/:id',
      {
        schema: {
          tags,
          summary: 'One saved view',
          params: IdParams,
          response: { 200: ViewSchema, ...errorResponses },
        },
      },
      async (request) => service.get(contextOf(request), request.params.id),
    );

    app.patch(
      '/api/views/:id',
      {
        schema: {
          tags,
          summary: 'Change a saved view (its owner, or an administrator for a shared one)',
          params: IdParams,
          body: UpdateViewBody,
          response: { 200: ViewSchema, ...errorResponses },
        },
      },
      async (request) => service.update(contextOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/views/:id',
      {
        schema: {
          tags,
          summary: 'Delete a saved view (its owner, or an administrator for a shared one)',
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
      '/api/cases/bulk',
      {
        schema: {
          tags: ['cases'],
          summary:
            'One change to up to 200 cases (by ids or a saved view), each at its current version; a result per case',
          body: BulkBody,
          response: { 200: BulkResultSchema, ...errorResponses },
        },
      },
      async (request) => bulk.apply(contextOf(request), request.body),
    );
  };
}
