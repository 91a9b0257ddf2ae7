import type { Services } from '../app.ts';
import type { Db } from '../platform/db/index.ts';
import { demoAccounts, demoPassword, demoTeams, demoUsers } from './demo-data.ts';

export interface DemoSeedResult {
  seeded: boolean;
  accounts: number;
  users: number;
  teams: number;
}

/**
 * Seeds the demo through the services (so it is validated and audited like any other write). Runs
 * only on a database without users: seeding twice changes nothing.
 */
export async function seedDemo(db: Db, services: Services): Promise<DemoSeedResult> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false, accounts: 0, users: 0, teams: 0 };

  const accountIds = new Map<string, string>();
  for (const account of demoAccounts) {
    const created = await services.accounts.create(null, account);
    accountIds.set(account.name, created.id);
  }
  const teamIds = new Map<string, string>();
  for (const team of demoTeams) {
    const created = await services.identity.createTeam(null, team);
    teamIds.set(team.key, created.id);
  }
  for (const user of demoUsers) {
    const created = await services.identity.createUser(null, {
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      accountId: user.account ? accountIds.get(user.account)! : null,
      tier: user.tier ?? null,
      language: user.language,
      timeZone: user.timeZone,
      password: demoPassword,
    });
    if (user.team) {
      await services.identity.addTeamMember(null, teamIds.get(user.team)!, {
        userId: created.id,
        isLead: user.lead ?? false,
      });
    }
  }
  return { seeded: true, accounts: demoAccounts.length, users: demoUsers.length, teams: demoTeams.length };
}
