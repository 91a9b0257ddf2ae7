import type { FastifyReply } from 'fastify';
import { AppError } from '../errors.ts';
import { buildProblem } from './problem.ts';

/**
 * Optimistic concurrency, the same way for every resource: a GET gives the version as the ETag, a
 * write sends it back in If-Match, and a stale write gets 409 with the resource as it now is.
 *
 * `"3"` (as the ETag was sent) or `W/"3"`; a bare 3 is accepted too, for hand-written requests.
 * Undefined when absent: the service refuses that (428) once it knows the caller may edit at all.
 */
export function readIfMatch(header: string | undefined, versionName = 'version'): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?([1-9][0-9]{0,8})"?\s*$/.exec(header);
  if (!match)
    throw new AppError('VALIDATION_FAILED', `If-Match must be the ${versionName} as an ETag, such as "3"`, {
      errors: [{ path: 'headers/if-match', message: `must be "<${versionName}>"` }],
    });
  return Number(match[1]);
}

export function etag(version: number): string {
  return `"${version}"`;
}

/** The 409 of a stale write: the problem, plus the current state in `current` and its ETag. */
export function sendVersionConflict(
  reply: FastifyReply,
  error: AppError,
  current: { version: number; body: unknown },
) {
  const problem = buildProblem(error.code, error.message, { requestId: reply.request.id });
  return reply
    .code(409)
    .type('application/problem+json')
    .header('etag', etag(current.version))
    .send({ ...problem, current: current.body });
}
