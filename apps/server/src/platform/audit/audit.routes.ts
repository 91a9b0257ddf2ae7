import { Type } from 'typebox';
import { assertCan } from '../auth/index.ts';
import type { Db } from '../db/index.ts';
import {
  contextOf,
  decodeCursor,
  errorResponses,
  Page,
  StrictObject,
  toPage,
  Uuid,
  type HttpServer,
} from '../http/index.ts';
import { listAuditEntries } from './audit.repository.ts';

const AuditEntrySchema = Type.Object(
  {
    seq: Type.String(),
    occurredAt: Type.String({ format: 'date-time' }),
    actorType: Type.String(),
    actorId: Type.Union([Type.String(), Type.Null()]),
    accountId: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    entityType: Type.String(),
    entityId: Type.Union([Type.String(), Type.Null()]),
    changes: Type.Unknown(),
    requestId: Type.Union([Type.String(), Type.Null()]),
    sourceIp: Type.Union([Type.String(), Type.Null()]),
    hash: Type.String(),
  },
  { $id: 'AuditEntry' },
);

const AuditQuery = StrictObject({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  entityType: Type.Optional(Type.String({ maxLength: 100 })),
  entityId: Type.Optional(Type.String({ maxLength: 200 })),
  accountId: Type.Optional(Uuid),
});

/** Admins read the audit log, newest first; it is never written through the API. */
export function auditRoutes(deps: { db: Db }) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Audit log entries, newest first',
          querystring: AuditQuery,
          response: { 200: Page(AuditEntrySchema), ...errorResponses },
        },
      },
      async (request) => {
        assertCan(contextOf(request).actor, 'audit:read');
        const { limit = 50, cursor, entityType, entityId, accountId } = request.query;
        const before = decodeCursor(cursor, 1);
        const rows = await listAuditEntries(
          deps.db,
          {
            ...(entityType ? { entityType } : {}),
            ...(entityId ? { entityId } : {}),
            ...(accountId ? { accountId } : {}),
          },
          { limit, ...(before ? { beforeSeq: String(before[0]) } : {}) },
        );
        const page = toPage(rows, limit, (row) => [row.seq]);
        return {
          items: page.items.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })),
          nextCursor: page.nextCursor,
        };
      },
    );
  };
}
