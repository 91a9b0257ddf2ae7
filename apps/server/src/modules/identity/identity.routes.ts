import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  contextOf,
  errorResponses,
  csrfCookie,
  IdParams,
  Page,
  PageQuery,
  sessionCookie,
  type HttpServer,
} from '../../platform/http/index.ts';
import type { IdentityService } from './identity.service.ts';
import { sessionLifetimeMs } from './identity.service.ts';
import {
  AddTeamMemberBody,
  ApiTokenSchema,
  ChangePasswordBody,
  CreateTeamBody,
  CreateTokenBody,
  CreateUserBody,
  LoginBody,
  MeSchema,
  ResetPasswordBody,
  TeamSchema,
  UpdateMeBody,
  UpdateUserBody,
  UserSchema,
} from './identity.schemas.ts';

/** Sign-in, the signed-in user's own profile and tokens, and user/team administration. */
export function identityRoutes(service: IdentityService, options: { secureCookies: boolean }) {
  const cookieOptions = { path: '/', secure: options.secureCookies } as const;

  function clearSessionCookies(reply: FastifyReply) {
    reply.clearCookie(sessionCookie, cookieOptions).clearCookie(csrfCookie, cookieOptions);
  }

  return async function register(app: HttpServer) {
    app.post(
      '/api/auth/login',
      {
        config: { auth: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in',
          body: LoginBody,
          response: { 200: Type.Object({ user: MeSchema }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await service.login(request.body, {
          actor: request.actor,
          requestId: request.id,
          ip: request.ip ?? null,
          userAgent: request.headers['user-agent'] ?? null,
        });
        const maxAge = Math.floor(sessionLifetimeMs / 1000);
        reply
          .setCookie(sessionCookie, result.sessionToken, {
            ...cookieOptions,
            httpOnly: true,
            sameSite: 'lax',
            maxAge,
          })
          .setCookie(csrfCookie, result.csrfToken, {
            ...cookieOptions,
            httpOnly: false,
            sameSite: 'strict',
            maxAge,
          });
        return { user: result.me };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { auth: 'session' },
        schema: { tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null(), ...errorResponses } },
      },
      async (request, reply) => {
        await service.logout(contextOf(request));
        clearSessionCookies(reply);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/auth/password-reset',
      {
        config: { auth: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Set a new password with a reset token',
          body: ResetPasswordBody,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.resetPassword(request.body, {
          actor: request.actor,
          requestId: request.id,
          ip: request.ip ?? null,
          userAgent: request.headers['user-agent'] ?? null,
        });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/me',
      {
        schema: {
          tags: ['me'],
          summary: 'The signed-in user',
          response: { 200: MeSchema, ...errorResponses },
        },
      },
      (request) => service.getMe(contextOf(request)),
    );

    app.patch(
      '/api/me',
      {
        schema: {
          tags: ['me'],
          summary: 'Update own profile and language',
          body: UpdateMeBody,
          response: { 200: MeSchema, ...errorResponses },
        },
      },
      (request) => service.updateMe(contextOf(request), request.body),
    );

    app.post(
      '/api/me/password',
      {
        config: { auth: 'session' },
        schema: {
          tags: ['me'],
          summary: 'Change own password',
          body: ChangePasswordBody,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.changePassword(contextOf(request), request.body);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/me/tokens',
      {
        config: { auth: 'session' },
        schema: {
          tags: ['me'],
          summary: 'Own API tokens',
          response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: (await service.listApiTokens(contextOf(request))).map(toApiToken) }),
    );

    app.post(
      '/api/me/tokens',
      {
        config: { auth: 'session' },
        schema: {
          tags: ['me'],
          summary: 'Create an API token (the secret is shown once)',
          body: CreateTokenBody,
          response: { 201: Type.Object({ token: ApiTokenSchema, secret: Type.String() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { token, secret } = await service.createApiToken(contextOf(request), request.body);
        return reply.code(201).send({ token: toApiToken(token), secret });
      },
    );

    app.delete(
      '/api/me/tokens/:id',
      {
        config: { auth: 'session' },
        schema: {
          tags: ['me'],
          summary: 'Revoke an API token',
          params: IdParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.revokeApiToken(contextOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/users',
      {
        schema: {
          tags: ['users'],
          summary: 'List users',
          querystring: PageQuery,
          response: { 200: Page(UserSchema), ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.listUsers(contextOf(request), {
          limit: request.query.limit ?? 50,
          cursor: request.query.cursor,
        });
        return { items: page.items.map(toUser), nextCursor: page.nextCursor };
      },
    );

    app.post(
      '/api/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Create a user',
          body: CreateUserBody,
          response: { 201: MeSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createUser(contextOf(request), request.body)),
    );

    app.get(
      '/api/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'One user',
          params: IdParams,
          response: { 200: UserSchema, ...errorResponses },
        },
      },
      async (request) => toUser(await service.getUser(contextOf(request), request.params.id)),
    );

    app.patch(
      '/api/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'Change role, tier, activity; unlock',
          params: IdParams,
          body: UpdateUserBody,
          response: { 200: UserSchema, ...errorResponses },
        },
      },
      async (request) =>
        toUser(await service.updateUser(contextOf(request), request.params.id, request.body)),
    );

    app.post(
      '/api/users/:id/password-reset',
      {
        schema: {
          tags: ['users'],
          summary: 'Issue a one-time password reset token (shown once)',
          params: IdParams,
          response: {
            201: Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const reset = await service.issuePasswordReset(contextOf(request), request.params.id);
        return reply.code(201).send({ token: reset.token, expiresAt: reset.expiresAt.toISOString() });
      },
    );

    app.get(
      '/api/accounts/:id/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Users of one customer account (customer admins: their own)',
          params: IdParams,
          querystring: PageQuery,
          response: { 200: Page(UserSchema), ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.listAccountUsers(contextOf(request), request.params.id, {
          limit: request.query.limit ?? 50,
          cursor: request.query.cursor,
        });
        return { items: page.items.map(toUser), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/api/teams',
      {
        schema: {
          tags: ['teams'],
          summary: 'List teams',
          response: { 200: Type.Object({ items: Type.Array(TeamSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await service.listTeams(contextOf(request)) }),
    );

    app.post(
      '/api/teams',
      {
        schema: {
          tags: ['teams'],
          summary: 'Create a team',
          body: CreateTeamBody,
          response: { 201: TeamSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send({ ...(await service.createTeam(contextOf(request), request.body)), memberCount: 0 }),
    );

    app.post(
      '/api/teams/:id/members',
      {
        schema: {
          tags: ['teams'],
          summary: 'Add a member to a team',
          params: IdParams,
          body: AddTeamMemberBody,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.addTeamMember(contextOf(request), request.params.id, request.body);
        return reply.code(204).send(null);
      },
    );
  };
}

function toApiToken(token: {
  id: string;
  name: string;
  tokenPrefix: string;
  scopes: string[];
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.tokenPrefix,
    scopes: token.scopes as ('read' | 'write')[],
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
  };
}

export function toUser(user: {
  id: string;
  email: string;
  displayName: string;
  role: string;
  tier: number | null;
  account: { id: string; name: string } | null;
  isActive: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as never,
    tier: user.tier as never,
    account: user.account,
    isActive: user.isActive,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
