import { Type } from 'typebox';
import {
  contextOf,
  etag,
  errorResponses,
  IdParams,
  Page,
  readIfMatch,
  sendVersionConflict,
  type HttpServer,
} from '../../platform/http/index.ts';
import {
  CalendarListQuery,
  CalendarSchema,
  CreateCalendarBody,
  IfMatchHeaders,
  ImportHolidaysBody,
  ImportHolidaysResult,
  PreviewDueBody,
  PreviewDueResult,
  PreviewElapsedBody,
  PreviewElapsedResult,
  ReplaceCalendarBody,
  VersionConflictSchema,
} from './calendars.schemas.ts';
import { CalendarVersionConflict, type CalendarRow, type CalendarsService } from './calendars.service.ts';

/**
 * Business calendars and the SLA preview on them. Updates are optimistic: GET gives the version as
 * an ETag, PUT must send it back in If-Match (none: 428 PRECONDITION_REQUIRED; stale: 409
 * CALENDAR_VERSION_CONFLICT with the current calendar in `current`).
 */
export function calendarsRoutes(service: CalendarsService) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/calendars',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Business calendars, by name',
          querystring: CalendarListQuery,
          response: { 200: Page(CalendarSchema), ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.list(contextOf(request), {
          limit: request.query.limit ?? 50,
          cursor: request.query.cursor,
        });
        return { items: page.items.map(present), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/api/calendars/:id',
      {
        schema: {
          tags: ['calendars'],
          summary: 'One business calendar; its version is the ETag',
          params: IdParams,
          response: { 200: CalendarSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const calendar = await service.get(contextOf(request), request.params.id);
        return reply.header('etag', etagOf(calendar)).send(present(calendar));
      },
    );

    app.post(
      '/api/calendars',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Create a business calendar (admins, account managers, service-level analysts)',
          body: CreateCalendarBody,
          response: { 201: CalendarSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const calendar = await service.create(contextOf(request), request.body);
        return reply.code(201).header('etag', etagOf(calendar)).send(present(calendar));
      },
    );

    app.put(
      '/api/calendars/:id',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Replace a business calendar; If-Match: "<version>" is required',
          params: IdParams,
          headers: IfMatchHeaders,
          body: ReplaceCalendarBody,
          response: {
            200: CalendarSchema,
            ...errorResponses,
            409: VersionConflictSchema,
            428: Type.Ref('Problem'),
          },
        },
      },
      async (request, reply) => {
        const expectedVersion = readIfMatch(request.headers['if-match'], 'calendar version');
        try {
          const calendar = await service.replace(
            contextOf(request),
            request.params.id,
            expectedVersion,
            request.body,
          );
          return await reply.header('etag', etagOf(calendar)).send(present(calendar));
        } catch (error) {
          if (!(error instanceof CalendarVersionConflict)) throw error;
          return sendVersionConflict(reply, error, {
            version: error.current.version,
            body: present(error.current),
          });
        }
      },
    );

    app.delete(
      '/api/calendars/:id',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Delete a business calendar (admins, account managers, service-level analysts)',
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
      '/api/calendars/:id/holidays/import',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Merge the holidays of an iCalendar file (recurring events expanded) into the calendar',
          params: IdParams,
          body: ImportHolidaysBody,
          response: { 200: ImportHolidaysResult, ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await service.importHolidays(contextOf(request), request.params.id, request.body);
        return reply
          .header('etag', etagOf(result.calendar))
          .send({ ...result, calendar: present(result.calendar) });
      },
    );

    app.post(
      '/api/calendars/preview',
      {
        schema: {
          tags: ['calendars'],
          summary: 'If a case opened at `from` (default now), when would `target` of business time be due?',
          body: PreviewDueBody,
          response: { 200: PreviewDueResult, ...errorResponses },
        },
      },
      async (request) => service.previewDue(contextOf(request), request.body),
    );

    app.post(
      '/api/calendars/preview/elapsed',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Business and actual time elapsed between two instants (to: default now), pauses excluded',
          body: PreviewElapsedBody,
          response: { 200: PreviewElapsedResult, ...errorResponses },
        },
      },
      async (request) => service.previewElapsed(contextOf(request), request.body),
    );
  };
}

function present(calendar: CalendarRow) {
  return {
    ...calendar,
    spec: calendar.spec as Record<string, unknown>,
    createdAt: calendar.createdAt.toISOString(),
    updatedAt: calendar.updatedAt.toISOString(),
  };
}

function etagOf(calendar: CalendarRow): string {
  return etag(calendar.version);
}
