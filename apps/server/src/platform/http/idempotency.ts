import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { defineJob } from '../jobs/index.ts';

export const idempotencyHeader = 'idempotency-key';

/**
 * `Idempotency-Key` for POSTs, after the IETF httpapi draft: the same key and body get the stored
 * first answer (with `Idempotent-Replayed: true`); the same key with another body gets 422; the same
 * key while the first request still runs gets 409. Keys are scoped per customer account (staff and
 * integrations per user), so two customers never collide. Server errors (5xx) are not stored: the
 * client may retry them. A first attempt that died mid-way is taken over after `staleAfterMs`.
 */
const staleAfterMs = 60_000;
const keyPattern = /^[\x21-\x7e]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | null;
  }
}

export function registerIdempotency(app: FastifyInstance, deps: { db: Db; clock: Clock }): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const key = request.headers[idempotencyHeader];
    if (key === undefined) {
      if (request.routeOptions.config.idempotency === 'required') {
        throw new AppError('IDEMPOTENCY_KEY_MISSING', 'This endpoint needs an Idempotency-Key header');
      }
      return;
    }
    if (typeof key !== 'string' || !keyPattern.test(key)) {
      throw new AppError('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1–255 visible ASCII characters');
    }
    const scope = scopeKey(request);
    if (scope === undefined) return; // anonymous requests (sign-in) are not replayable

    const requestHash = fingerprint(request);
    const now = deps.clock.now();
    const inserted = await deps.db
      .insertInto('idempotencyKeys')
      .values({
        scope,
        key,
        method: request.method,
        path: request.routeOptions.url ?? request.url,
        requestHash,
        state: 'in_progress',
        createdAt: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['scope', 'key'])
          .doUpdateSet({ createdAt: now, requestHash })
          // Take over only a first attempt that is evidently dead, with the same request.
          .where('idempotencyKeys.state', '=', 'in_progress')
          .where('idempotencyKeys.requestHash', '=', requestHash)
          .where('idempotencyKeys.createdAt', '<', new Date(now.getTime() - staleAfterMs)),
      )
      .returning('key')
      .executeTakeFirst();
    if (inserted) {
      request.idempotency = { scope, key };
      return;
    }

    const existing = await deps.db
      .selectFrom('idempotencyKeys')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (existing.requestHash !== requestHash) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
    }
    if (existing.state === 'in_progress') {
      throw new AppError(
        'IDEMPOTENCY_REQUEST_IN_PROGRESS',
        'The first request with this key is still running',
      );
    }
    reply.header('idempotent-replayed', 'true');
    for (const [name, value] of Object.entries(existing.responseHeaders ?? {})) reply.header(name, value);
    reply.code(existing.responseStatus ?? 200);
    return reply.send(existing.responseBody ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    // Streams and buffers (downloads) are not replayable; neither are server errors.
    if (reply.statusCode >= 500 || (payload != null && typeof payload !== 'string')) {
      await deps.db
        .deleteFrom('idempotencyKeys')
        .where('scope', '=', claim.scope)
        .where('key', '=', claim.key)
        .execute();
      return payload;
    }
    const contentType = reply.getHeader('content-type');
    const location = reply.getHeader('location');
    await deps.db
      .updateTable('idempotencyKeys')
      .set({
        state: 'completed',
        responseStatus: reply.statusCode,
        responseHeaders: JSON.stringify({
          ...(typeof contentType === 'string' ? { 'content-type': contentType } : {}),
          ...(typeof location === 'string' ? { location } : {}),
        }),
        responseBody: typeof payload === 'string' ? payload : '',
        completedAt: deps.clock.now(),
      })
      .where('scope', '=', claim.scope)
      .where('key', '=', claim.key)
      .execute();
    return payload;
  });
}

function scopeKey(request: FastifyRequest): string | undefined {
  const actor = request.actor;
  if (actor.kind !== 'user') return undefined;
  return actor.accountId !== null ? `account:${actor.accountId}` : `user:${actor.userId}`;
}

/** Method, route and a canonical form of the body: key order does not make two bodies differ. */
function fingerprint(request: FastifyRequest): string {
  return crypto
    .createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Stored answers are kept a day: long enough for any sane retry, short enough to stay small. */
export const idempotencyKeyLifetimeMs = 24 * 60 * 60 * 1000;

export function createIdempotencyPurgeJob(clock: Clock) {
  return defineJob<Record<string, never>>('idempotency-keys-purge', async (_payload, ctx) => {
    const cutoff = new Date(clock.now().getTime() - idempotencyKeyLifetimeMs);
    const result = await ctx.db
      .deleteFrom('idempotencyKeys')
      .where('createdAt', '<', cutoff)
      .executeTakeFirst();
    ctx.logger.info({ deleted: Number(result.numDeletedRows) }, 'purged old idempotency keys');
  });
}
