import type { CaseType, Language } from '@paydesk/shared';
import { describeChanges, recordAudit } from '../../platform/audit/index.ts';
import { assertCan, auditContextOf, can, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './routing.repository.ts';

export interface RoutingProfileInput {
  serviceCodes: string[];
  caseTypes: CaseType[];
  languages: Language[];
  loadCap: number;
  available: boolean;
}

/** Until someone sets a profile the agent is not routed to; this is what the form starts from. */
const defaultLoadCap = 10;

export type RoutingService = ReturnType<typeof createRoutingService>;

/**
 * Who automatic assignment may give work to: each agent's routing profile (skills, languages, load
 * cap, availability) and each team's switch for assigning its queue by itself. Admins set them for
 * anyone, team leads for the members of the teams they lead; an agent reads their own profile.
 */
export function createRoutingService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** Admins manage every team's routing; a lead, the routing of the teams they lead. */
  async function assertManages(executor: Executor, ctx: RequestContext, teamIds: string[]) {
    assertCan(ctx.actor, 'cases:work');
    if (can(ctx.actor, 'teams:manage')) return;
    const led = await repo.teamsLedBy(executor, ctx.actor.userId);
    if (!teamIds.some((teamId) => led.includes(teamId)))
      throw new AppError('AUTH_FORBIDDEN', "Only an admin or a lead of the user's team manages routing");
  }

  async function requireStaff(executor: Executor, userId: string) {
    const user = await repo.findStaffUser(executor, userId);
    if (!user) throw new AppError('USER_NOT_FOUND', 'No such staff user');
    return user;
  }

  async function presentProfile(
    executor: Executor,
    user: { id: string; displayName: string; language: string },
  ) {
    const profile = await repo.findProfile(executor, user.id);
    const loads = await repo.openLoads(executor, [user.id]);
    return {
      userId: user.id,
      displayName: user.displayName,
      configured: profile !== undefined,
      serviceCodes: profile?.serviceCodes ?? [],
      caseTypes: profile?.caseTypes ?? [],
      languages: profile?.languages ?? [user.language as Language],
      loadCap: profile?.loadCap ?? defaultLoadCap,
      available: profile?.isAvailable ?? false,
      openCases: loads.get(user.id) ?? 0,
      updatedAt: profile?.updatedAt.toISOString() ?? null,
    };
  }

  async function presentTeam(executor: Executor, teamId: string) {
    const row = await repo.findTeamRouting(executor, teamId);
    return {
      teamId,
      autoAssign: row?.autoAssign ?? false,
      lastAssigned:
        row?.lastAssignedUserId && row.lastAssignedAt
          ? {
              user: { id: row.lastAssignedUserId, displayName: row.lastAssignedName ?? '' },
              at: row.lastAssignedAt.toISOString(),
            }
          : null,
    };
  }

  return {
    async getProfile(ctx: RequestContext, userId: string) {
      assertCan(ctx.actor, 'cases:work');
      const user = await requireStaff(db, userId);
      if (userId !== ctx.actor.userId) await assertManages(db, ctx, await repo.teamsOf(db, userId));
      return presentProfile(db, user);
    },

    async setProfile(ctx: RequestContext, userId: string, input: RoutingProfileInput) {
      assertCan(ctx.actor, 'cases:work');
      return db.transaction().execute(async (tx) => {
        const user = await requireStaff(tx, userId);
        await assertManages(tx, ctx, await repo.teamsOf(tx, userId));
        const serviceCodes = [...new Set(input.serviceCodes.map((code) => code.trim()))];
        const unknown = await repo.unknownServiceCodes(tx, serviceCodes);
        if (unknown.length > 0)
          throw new AppError(
            'VALIDATION_FAILED',
            `serviceCodes: ${unknown.join(', ')} not in the catalogue`,
            {
              errors: unknown.map((code) => ({
                path: `body/serviceCodes/${serviceCodes.indexOf(code)}`,
                message: `${code} is not a service in the catalogue`,
              })),
            },
          );
        const before = await repo.findProfile(tx, userId);
        const values = {
          serviceCodes,
          caseTypes: [...new Set(input.caseTypes)],
          languages: [...new Set(input.languages)],
          loadCap: input.loadCap,
          isAvailable: input.available,
        };
        await repo.upsertProfile(tx, userId, values, clock.now());
        await recordAudit(
          tx,
          {
            ...auditContextOf(ctx),
            action: 'user.routing_profile_set',
            entityType: 'user',
            entityId: userId,
            accountId: null,
            changes: describeChanges(before ?? null, values, [
              'serviceCodes',
              'caseTypes',
              'languages',
              'loadCap',
              'isAvailable',
            ]),
          },
          clock,
        );
        return presentProfile(tx, user);
      });
    },

    async getTeamRouting(ctx: RequestContext, teamId: string) {
      assertCan(ctx.actor, 'cases:work');
      if (!(await repo.findTeam(db, teamId))) throw new AppError('TEAM_NOT_FOUND', 'No such team');
      return presentTeam(db, teamId);
    },

    async setTeamRouting(ctx: RequestContext, teamId: string, input: { autoAssign: boolean }) {
      assertCan(ctx.actor, 'cases:work');
      return db.transaction().execute(async (tx) => {
        if (!(await repo.findTeam(tx, teamId))) throw new AppError('TEAM_NOT_FOUND', 'No such team');
        await assertManages(tx, ctx, [teamId]);
        const before = await repo.findTeamRouting(tx, teamId);
        await repo.upsertTeamRouting(tx, teamId, input.autoAssign, clock.now());
        await recordAudit(
          tx,
          {
            ...auditContextOf(ctx),
            action: 'team.routing_set',
            entityType: 'team',
            entityId: teamId,
            accountId: null,
            changes: describeChanges(before ?? null, input, ['autoAssign']),
          },
          clock,
        );
        return presentTeam(tx, teamId);
      });
    },
  };
}
