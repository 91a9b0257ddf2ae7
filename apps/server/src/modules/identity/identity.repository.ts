import type { Role } from '@paydesk/shared';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { inScope, type Scope } from '../../platform/auth/index.ts';

/** Kysely only: no rules here. The service decides; this reads and writes. */

const userColumns = [
  'users.id',
  'users.email',
  'users.displayName',
  'users.role',
  'users.accountId',
  'users.tier',
  'users.language',
  'users.timeZone',
  'users.isActive',
  'users.lockedUntil',
  'users.createdAt',
] as const;

export type UserRow = Awaited<ReturnType<typeof findUserById>> & {};

export function findUserById(db: Executor, scope: Scope, id: string) {
  return inScope(db.selectFrom('users').select(userColumns), 'users.accountId', scope)
    .where('users.id', '=', id)
    .executeTakeFirst();
}

export function findUserForLogin(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .select([...userColumns, 'users.passwordHash', 'users.failedLoginCount'])
    .where('users.email', '=', email)
    .executeTakeFirst();
}

export function findPasswordHash(db: Executor, userId: string) {
  return db.selectFrom('users').select('passwordHash').where('id', '=', userId).executeTakeFirst();
}

export function listUsers(
  db: Executor,
  scope: Scope,
  page: { limit: number; after?: { createdAt: string; id: string } },
) {
  let query = inScope(db.selectFrom('users').select(userColumns), 'users.accountId', scope);
  if (page.after) {
    const after = page.after;
    query = query.where((eb) =>
      eb.or([
        eb('users.createdAt', '>', new Date(after.createdAt)),
        eb.and([eb('users.createdAt', '=', new Date(after.createdAt)), eb('users.id', '>', after.id)]),
      ]),
    );
  }
  return query
    .orderBy('users.createdAt')
    .orderBy('users.id')
    .limit(page.limit + 1)
    .execute();
}

export async function insertUser(
  db: Executor,
  user: {
    email: string;
    displayName: string;
    role: Role;
    accountId: string | null;
    tier: number | null;
    language: string;
    timeZone: string;
    passwordHash: string;
  },
) {
  return db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
}

export function updateUser(
  db: Executor,
  id: string,
  changes: Partial<{
    displayName: string;
    language: string;
    timeZone: string;
    role: Role;
    tier: number | null;
    isActive: boolean;
    passwordHash: string;
    passwordChangedAt: Date;
    failedLoginCount: number;
    lockedUntil: Date | null;
    updatedAt: Date;
  }>,
) {
  return db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Counts the failure and locks once `threshold` consecutive failures are reached, atomically. */
export function recordFailedLogin(db: Executor, id: string, threshold: number, lockUntil: Date) {
  return db
    .updateTable('users')
    .set((eb) => ({
      failedLoginCount: eb('failedLoginCount', '+', 1),
      lockedUntil: sql<Date | null>`case when ${eb.ref('failedLoginCount')} + 1 >= ${threshold} then ${lockUntil}::timestamptz else ${eb.ref('lockedUntil')} end`,
    }))
    .where('id', '=', id)
    .returning(['failedLoginCount', 'lockedUntil'])
    .executeTakeFirstOrThrow();
}

export function findAccountName(db: Executor, accountId: string) {
  return db.selectFrom('accounts').select(['id', 'name']).where('id', '=', accountId).executeTakeFirst();
}

export function findAccountsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', ids).execute();
}

export function findTeamsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('teamMembers')
    .innerJoin('teams', 'teams.id', 'teamMembers.teamId')
    .select(['teams.id', 'teams.name'])
    .where('teamMembers.userId', '=', userId)
    .orderBy('teams.name')
    .execute();
}

// Sessions

export function insertSession(
  db: Executor,
  session: {
    tokenHash: string;
    csrfTokenHash: string;
    userId: string;
    ip: string | null;
    userAgent: string | null;
    expiresAt: Date;
  },
) {
  return db.insertInto('sessions').values(session).returning('id').executeTakeFirstOrThrow();
}

export function findLiveSession(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id as sessionId',
      'sessions.csrfTokenHash',
      'sessions.lastSeenAt',
      'users.id as userId',
      'users.role',
      'users.accountId',
      'users.tier',
    ])
    .where('sessions.tokenHash', '=', tokenHash)
    .where('sessions.expiresAt', '>', now)
    .where('users.isActive', '=', true)
    .executeTakeFirst();
}

export function touchSession(db: Executor, id: string, now: Date, expiresAt: Date) {
  return db.updateTable('sessions').set({ lastSeenAt: now, expiresAt }).where('id', '=', id).execute();
}

export function deleteSession(db: Executor, id: string) {
  return db.deleteFrom('sessions').where('id', '=', id).execute();
}

export function deleteSessionsOfUser(db: Executor, userId: string, exceptSessionId: string | null) {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptSessionId !== null) query = query.where('id', '!=', exceptSessionId);
  return query.execute();
}

// API tokens

const tokenColumns = [
  'apiTokens.id',
  'apiTokens.name',
  'apiTokens.tokenPrefix',
  'apiTokens.scopes',
  'apiTokens.expiresAt',
  'apiTokens.lastUsedAt',
  'apiTokens.revokedAt',
  'apiTokens.createdAt',
] as const;

export function insertApiToken(
  db: Executor,
  token: {
    userId: string;
    name: string;
    tokenPrefix: string;
    tokenHash: string;
    scopes: string[];
    expiresAt: Date;
  },
) {
  return db.insertInto('apiTokens').values(token).returning(tokenColumns).executeTakeFirstOrThrow();
}

export function listApiTokens(db: Executor, userId: string) {
  return db
    .selectFrom('apiTokens')
    .select(tokenColumns)
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
}

export function revokeApiToken(db: Executor, userId: string, id: string, now: Date) {
  return db
    .updateTable('apiTokens')
    .set({ revokedAt: now })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export function findApiTokenOwner(db: Executor, id: string) {
  return db
    .selectFrom('apiTokens')
    .select(['id', 'userId', 'revokedAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findLiveApiToken(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select([
      'apiTokens.id as tokenId',
      'apiTokens.scopes',
      'apiTokens.lastUsedAt',
      'users.id as userId',
      'users.role',
      'users.accountId',
      'users.tier',
    ])
    .where('apiTokens.tokenHash', '=', tokenHash)
    .where('apiTokens.revokedAt', 'is', null)
    .where('apiTokens.expiresAt', '>', now)
    .where('users.isActive', '=', true)
    .executeTakeFirst();
}

export function markApiTokenUsed(db: Executor, id: string, now: Date) {
  return db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', id).execute();
}

// Password resets

export function insertPasswordReset(
  db: Executor,
  reset: { userId: string; tokenHash: string; expiresAt: Date },
) {
  return db.insertInto('passwordResetTokens').values(reset).execute();
}

/** Marks the token used and returns its user, only if it was live: a token works once. */
export function consumePasswordReset(db: Executor, tokenHash: string, now: Date) {
  return db
    .updateTable('passwordResetTokens')
    .set({ usedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning('userId')
    .executeTakeFirst();
}

// Teams

export function listTeams(db: Executor) {
  return db
    .selectFrom('teams')
    .select(['teams.id', 'teams.name', 'teams.description', 'teams.timeZone'])
    .select((eb) =>
      eb
        .selectFrom('teamMembers')
        .whereRef('teamMembers.teamId', '=', 'teams.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('memberCount'),
    )
    .orderBy('teams.name')
    .execute();
}

export function insertTeam(db: Executor, team: { name: string; description: string; timeZone: string }) {
  return db
    .insertInto('teams')
    .values(team)
    .returning(['id', 'name', 'description', 'timeZone'])
    .executeTakeFirstOrThrow();
}

export function findTeam(db: Executor, id: string) {
  return db.selectFrom('teams').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** The team's active leads' user ids, in id order: whom other modules tell about the team's cases. */
export async function activeTeamLeads(executor: Executor, teamId: string): Promise<string[]> {
  const rows = await executor
    .selectFrom('teamMembers')
    .innerJoin('users', 'users.id', 'teamMembers.userId')
    .select('teamMembers.userId')
    .where('teamMembers.teamId', '=', teamId)
    .where('teamMembers.isLead', '=', true)
    .where('users.isActive', '=', true)
    .orderBy('teamMembers.userId')
    .execute();
  return rows.map((row) => row.userId);
}

export function addTeamMember(db: Executor, member: { teamId: string; userId: string; isLead: boolean }) {
  return db
    .insertInto('teamMembers')
    .values(member)
    .onConflict((oc) => oc.columns(['teamId', 'userId']).doUpdateSet({ isLead: member.isLead }))
    .execute();
}

// Housekeeping

export function deleteExpiredSessions(db: Executor, now: Date) {
  return db.deleteFrom('sessions').where('expiresAt', '<=', now).executeTakeFirst();
}

export function deleteSpentPasswordResets(db: Executor, before: Date) {
  return db
    .deleteFrom('passwordResetTokens')
    .where((eb) => eb.or([eb('expiresAt', '<=', before), eb('usedAt', '<=', before)]))
    .executeTakeFirst();
}
