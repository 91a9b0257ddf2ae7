import type { AgentTier, Language, Role } from '@paydesk/shared';
import { isCustomerRole } from '@paydesk/shared';
import { describeChanges, recordAudit, type AuditEntry } from '../../platform/audit/index.ts';
import {
  assertCan,
  auditContextOf,
  can,
  dummyPasswordHash,
  hashPassword,
  hashSecret,
  passwordProblem,
  randomSecret,
  scopeOf,
  verifyPassword,
  type AnonymousContext,
  type RequestContext,
  type TokenScope,
} from '../../platform/auth/index.ts';
import { isValidTimeZone, type Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Db, type Executor, type Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/index.ts';
import type { Authenticator } from '../../platform/http/index.ts';
import type { LoginThrottle } from './login-throttle.ts';
import * as repo from './identity.repository.ts';

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
const sessionTouchIntervalMs = 5 * 60 * 1000;
export const lockoutThreshold = 5;
export const lockoutMs = 15 * 60 * 1000;
const resetTokenLifetimeMs = 60 * 60 * 1000;
export const apiTokenPrefix = 'pdk_';

/** What an audit entry says about the change itself; who and where come from the context. */
type AuditFields = Omit<AuditEntry, 'actor' | 'requestId' | 'sourceIp'>;

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  tier: AgentTier | null;
  language: Language;
  timeZone: string;
  account: { id: string; name: string } | null;
  teams: Array<{ id: string; name: string }>;
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  accountId?: string | null;
  tier?: AgentTier | null;
  language?: Language;
  timeZone?: string;
  password: string;
}

export function createIdentityService(deps: { db: Db; clock: Clock; loginThrottle: LoginThrottle }) {
  const { db, clock } = deps;

  async function loadMe(executor: Executor, userId: string): Promise<Me> {
    const user = await repo.findUserById(executor, { kind: 'all' }, userId);
    if (!user) throw new AppError('USER_NOT_FOUND', 'No such user');
    const [account, teams] = await Promise.all([
      user.accountId ? repo.findAccountName(executor, user.accountId) : undefined,
      repo.findTeamsOfUser(executor, user.id),
    ]);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role as Role,
      tier: user.tier as AgentTier | null,
      language: user.language as Language,
      timeZone: user.timeZone,
      account: account ?? null,
      teams,
    };
  }

  /** Records an audit entry in the caller's transaction, as `ctx`'s actor (null: the system). */
  function audit(tx: Tx, ctx: RequestContext | null, entry: AuditFields) {
    return recordAudit(tx, { ...auditContextOf(ctx), ...entry }, clock);
  }

  /** Sign-in events happen before there is a request context: anonymous, or the user signing in. */
  function auditAnonymous(tx: Tx, ctx: AnonymousContext, userId: string | null, entry: AuditFields) {
    const actor = userId ? { type: 'user' as const, id: userId } : { type: 'anonymous' as const, id: null };
    return recordAudit(tx, { actor, requestId: ctx.requestId, sourceIp: ctx.ip, ...entry }, clock);
  }

  function validateProfile(changes: { timeZone?: string | undefined }) {
    if (changes.timeZone !== undefined && !isValidTimeZone(changes.timeZone)) {
      throw new AppError('VALIDATION_FAILED', `Unknown time zone "${changes.timeZone}"`, {
        errors: [{ path: 'body/timeZone', message: 'is not an IANA time zone' }],
      });
    }
  }

  function assertPasswordStrong(password: string, path: string) {
    const problem = passwordProblem(password);
    if (problem)
      throw new AppError('AUTH_PASSWORD_TOO_WEAK', problem, { errors: [{ path, message: problem }] });
  }

  return {
    /**
     * Signs a user in. A failure never says whether the e-mail or the password was wrong; after
     * `lockoutThreshold` consecutive failures the user is locked for `lockoutMs`. Failures are
     * audited in their own transaction, so the error that follows does not roll them back.
     */
    async login(input: { email: string; password: string }, ctx: AnonymousContext) {
      const now = clock.now();
      const wait = deps.loginThrottle.hit(ctx.ip ?? 'unknown', now);
      if (wait > 0) {
        throw new AppError('RATE_LIMITED', 'Too many sign-in attempts from this address', {
          retryAfterSeconds: wait,
        });
      }
      const email = input.email.trim().toLowerCase();
      const user = await repo.findUserForLogin(db, email);
      if (!user || !user.isActive) {
        await verifyPassword(await dummyPasswordHash(), input.password);
        await db.transaction().execute((tx) =>
          auditAnonymous(tx, ctx, null, {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user?.id ?? null,
          }),
        );
        throw new AppError('AUTH_INVALID_CREDENTIALS', 'E-mail or password is wrong');
      }
      if (user.lockedUntil && user.lockedUntil > now) {
        throw lockedOut(user.lockedUntil, now);
      }
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        const result = await db.transaction().execute(async (tx) => {
          const counted = await repo.recordFailedLogin(
            tx,
            user.id,
            lockoutThreshold,
            new Date(now.getTime() + lockoutMs),
          );
          await auditAnonymous(tx, ctx, null, {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user.id,
            accountId: user.accountId,
            changes: { failedLoginCount: counted.failedLoginCount },
          });
          return counted;
        });
        if (result.lockedUntil && result.lockedUntil > now) throw lockedOut(result.lockedUntil, now);
        throw new AppError('AUTH_INVALID_CREDENTIALS', 'E-mail or password is wrong');
      }

      const sessionToken = randomSecret();
      const csrfToken = randomSecret();
      const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
      const me = await db.transaction().execute(async (tx) => {
        await repo.updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null });
        const session = await repo.insertSession(tx, {
          tokenHash: hashSecret(sessionToken),
          csrfTokenHash: hashSecret(csrfToken),
          userId: user.id,
          ip: ctx.ip,
          userAgent: ctx.userAgent?.slice(0, 500) ?? null,
          expiresAt,
        });
        await auditAnonymous(tx, ctx, user.id, {
          action: 'auth.login',
          entityType: 'session',
          entityId: session.id,
          accountId: user.accountId,
        });
        return loadMe(tx, user.id);
      });
      return { me, sessionToken, csrfToken, expiresAt };
    },

    async logout(ctx: RequestContext) {
      const sessionId = ctx.actor.sessionId;
      if (sessionId === null) return;
      await db.transaction().execute(async (tx) => {
        await repo.deleteSession(tx, sessionId);
        await audit(tx, ctx, {
          action: 'auth.logout',
          entityType: 'session',
          entityId: sessionId,
          accountId: ctx.actor.accountId,
        });
      });
    },

    getMe(ctx: RequestContext) {
      return loadMe(db, ctx.actor.userId);
    },

    async updateMe(
      ctx: RequestContext,
      changes: { displayName?: string; language?: Language; timeZone?: string },
    ) {
      validateProfile(changes);
      return db.transaction().execute(async (tx) => {
        const before = await loadMe(tx, ctx.actor.userId);
        await repo.updateUser(tx, ctx.actor.userId, { ...changes, updatedAt: clock.now() });
        const after = await loadMe(tx, ctx.actor.userId);
        await audit(tx, ctx, {
          action: 'user.profile_updated',
          entityType: 'user',
          entityId: ctx.actor.userId,
          accountId: ctx.actor.accountId,
          changes: describeChanges(before, after, ['displayName', 'language', 'timeZone']),
        });
        return after;
      });
    },

    /** Changing the password signs out every other session of the user. */
    async changePassword(ctx: RequestContext, input: { currentPassword: string; newPassword: string }) {
      const stored = await repo.findPasswordHash(db, ctx.actor.userId);
      if (!stored || !(await verifyPassword(stored.passwordHash, input.currentPassword))) {
        throw new AppError('AUTH_INVALID_CREDENTIALS', 'The current password is wrong');
      }
      assertPasswordStrong(input.newPassword, 'body/newPassword');
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (tx) => {
        const now = clock.now();
        await repo.updateUser(tx, ctx.actor.userId, { passwordHash, passwordChangedAt: now, updatedAt: now });
        await repo.deleteSessionsOfUser(tx, ctx.actor.userId, ctx.actor.sessionId);
        await audit(tx, ctx, {
          action: 'user.password_changed',
          entityType: 'user',
          entityId: ctx.actor.userId,
          accountId: ctx.actor.accountId,
        });
      });
    },

    /** Returns the secret once; only its hash is kept. */
    async createApiToken(
      ctx: RequestContext,
      input: { name: string; scopes: TokenScope[]; expiresInDays: number },
    ) {
      const secret = `${apiTokenPrefix}${randomSecret()}`;
      const scopes = [...new Set(input.scopes)].sort();
      return db.transaction().execute(async (tx) => {
        const token = await repo.insertApiToken(tx, {
          userId: ctx.actor.userId,
          name: input.name.trim(),
          tokenPrefix: secret.slice(0, 12),
          tokenHash: hashSecret(secret),
          scopes,
          expiresAt: new Date(clock.now().getTime() + input.expiresInDays * 86_400_000),
        });
        await audit(tx, ctx, {
          action: 'api_token.created',
          entityType: 'api_token',
          entityId: token.id,
          accountId: ctx.actor.accountId,
          changes: { name: token.name, scopes, expiresAt: token.expiresAt.toISOString() },
        });
        return { token, secret };
      });
    },

    listApiTokens(ctx: RequestContext) {
      return repo.listApiTokens(db, ctx.actor.userId);
    },

    async revokeApiToken(ctx: RequestContext, tokenId: string) {
      await db.transaction().execute(async (tx) => {
        const revoked = await repo.revokeApiToken(tx, ctx.actor.userId, tokenId, clock.now());
        if (!revoked) {
          const owned = await repo.findApiTokenOwner(tx, tokenId);
          // Revoking twice is fine; someone else's token does not exist for you.
          if (owned?.userId === ctx.actor.userId) return;
          throw new AppError('API_TOKEN_NOT_FOUND', 'No such API token');
        }
        await audit(tx, ctx, {
          action: 'api_token.revoked',
          entityType: 'api_token',
          entityId: tokenId,
          accountId: ctx.actor.accountId,
        });
      });
    },

    async createUser(ctx: RequestContext | null, input: NewUser) {
      if (ctx) assertCan(ctx.actor, 'users:manage');
      const accountId = input.accountId ?? null;
      if (isCustomerRole(input.role) !== (accountId !== null)) {
        throw new AppError(
          'VALIDATION_FAILED',
          'Customer roles need an accountId; staff roles must not have one',
          { errors: [{ path: 'body/accountId', message: 'does not fit the role' }] },
        );
      }
      if ((input.tier ?? null) !== null && input.role !== 'agent') {
        throw new AppError('VALIDATION_FAILED', 'Only agents have a tier', {
          errors: [{ path: 'body/tier', message: 'only for the agent role' }],
        });
      }
      validateProfile(input);
      assertPasswordStrong(input.password, 'body/password');
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.transaction().execute(async (tx) => {
          if (accountId !== null && !(await repo.findAccountName(tx, accountId))) {
            throw new AppError('ACCOUNT_NOT_FOUND', 'No such account');
          }
          const user = await repo.insertUser(tx, {
            email: input.email.trim().toLowerCase(),
            displayName: input.displayName.trim(),
            role: input.role,
            accountId,
            tier: input.role === 'agent' ? (input.tier ?? 1) : null,
            language: input.language ?? 'en',
            timeZone: input.timeZone ?? 'Europe/London',
            passwordHash,
          });
          await audit(tx, ctx, {
            action: 'user.created',
            entityType: 'user',
            entityId: user.id,
            accountId,
            changes: {
              email: input.email.toLowerCase(),
              role: input.role,
              accountId,
              tier: input.tier ?? null,
            },
          });
          return loadMe(tx, user.id);
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('USER_ALREADY_EXISTS', 'A user with this e-mail exists');
        throw error;
      }
    },

    async listUsers(ctx: RequestContext, page: { limit: number; cursor?: string | undefined }) {
      assertCan(ctx.actor, 'users:read');
      return pageOfUsers(db, { kind: 'all' }, page);
    },

    async listAccountUsers(
      ctx: RequestContext,
      accountId: string,
      page: { limit: number; cursor?: string | undefined },
    ) {
      assertCan(ctx.actor, 'account-users:read');
      const scope = scopeOf(ctx.actor);
      if (scope.kind === 'account' && scope.accountId !== accountId)
        throw new AppError('ACCOUNT_NOT_FOUND', 'No such account');
      if (!(await repo.findAccountName(db, accountId)))
        throw new AppError('ACCOUNT_NOT_FOUND', 'No such account');
      return pageOfUsers(db, { kind: 'account', accountId }, page);
    },

    async getUser(ctx: RequestContext, id: string) {
      const scope = scopeOf(ctx.actor);
      const user = await repo.findUserById(db, scope, id);
      // Yourself; anyone, for those who read users; customer users, for those who read an account's
      // users (the scope above already kept a customer to their own account).
      const visible =
        user !== undefined &&
        (user.id === ctx.actor.userId ||
          can(ctx.actor, 'users:read') ||
          (user.accountId !== null && can(ctx.actor, 'account-users:read')));
      if (!visible) throw new AppError('USER_NOT_FOUND', 'No such user');
      return (await withAccounts(db, [user]))[0]!;
    },

    async updateUser(
      ctx: RequestContext,
      id: string,
      changes: {
        role?: Role;
        tier?: AgentTier | null;
        isActive?: boolean;
        displayName?: string;
        unlock?: boolean;
      },
    ) {
      assertCan(ctx.actor, 'users:manage');
      return db.transaction().execute(async (tx) => {
        const before = await repo.findUserById(tx, { kind: 'all' }, id);
        if (!before) throw new AppError('USER_NOT_FOUND', 'No such user');
        const role = changes.role ?? (before.role as Role);
        if (isCustomerRole(role) !== (before.accountId !== null)) {
          throw new AppError('VALIDATION_FAILED', 'A user cannot move between staff and customer roles', {
            errors: [{ path: 'body/role', message: 'does not fit the user' }],
          });
        }
        const tier = role === 'agent' ? (changes.tier ?? before.tier ?? 1) : null;
        const { unlock, ...fields } = changes;
        await repo.updateUser(tx, id, {
          ...fields,
          tier,
          ...(unlock ? { lockedUntil: null, failedLoginCount: 0 } : {}),
          updatedAt: clock.now(),
        });
        if (changes.isActive === false) await repo.deleteSessionsOfUser(tx, id, null);
        const after = await repo.findUserById(tx, { kind: 'all' }, id);
        await audit(tx, ctx, {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          accountId: before.accountId,
          changes: describeChanges(before, after!, [
            'role',
            'tier',
            'isActive',
            'displayName',
            'lockedUntil',
          ]),
        });
        return (await withAccounts(tx, [after!]))[0]!;
      });
    },

    /** An admin issues a one-time reset link for a user (e-mail delivery comes with the channels). */
    async issuePasswordReset(ctx: RequestContext, userId: string) {
      assertCan(ctx.actor, 'users:manage');
      const token = randomSecret();
      const expiresAt = new Date(clock.now().getTime() + resetTokenLifetimeMs);
      await db.transaction().execute(async (tx) => {
        const user = await repo.findUserById(tx, { kind: 'all' }, userId);
        if (!user) throw new AppError('USER_NOT_FOUND', 'No such user');
        await repo.insertPasswordReset(tx, { userId, tokenHash: hashSecret(token), expiresAt });
        await audit(tx, ctx, {
          action: 'user.password_reset_issued',
          entityType: 'user',
          entityId: userId,
          accountId: user.accountId,
        });
      });
      return { token, expiresAt };
    },

    /** Sets a new password with a reset token; the token works once and signs out every session. */
    async resetPassword(input: { token: string; newPassword: string }, ctx: AnonymousContext) {
      assertPasswordStrong(input.newPassword, 'body/newPassword');
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (tx) => {
        const now = clock.now();
        const reset = await repo.consumePasswordReset(tx, hashSecret(input.token), now);
        if (!reset)
          throw new AppError('AUTH_PASSWORD_RESET_INVALID', 'The reset link is invalid, used or expired');
        await repo.updateUser(tx, reset.userId, {
          passwordHash,
          passwordChangedAt: now,
          failedLoginCount: 0,
          lockedUntil: null,
          updatedAt: now,
        });
        await repo.deleteSessionsOfUser(tx, reset.userId, null);
        await auditAnonymous(tx, ctx, reset.userId, {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: reset.userId,
        });
      });
    },

    async listTeams(ctx: RequestContext) {
      if (scopeOf(ctx.actor).kind !== 'all')
        throw new AppError('AUTH_FORBIDDEN', 'Teams are staff information');
      const teams = await repo.listTeams(db);
      return teams.map((t) => ({ ...t, memberCount: Number(t.memberCount ?? 0) }));
    },

    async createTeam(
      ctx: RequestContext | null,
      input: { name: string; description?: string; timeZone?: string },
    ) {
      if (ctx) assertCan(ctx.actor, 'teams:manage');
      validateProfile(input);
      return db.transaction().execute(async (tx) => {
        const team = await repo.insertTeam(tx, {
          name: input.name.trim(),
          description: input.description ?? '',
          timeZone: input.timeZone ?? 'Europe/London',
        });
        await audit(tx, ctx, {
          action: 'team.created',
          entityType: 'team',
          entityId: team.id,
          changes: { name: team.name },
        });
        return team;
      });
    },

    async addTeamMember(
      ctx: RequestContext | null,
      teamId: string,
      input: { userId: string; isLead?: boolean },
    ) {
      if (ctx) assertCan(ctx.actor, 'teams:manage');
      await db.transaction().execute(async (tx) => {
        if (!(await repo.findTeam(tx, teamId))) throw new AppError('TEAM_NOT_FOUND', 'No such team');
        const user = await repo.findUserById(tx, { kind: 'all' }, input.userId);
        if (!user) throw new AppError('USER_NOT_FOUND', 'No such user');
        if (user.accountId !== null) {
          throw new AppError('VALIDATION_FAILED', 'Customer users cannot join staff teams', {
            errors: [{ path: 'body/userId', message: 'is a customer user' }],
          });
        }
        await repo.addTeamMember(tx, { teamId, userId: input.userId, isLead: input.isLead ?? false });
        await audit(tx, ctx, {
          action: 'team.member_added',
          entityType: 'team',
          entityId: teamId,
          changes: { userId: input.userId, isLead: input.isLead ?? false },
        });
      });
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;

function lockedOut(until: Date, now: Date) {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    'AUTH_LOCKED_OUT',
    `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
    {
      retryAfterSeconds,
    },
  );
}

async function withAccounts<T extends { accountId: string | null }>(executor: Executor, users: T[]) {
  const accounts = await repo.findAccountsByIds(executor, [
    ...new Set(users.map((u) => u.accountId).filter((id): id is string => id !== null)),
  ]);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return users.map((u) => ({ ...u, account: u.accountId ? (byId.get(u.accountId) ?? null) : null }));
}

async function pageOfUsers(
  executor: Executor,
  scope: Parameters<typeof repo.listUsers>[1],
  page: { limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(page.cursor, 2);
  const rows = await repo.listUsers(executor, scope, {
    limit: page.limit,
    ...(after ? { after: { createdAt: String(after[0]), id: String(after[1]) } } : {}),
  });
  const result = toPage(rows, page.limit, (u) => [u.createdAt.toISOString(), u.id]);
  return { items: await withAccounts(executor, result.items), nextCursor: result.nextCursor };
}

/** Resolves session cookies and API tokens to actors for the HTTP layer. */
export function createAuthenticator(deps: { db: Db; clock: Clock }): Authenticator {
  return {
    async fromSession(token) {
      const now = deps.clock.now();
      const row = await repo.findLiveSession(deps.db, hashSecret(token), now);
      if (!row) return null;
      if (now.getTime() - row.lastSeenAt.getTime() > sessionTouchIntervalMs) {
        await repo.touchSession(deps.db, row.sessionId, now, new Date(now.getTime() + sessionLifetimeMs));
      }
      return {
        csrfTokenHash: row.csrfTokenHash,
        actor: {
          kind: 'user',
          userId: row.userId,
          role: row.role as Role,
          accountId: row.accountId,
          tier: row.tier as AgentTier | null,
          via: 'session',
          sessionId: row.sessionId,
          tokenId: null,
          scopes: ['read', 'write'],
        },
      };
    },
    async fromApiToken(token) {
      if (!token.startsWith(apiTokenPrefix) || token.length > 200) return null;
      const now = deps.clock.now();
      const row = await repo.findLiveApiToken(deps.db, hashSecret(token), now);
      if (!row) return null;
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
        await repo.markApiTokenUsed(deps.db, row.tokenId, now);
      }
      return {
        kind: 'user',
        userId: row.userId,
        role: row.role as Role,
        accountId: row.accountId,
        tier: row.tier as AgentTier | null,
        via: 'api_token',
        sessionId: null,
        tokenId: row.tokenId,
        scopes: row.scopes as TokenScope[],
      };
    },
  };
}
