import type { CaseRouter } from '../cases/index.ts';
import { eligibleMembers, nextInTurn } from './eligibility.ts';
import * as repo from './routing.repository.ts';

/**
 * Automatic assignment, handed to the cases service as its `router`: runs in the transaction of the
 * change that lands a case in a team's queue with nobody assigned. The team's routing row is the
 * round-robin cursor and is locked first, then its members' profiles, so two cases landing at once
 * take turns and cannot both take an agent's last free slot.
 */
export function createCaseRouter(): CaseRouter {
  return async (tx, landing) => {
    const team = await repo.lockTeamRouting(tx, landing.teamId);
    if (!team?.autoAssign) return null;
    await repo.lockMemberProfiles(tx, landing.teamId);
    const members = await repo.teamMembersWithProfiles(tx, landing.teamId);
    const loads = await repo.openLoads(
      tx,
      members.filter((m) => m.profileUserId !== null).map((m) => m.id),
    );
    const serviceCode = landing.serviceId
      ? ((await repo.findServiceCode(tx, landing.serviceId))?.code ?? null)
      : null;
    const eligible = eligibleMembers(
      members.map((m) => ({
        id: m.id,
        tier: m.tier,
        profile:
          m.profileUserId === null
            ? null
            : {
                serviceCodes: m.serviceCodes!,
                caseTypes: m.caseTypes!,
                languages: m.languages!,
                loadCap: m.loadCap!,
                isAvailable: m.isAvailable!,
              },
      })),
      { type: landing.type, serviceCode, language: landing.language, tier: landing.tier },
      loads,
    );
    if ('skipped' in eligible) return eligible;
    const assigneeId = nextInTurn(eligible.ids, team.lastAssignedUserId);
    await repo.moveCursor(tx, landing.teamId, assigneeId, landing.at);
    return { assigneeId };
  };
}
