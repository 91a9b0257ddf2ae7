import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildUser,
  createTestApp,
  signedInAs,
  type Caller,
  type TestApp,
} from '../../../test/app.ts';

let t: TestApp;
let agent: Caller;
let outsider: Caller;
let customer: Caller;
let accountId: string;
let teamId: string;
let leadId: string;
let colleagueId: string;
let leftId: string;

interface Assignees {
  team: { id: string; name: string } | null;
  items: Array<{ id: string; displayName: string; isLead: boolean; inTeam: boolean }>;
}

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t)).id;
  agent = await signedInAs(t, 'agent', { displayName: 'Agnes Agent' });
  outsider = await signedInAs(t, 'agent', { displayName: 'Otto Outsider' });
  customer = await signedInAs(t, 'customer_admin', { accountId });
  const { identity } = t.services;
  teamId = (await identity.createTeam(null, { name: 'Assignee desk' })).id;
  leadId = (await buildUser(t, { displayName: 'Zoe Lead' })).id;
  colleagueId = (await buildUser(t, { displayName: 'Carl Colleague' })).id;
  leftId = (await buildUser(t, { displayName: 'Lena Left' })).id;
  for (const [userId, isLead] of [
    [agent.id, false],
    [leadId, true],
    [colleagueId, false],
    [leftId, false],
  ] as const)
    await identity.addTeamMember(null, teamId, { userId, isLead });
  const admin = await signedInAs(t, 'admin');
  const left = await admin.call('PATCH', `/api/users/${leftId}`, { isActive: false });
  expect(left.statusCode, left.body).toBe(200);
});
afterAll(() => t.close());

async function open(overrides: Record<string, unknown> = {}) {
  const response = await agent.call('POST', '/api/cases', {
    accountId,
    subject: 'Refund batch stuck',
    description: 'The 14:00 refund batch has not left the gateway.',
    type: 'incident',
    impact: 'medium',
    urgency: 'medium',
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; reference: string; version: number }>();
}

async function assignees(caseRef: string, who: Caller = agent) {
  const response = await who.call('GET', `/api/cases/${caseRef}/assignees`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Assignees>();
}

describe('GET /api/cases/:id/assignees', () => {
  it("lists the team's active staff, leads first, with the caller once", async () => {
    const created = await open({ teamId });
    const found = await assignees(created.reference);
    expect(found.team).toEqual({ id: teamId, name: 'Assignee desk' });
    expect(found.items).toEqual([
      { id: leadId, displayName: 'Zoe Lead', isLead: true, inTeam: true },
      { id: agent.id, displayName: 'Agnes Agent', isLead: false, inTeam: true },
      { id: colleagueId, displayName: 'Carl Colleague', isLead: false, inTeam: true },
    ]);
  });

  it('adds a caller from outside the team at the end, marked as not in it', async () => {
    const created = await open({ teamId });
    const found = await assignees(created.id, outsider);
    expect(found.items.map((item) => item.id)).toEqual([leadId, agent.id, colleagueId, outsider.id]);
    expect(found.items.at(-1)).toEqual({
      id: outsider.id,
      displayName: 'Otto Outsider',
      isLead: false,
      inTeam: false,
    });
  });

  it('offers only the caller for a case without a team', async () => {
    const created = await open();
    expect(await assignees(created.id)).toEqual({
      team: null,
      items: [{ id: agent.id, displayName: 'Agnes Agent', isLead: false, inTeam: false }],
    });
  });

  it('lets an agent, who cannot read the staff directory, give the case to a listed colleague', async () => {
    expect((await agent.call('GET', '/api/users')).statusCode).toBe(403);
    const created = await open({ teamId });
    const colleague = (await assignees(created.id)).items.find(
      (item) => item.displayName === 'Carl Colleague',
    );
    const response = await agent.call(
      'PATCH',
      `/api/cases/${created.id}`,
      { assigneeId: colleague!.id },
      { 'if-match': `"${created.version}"` },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().assignee).toEqual({ id: colleagueId, displayName: 'Carl Colleague' });
  });

  it("refuses customers (403), even on their own account's case", async () => {
    const created = await open({ teamId });
    const response = await customer.call('GET', `/api/cases/${created.id}/assignees`);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('AUTH_FORBIDDEN');
  });

  it('answers 404 for a case that does not exist, by number or by id', async () => {
    for (const ref of ['PD-999999', '00000000-0000-4000-8000-000000000000', 'not-a-case']) {
      const response = await agent.call('GET', `/api/cases/${ref}/assignees`);
      expect(response.statusCode, ref).toBe(404);
      expect(response.json().code).toBe('CASE_NOT_FOUND');
    }
  });
});
