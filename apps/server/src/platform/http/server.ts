import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/index.ts';
import { maskCardNumbers, maskCardNumbersIn } from '../card-numbers/index.ts';
import { isAppError } from '../errors.ts';
import { isApiPath, registerAuthentication, type Authenticator } from './authenticate.ts';
import { registerIdempotency } from './idempotency.ts';
import { createMetrics } from './metrics.ts';
import { buildProblem } from './problem.ts';
import { ProblemSchema } from './schemas.ts';

export type HttpServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface RouteEntry {
  method: string;
  url: string;
  auth: 'public' | 'user' | 'session';
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
  }
}

export interface HttpServerDeps {
  config: Pick<Config, 'logLevel' | 'publicUrl'>;
  db: Db;
  clock: Clock;
  authenticator: Authenticator;
  /** Built web app to serve with an SPA fallback; absent in API-only tests. */
  webDistDir?: string;
  /** Readiness beyond the database, e.g. the job workers. */
  isReady?: () => boolean;
  /** Where logs go (default standard output); tests read them to check redaction. */
  logStream?: NodeJS.WritableStream;
}

export const bodyLimitBytes = 1_048_576;
const requestIdPattern = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The HTTP platform every module plugs into: logging with secrets redacted, request ids, security
 * headers, size limits, problem+json errors, authentication, idempotency, OpenAPI, health and
 * metrics. Modules only add routes.
 */
export async function createHttpServer(deps: HttpServerDeps): Promise<HttpServer> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          '*.password',
          '*.currentPassword',
          '*.newPassword',
          '*.secret',
          '*.token',
        ],
        censor: '[redacted]',
      },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      serializers: {
        // A card number in a query string (a search) must not reach the log through the URL.
        req: (request: Partial<FastifyRequest>) => ({
          method: request.method,
          url: typeof request.url === 'string' ? maskCardNumbers(request.url) : undefined,
          host: request.host,
          remoteAddress: request.ip,
        }),
      },
    },
    bodyLimit: bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && requestIdPattern.test(sent) ? sent : crypto.randomUUID();
    },
    trustProxy: false,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as HttpServer;

  app.addSchema(ProblemSchema);
  // Every route, as registered: the tenant-isolation matrix checks that none is left untested.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    // The docs page (registered by @fastify/swagger-ui, which takes no route config) and everything
    // outside the API (the web app's files) are public.
    if (route.url.startsWith('/api/docs') || !isApiPath(route.url)) {
      route.config = { auth: 'public', ...route.config };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, auth: route.config?.auth ?? 'user' });
    }
  });
  const isHttps = deps.config.publicUrl.startsWith('https:');
  const metrics = createMetrics();

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Upgrading would break a plain-http deployment (a trial on a LAN host).
        upgradeInsecureRequests: isHttps ? [] : null,
      },
    },
    strictTransportSecurity: isHttps,
  });
  await app.register(cookie);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request.id);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    if (problem.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(problem.retryAfterSeconds));
    return reply.code(problem.status).type('application/problem+json').send(problem);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Paydesk API',
        version: '0.1.0',
        description:
          'Customer operations for a payments network operator. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      servers: [{ url: deps.config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pd_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  // Every free text that enters through the API passes the card-number detector before anything
  // stores, logs, audits or fingerprints it. Other entry points (e-mail, imports) call it themselves.
  // Binary uploads (documents) arrive as a Buffer: the module that accepts them masks what it can
  // read (text) itself; walking a Buffer as an object would destroy it.
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    if (body !== undefined && body !== null && !Buffer.isBuffer(body)) request.body = maskCardNumbersIn(body);
  });
  registerAuthentication(app, deps.authenticator);
  registerIdempotency(app, { db: deps.db, clock: deps.clock });

  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/health',
    {
      config: { auth: 'public' },
      schema: { tags: ['platform'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/ready',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['platform'],
        response: {
          200: Type.Object({ status: Type.String(), database: Type.String(), jobs: Type.String() }),
          503: Type.Object({ status: Type.String(), database: Type.String(), jobs: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      const database = await sql`select 1`.execute(deps.db).then(
        () => 'ok',
        () => 'unavailable',
      );
      const jobs = (deps.isReady?.() ?? true) ? 'ok' : 'starting';
      const ready = database === 'ok' && jobs === 'ok';
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', database, jobs });
    },
  );
  app.get('/metrics', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const indexHtml = deps.webDistDir ? path.join(deps.webDistDir, 'index.html') : undefined;
  const hasWeb = indexHtml !== undefined && fs.existsSync(indexHtml);
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: deps.webDistDir!, wildcard: true, index: 'index.html' });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    // A client-side route (no file extension) gets the app; a missing file gets a real 404.
    const isPage = !isApiPath(pathname) && !/\.[A-Za-z0-9]+$/.test(pathname);
    if (hasWeb && isPage && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    const problem = buildProblem('ROUTE_NOT_FOUND', `${request.method} ${pathname}`, {
      requestId: request.id,
    });
    return reply.code(404).type('application/problem+json').send(problem);
  });

  return app;
}

function toProblem(error: FastifyError, requestId: string) {
  if (isAppError(error)) {
    return buildProblem(error.code, error.message, { requestId, ...error.extra });
  }
  if (error.validation) {
    const errors = error.validation.map((v) => ({
      path: `${error.validationContext ?? 'body'}${v.instancePath || ''}`,
      message:
        v.keyword === 'additionalProperties'
          ? `unknown field "${String((v.params as { additionalProperty?: string }).additionalProperty)}"`
          : (v.message ?? 'is invalid'),
    }));
    return buildProblem('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
      requestId,
      errors,
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return buildProblem('BODY_TOO_LARGE', `The body may be at most ${bodyLimitBytes} bytes`, { requestId });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return buildProblem('UNSUPPORTED_MEDIA_TYPE', 'Send application/json', { requestId });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return buildProblem('MALFORMED_JSON', error.message, { requestId });
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return buildProblem('MALFORMED_JSON', error.message, { requestId });
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { ...buildProblem('VALIDATION_FAILED', error.message, { requestId }), status: error.statusCode };
  }
  return buildProblem('INTERNAL_ERROR', undefined, { requestId });
}
