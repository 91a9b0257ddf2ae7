import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withModuleTables } from '../../platform/db/index.ts';
import {
  buildAccount,
  buildUser,
  createTestApp,
  signedInAs,
  type Caller,
  type TestApp,
} from '../../../test/app.ts';
import type { RoutingTables } from './routing.repository.ts';

let t: TestApp;
let admin: Caller;
let accountId: string;

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t)).id;
  admin = await signedInAs(t, 'admin');
});
afterAll(() => t.close());

interface Case {
  id: string;
  version: number;
  assignee: { id: string } | null;
}

const generalist = {
  serviceCodes: [] as string[],
  caseTypes: [] as string[],
  languages: ['en'],
  loadCap: 100,
  available: true,
};

/** A staff agent, with a routing profile when one is given. */
async function agent(profile?: Partial<typeof generalist>, tier: 1 | 2 | 3 = 1) {
  const user = await buildUser(t, { role: 'agent', tier });
  if (profile) {
    const response = await admin.call('PUT', `/api/users/${user.id}/routing-profile`, {
      ...generalist,
      ...profile,
    });
    expect(response.statusCode, response.body).toBe(200);
  }
  return user.id;
}

let teams = 0;
async function team(members: string[], options: { autoAssign?: boolean; leads?: string[] } = {}) {
  teams += 1;
  const teamId = (await t.services.identity.createTeam(null, { name: `Routing team ${teams}` })).id;
  for (const userId of [...members, ...(options.leads ?? [])])
    await t.services.identity.addTeamMember(null, teamId, {
      userId,
      isLead: options.leads?.includes(userId) ?? false,
    });
  if (options.autoAssign ?? true) {
    const response = await admin.call('PUT', `/api/teams/${teamId}/routing`, { autoAssign: true });
    expect(response.statusCode, response.body).toBe(200);
  }
  return teamId;
}

async function open(overrides: Record<string, unknown>) {
  const response = await admin.call('POST', '/api/cases', {
    accountId,
    subject: 'Refund not received',
    description: 'The refund of 12 March has not reached the cardholder.',
    type: 'refund',
    impact: 'medium',
    urgency: 'medium',
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Case>();
}

async function timeline(caseId: string) {
  const response = await admin.call('GET', `/api/cases/${caseId}/timeline`);
  return response.json<{ items: Array<{ type: string; actor: unknown; data: Record<string, unknown> }> }>()
    .items;
}

function tables() {
  return withModuleTables<RoutingTables>(t.db);
}

describe('routing profiles', () => {
  it('starts unconfigured (not routed to) and is set by an admin, audited', async () => {
    const userId = await agent();
    const before = await admin.call('GET', `/api/users/${userId}/routing-profile`);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({
      configured: false,
      available: false,
      languages: ['en'],
      openCases: 0,
    });

    const set = await admin.call('PUT', `/api/users/${userId}/routing-profile`, {
      serviceCodes: [],
      caseTypes: ['refund', 'dispute', 'refund'],
      languages: ['en', 'pl'],
      loadCap: 4,
      available: true,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      configured: true,
      caseTypes: ['refund', 'dispute'],
      languages: ['en', 'pl'],
      loadCap: 4,
      available: true,
    });
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action'])
      .where('entityId', '=', userId)
      .where('action', '=', 'user.routing_profile_set')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("lets a lead set their team members' profiles, and agents read only their own", async () => {
    const memberId = await agent();
    const outsiderId = await agent();
    const lead = await signedInAs(t, 'agent', { tier: 2 });
    await team([memberId], { autoAssign: false, leads: [lead.id] });
    const body = { ...generalist, loadCap: 3 };
    expect((await lead.call('PUT', `/api/users/${memberId}/routing-profile`, body)).statusCode).toBe(200);
    const refused = await lead.call('PUT', `/api/users/${outsiderId}/routing-profile`, body);
    expect(refused.statusCode).toBe(403);
    expect(
      await tables()
        .selectFrom('agentRoutingProfiles')
        .where('userId', '=', outsiderId)
        .selectAll()
        .execute(),
    ).toEqual([]);

    const self = await signedInAs(t, 'agent', { tier: 1 });
    expect((await self.call('GET', `/api/users/${self.id}/routing-profile`)).statusCode).toBe(200);
    expect((await self.call('GET', `/api/users/${memberId}/routing-profile`)).statusCode).toBe(403);
    expect((await self.call('PUT', `/api/users/${self.id}/routing-profile`, body)).statusCode).toBe(403);
  });

  it('refuses bad input and changes nothing', async () => {
    const userId = await agent({ loadCap: 7 });
    const stored = () =>
      tables().selectFrom('agentRoutingProfiles').selectAll().where('userId', '=', userId).execute();
    const before = await stored();
    const put = (body: object) =>
      admin.call('PUT', `/api/users/${userId}/routing-profile`, { ...generalist, ...body });

    const unknownService = await put({ serviceCodes: ['no_such_service'] });
    expect(unknownService.statusCode).toBe(400);
    expect(unknownService.json().errors).toEqual([
      { path: 'body/serviceCodes/0', message: 'no_such_service is not a service in the catalogue' },
    ]);
    expect((await put({ languages: [] })).statusCode).toBe(400);
    expect((await put({ languages: ['fr'] })).statusCode).toBe(400);
    expect((await put({ loadCap: -1 })).statusCode).toBe(400);
    expect((await put({ caseTypes: ['gossip'] })).statusCode).toBe(400);
    expect(await stored()).toEqual(before);

    const customer = await buildUser(t, { role: 'customer_admin', accountId });
    const notStaff = await admin.call('PUT', `/api/users/${customer.id}/routing-profile`, generalist);
    expect(notStaff.statusCode).toBe(404);
    expect(notStaff.json().code).toBe('USER_NOT_FOUND');
    const customerCaller = await signedInAs(t, 'customer_admin', { accountId });
    expect((await customerCaller.call('GET', `/api/users/${userId}/routing-profile`)).statusCode).toBe(403);
  });
});

describe('team routing settings', () => {
  it('is off until an admin or the team lead turns it on', async () => {
    const lead = await signedInAs(t, 'agent', { tier: 2 });
    const other = await signedInAs(t, 'agent', { tier: 1 });
    const teamId = await team([other.id], { autoAssign: false, leads: [lead.id] });
    expect((await other.call('GET', `/api/teams/${teamId}/routing`)).json()).toEqual({
      teamId,
      autoAssign: false,
      lastAssigned: null,
    });
    expect((await other.call('PUT', `/api/teams/${teamId}/routing`, { autoAssign: true })).statusCode).toBe(
      403,
    );
    const on = await lead.call('PUT', `/api/teams/${teamId}/routing`, { autoAssign: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ autoAssign: true });
    const unknown = await admin.call('PUT', '/api/teams/00000000-0000-4000-8000-000000000000/routing', {
      autoAssign: true,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('TEAM_NOT_FOUND');
  });
});

describe('automatic assignment', () => {
  it('deals cases round robin, fairly, in a stable order', async () => {
    const ids = [await agent({}), await agent({}), await agent({})];
    const teamId = await team(ids);
    const assigned: string[] = [];
    for (let i = 0; i < 30; i += 1) assigned.push((await open({ teamId })).assignee!.id);
    const order = [...ids].sort();
    expect(assigned).toEqual(Array.from({ length: 30 }, (_, i) => order[i % 3]));
    const routing = (await admin.call('GET', `/api/teams/${teamId}/routing`)).json();
    expect(routing.lastAssigned.user.id).toBe(order[2]);
  });

  it('records the assignment as the system on the timeline', async () => {
    const agentId = await agent({});
    const teamId = await team([agentId]);
    const created = await open({ teamId });
    const events = await timeline(created.id);
    expect(events.map((e) => e.type)).toEqual(['opened', 'assigned']);
    expect(events[1]).toMatchObject({
      actor: null,
      data: { by: 'routing', to: { teamId, assigneeId: agentId } },
    });
  });

  it('respects the load cap, counting open cases across teams, and leaves the rest in the queue', async () => {
    const small = await agent({ loadCap: 1 });
    const big = await agent({ loadCap: 2 });
    const teamId = await team([small, big]);
    const cases = [await open({ teamId }), await open({ teamId }), await open({ teamId })];
    const counts = (who: string) => cases.filter((c) => c.assignee?.id === who).length;
    expect([counts(small), counts(big)]).toEqual([1, 2]);

    const queued = await open({ teamId });
    expect(queued.assignee).toBeNull();
    expect((await timeline(queued.id)).at(-1)).toMatchObject({
      type: 'assignment_skipped',
      data: { teamId, reason: 'every eligible team member is at their load cap' },
    });

    // Resolving one of small's cases frees their slot.
    const smallCase = cases.find((c) => c.assignee?.id === small)!;
    const resolved = await admin.call(
      'PATCH',
      `/api/cases/${smallCase.id}`,
      { status: 'resolved' },
      { 'if-match': `"${smallCase.version}"` },
    );
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await open({ teamId })).assignee?.id).toBe(small);
  });

  it('matches the language and the skills (service or case type; none is a generalist)', async () => {
    const service = await admin.call('POST', '/api/services', {
      code: 'routing_sepa',
      name: 'SEPA credit transfer',
    });
    expect(service.statusCode, service.body).toBe(201);
    const english = await agent({ languages: ['en'], caseTypes: ['incident'] });
    const polishRefunds = await agent({ languages: ['pl'], caseTypes: ['refund'] });
    const sepa = await agent({ languages: ['en', 'pl'], serviceCodes: ['routing_sepa'] });
    const unavailable = await agent({ languages: ['zh-CN'], available: false });
    const teamId = await team([english, polishRefunds, sepa, unavailable]);

    expect((await open({ teamId, language: 'pl', type: 'refund' })).assignee?.id).toBe(polishRefunds);
    expect((await open({ teamId, language: 'en', type: 'incident' })).assignee?.id).toBe(english);
    expect(
      (await open({ teamId, language: 'pl', type: 'dispute', serviceCode: 'routing_sepa' })).assignee?.id,
    ).toBe(sepa);

    const noSkill = await open({ teamId, language: 'pl', type: 'complaint' });
    expect(noSkill.assignee).toBeNull();
    expect((await timeline(noSkill.id)).at(-1)?.data.reason).toBe(
      'no available team member handling pl has a skill for complaint cases',
    );
    const noLanguage = await open({ teamId, language: 'zh-CN' });
    expect(noLanguage.assignee).toBeNull();
    expect((await timeline(noLanguage.id)).at(-1)?.data.reason).toBe(
      'no available team member handles zh-CN',
    );
  });

  it('gives a tier 2 case only to agents working tier 2 or above', async () => {
    const l1 = await agent({}, 1);
    const l2 = await agent({}, 2);
    const teamId = await team([l1, l2]);
    expect((await open({ teamId, tier: 2 })).assignee?.id).toBe(l2);
    expect((await open({ teamId, tier: 2 })).assignee?.id).toBe(l2);
  });

  it('routes a case moved into a team unassigned, but not a manual assignment or a team without auto-assign', async () => {
    const agentId = await agent({});
    const manualId = await agent({});
    const teamId = await team([agentId]);
    const quietTeam = await team([agentId], { autoAssign: false });

    const unrouted = await open({});
    const moved = await admin.call(
      'PATCH',
      `/api/cases/${unrouted.id}`,
      { teamId },
      { 'if-match': `"${unrouted.version}"` },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().assignee?.id).toBe(agentId);
    expect((await timeline(unrouted.id)).map((e) => e.type)).toEqual(['opened', 'assigned', 'assigned']);

    expect((await open({ teamId, assigneeId: manualId })).assignee?.id).toBe(manualId);
    const quiet = await open({ teamId: quietTeam });
    expect(quiet.assignee).toBeNull();
    expect((await timeline(quiet.id)).map((e) => e.type)).toEqual(['opened']);
  });

  it("never gives cases landing at once more than an agent's free slots, even from two teams", async () => {
    const agentId = await agent({ loadCap: 3 });
    const firstTeam = await team([agentId]);
    const secondTeam = await team([agentId]);
    await open({ teamId: firstTeam });
    const landed = await Promise.all(
      Array.from({ length: 10 }, (_, i) => open({ teamId: i % 2 ? firstTeam : secondTeam })),
    );
    expect(landed.filter((c) => c.assignee?.id === agentId)).toHaveLength(2);
    const load = await admin.call('GET', `/api/users/${agentId}/routing-profile`);
    expect(load.json().openCases).toBe(3);
  });
});
