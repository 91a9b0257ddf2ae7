export {
  createHttpServer,
  bodyLimitBytes,
  type HttpServer,
  type HttpServerDeps,
  type RouteEntry,
} from './server.ts';
export { sessionCookie, csrfCookie, csrfHeader, type Authenticator } from './authenticate.ts';
export { requireUser, contextOf, type RouteAuth } from './request-context.ts';
export { idempotencyHeader, createIdempotencyPurgeJob, idempotencyKeyLifetimeMs } from './idempotency.ts';
export { encodeCursor, decodeCursor, toPage } from './pagination.ts';
export {
  StrictObject,
  DateTime,
  Nullable,
  Uuid,
  IdParams,
  PageQuery,
  Page,
  ProblemSchema,
  ProblemRef,
  errorResponses,
} from './schemas.ts';
export { buildProblem, statusForCode } from './problem.ts';
export { etag, readIfMatch, sendVersionConflict } from './if-match.ts';
