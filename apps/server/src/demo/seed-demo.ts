import type { Services } from '../app.ts';
import type { RequestContext } from '../platform/auth/index.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/index.ts';
import { seedDemoAgreements } from './demo-agreements.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoContracts } from './demo-contracts.ts';
import { demoCalendars } from './demo-calendars.ts';
import { seedDemoGovernance } from './demo-governance.ts';
import { seedDemoMacros } from './demo-macros.ts';
import {
  demoAccountManager,
  demoAccounts,
  demoPassword,
  demoRelationships,
  demoTeams,
  demoUsers,
  type DemoUser,
} from './demo-data.ts';

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
export async function seedDemo(
  db: Db,
  services: Services,
  clock: Clock = systemClock,
): Promise<DemoSeedResult> {
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
  const people = new Map<string, RequestContext>();
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
    people.set(user.email, actingAs(created.id, created.account?.id ?? null, user));
    if (user.team) {
      await services.identity.addTeamMember(null, teamIds.get(user.team)!, {
        userId: created.id,
        isLead: user.lead ?? false,
      });
    }
  }
  await seedRelationships(services, accountIds, people);
  await seedDemoGovernance(services, accountIds, people);
  for (const calendar of demoCalendars)
    await services.calendars.create(people.get(demoAccountManager)!, calendar);
  await seedDemoAgreements(services, teamIds, people.get(demoAccountManager)!);
  await seedDemoContracts(services, accountIds, people, people.get(demoAccountManager)!);
  await seedDemoCases(services, clock, accountIds, teamIds, people);
  await seedDemoMacros(
    services,
    teamIds,
    people.get('admin@paydesk.test')!,
    people.get('diego.ramirez@paydesk.test')!,
  );
  return { seeded: true, accounts: demoAccounts.length, users: demoUsers.length, teams: demoTeams.length };
}

/** Owners, contacts, subscribed services, notes and opportunities of the demo accounts. */
async function seedRelationships(
  services: Services,
  accountIds: Map<string, string>,
  people: Map<string, RequestContext>,
) {
  const manager = people.get(demoAccountManager)!;
  const catalogue = new Map(
    (await services.accounts.listServices(manager, {})).map((service) => [service.code, service.id]),
  );
  for (const [name, relationship] of Object.entries(demoRelationships)) {
    const accountId = accountIds.get(name)!;
    await services.accounts.update(null, accountId, { ownerId: manager.actor.userId });
    for (const contact of relationship.contacts)
      await services.accounts.createContact(null, accountId, contact);
    for (const { code, startedOn } of relationship.services) {
      await services.accounts.subscribe(null, accountId, { serviceId: catalogue.get(code)!, startedOn });
    }
    for (const body of relationship.notes ?? [])
      await services.accounts.addNote(manager, accountId, { body });
    for (const { raisedBy, ...opportunity } of relationship.opportunities ?? []) {
      await services.accounts.raiseOpportunity(people.get(raisedBy)!, accountId, {
        ...opportunity,
        ownerId: manager.actor.userId,
      });
    }
  }
}

/**
 * Notes and opportunities are written by people, so the seed acts as the demo staff member who
 * wrote them; the audit log shows it as that user's request 'demo-seed'.
 */
function actingAs(userId: string, accountId: string | null, user: DemoUser): RequestContext {
  return {
    actor: {
      kind: 'user',
      userId,
      role: user.role,
      accountId,
      tier: user.tier ?? null,
      via: 'session',
      sessionId: null,
      tokenId: null,
      scopes: ['read', 'write'],
    },
    requestId: 'demo-seed',
    ip: null,
  };
}
