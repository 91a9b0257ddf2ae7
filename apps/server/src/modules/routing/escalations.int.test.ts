import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withModuleTables } from '../../platform/db/index.ts';
import { buildAccount, createTestApp, signedInAs, type Caller, type TestApp } from '../../../test/app.ts';
import type { CaseTables } from '../cases/index.ts';
import type { RoutingTables } from './routing.repository.ts';

let t: TestApp;
let agent: Caller;
let lead: Caller;
let customer: Caller;
let accountId: string;
let l1Team: string;
let l2Team: string;
let l2AgentId: string;
let vendorId: string;

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t)).id;
  agent = await signedInAs(t, 'agent', { tier: 1 });
  lead = await signedInAs(t, 'agent', { tier: 2 });
  customer = await signedInAs(t, 'customer_admin', { accountId });
  const admin = await signedInAs(t, 'admin');
  const { identity } = t.services;
  l1Team = (await identity.createTeam(null, { name: 'Escalation L1' })).id;
  l2Team = (await identity.createTeam(null, { name: 'Escalation L2' })).id;
  await identity.addTeamMember(null, l1Team, { userId: agent.id, isLead: false });
  await identity.addTeamMember(null, l1Team, { userId: lead.id, isLead: true });
  // L2 assigns itself: an escalated case lands with its one available agent.
  l2AgentId = (await signedInAs(t, 'agent', { tier: 2 })).id;
  await identity.addTeamMember(null, l2Team, { userId: l2AgentId, isLead: false });
  const put = async (url: string, body: object) =>
    expect((await admin.call('PUT', url, body)).statusCode).toBe(200);
  await put(`/api/users/${l2AgentId}/routing-profile`, {
    serviceCodes: [],
    caseTypes: [],
    languages: ['en'],
    loadCap: 50,
    available: true,
  });
  await put(`/api/teams/${l2Team}/routing`, { autoAssign: true });
  const vendor = await admin.call('POST', '/api/vendors', {
    name: 'Escalation processor',
    kind: 'processor',
  });
  expect(vendor.statusCode, vendor.body).toBe(201);
  vendorId = vendor.json().id;
});
afterAll(() => t.close());

interface Case {
  id: string;
  reference: string;
  version: number;
  status: string;
  tier: number;
  team: { id: string } | null;
  assignee: { id: string } | null;
}

async function open(overrides: Record<string, unknown> = {}) {
  const response = await agent.call('POST', '/api/cases', {
    accountId,
    subject: 'Chargeback file rejected',
    description: 'The scheme rejected our chargeback file twice this morning.',
    type: 'incident',
    impact: 'high',
    urgency: 'high',
    teamId: l1Team,
    assigneeId: agent.id,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Case>();
}

function escalate(c: { id: string; version: number }, body: object, who: Caller = agent) {
  return who.call('POST', `/api/cases/${c.id}/escalations`, body, { 'if-match': `"${c.version}"` });
}

async function escalated(c: { id: string; version: number }, body: object) {
  const response = await escalate(c, body);
  expect(response.statusCode, response.body).toBe(201);
  expect(response.headers.etag).toBe(`"${response.json().case.version}"`);
  return response.json<{ case: Case; escalation: Record<string, unknown> }>();
}

async function snapshot(caseId: string) {
  const cases = withModuleTables<CaseTables>(t.db);
  return {
    row: await cases.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst(),
    events: await cases.selectFrom('caseEvents').selectAll().where('caseId', '=', caseId).execute(),
    escalations: await withModuleTables<RoutingTables>(t.db)
      .selectFrom('caseEscalations')
      .selectAll()
      .where('caseId', '=', caseId)
      .execute(),
    notifications: await withModuleTables<{ notifications: { entityId: string | null } }>(t.db)
      .selectFrom('notifications')
      .selectAll()
      .where('entityId', '=', caseId)
      .execute(),
  };
}

async function eventTypes(caseId: string) {
  const response = await agent.call('GET', `/api/cases/${caseId}/timeline`);
  return response.json<{ items: Array<{ type: string; data: Record<string, unknown> }> }>().items;
}

describe('tier escalation', () => {
  it('goes L1 → L2 (into the L2 queue, routed) → L3, keeping the history', async () => {
    const created = await open();
    const toL2 = await escalated(created, {
      kind: 'tier',
      teamId: l2Team,
      reason: 'Needs scheme file analysis',
    });
    expect(toL2.case).toMatchObject({ tier: 2, team: { id: l2Team }, assignee: { id: l2AgentId } });
    expect(toL2.escalation).toMatchObject({
      kind: 'tier',
      fromTier: 1,
      toTier: 2,
      fromTeam: { id: l1Team },
      toTeam: { id: l2Team },
      reason: 'Needs scheme file analysis',
      escalatedBy: { id: agent.id },
    });
    const events = await eventTypes(created.id);
    expect(events.map((e) => e.type)).toEqual([
      'opened',
      'escalated',
      'field_changed',
      'assigned',
      'assigned',
    ]);
    expect(events[1]!.data).toMatchObject({ kind: 'tier', fromTier: 1, toTier: 2, toTeamId: l2Team });

    const toL3 = await escalated(toL2.case, { kind: 'tier', reason: 'Engineering must look' });
    expect(toL3.case).toMatchObject({ tier: 3, team: { id: l2Team }, assignee: { id: l2AgentId } });

    const history = await agent.call('GET', `/api/cases/${created.reference}/escalations`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((e: { toTier: number }) => e.toTier)).toEqual([2, 3]);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', created.id)
      .where('action', '=', 'case.escalated')
      .execute();
    expect(audit).toHaveLength(2);

    const before = await snapshot(created.id);
    const beyond = await escalate(toL3.case, { kind: 'tier', reason: 'Further?' });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json()).toMatchObject({
      code: 'CASE_ESCALATION_FORBIDDEN',
      detail: 'The case is already at L3',
    });
    expect(await snapshot(created.id)).toEqual(before);
  });
});

describe('functional escalation', () => {
  it('hands the case to another team', async () => {
    const created = await open();
    const { case: moved, escalation } = await escalated(created, {
      kind: 'functional',
      teamId: l2Team,
      reason: 'Settlement team owns this',
    });
    expect(moved).toMatchObject({ tier: 1, team: { id: l2Team }, assignee: { id: l2AgentId } });
    expect(escalation).toMatchObject({ kind: 'functional', toTeam: { id: l2Team }, vendor: null });
  });

  it("waits on a vendor, keeping the vendor's reference on the case", async () => {
    const created = await open();
    const { case: waiting, escalation } = await escalated(created, {
      kind: 'functional',
      vendorId,
      externalReference: ' INC-778812 ',
      reason: 'Processor outage',
    });
    expect(waiting).toMatchObject({ status: 'pending_vendor', assignee: { id: agent.id } });
    expect(escalation).toMatchObject({ vendor: { id: vendorId }, externalReference: 'INC-778812' });
    const row = await withModuleTables<RoutingTables>(t.db)
      .selectFrom('cases')
      .select(['vendorId', 'vendorReference'])
      .where('id', '=', created.id)
      .executeTakeFirst();
    expect(row).toEqual({ vendorId, vendorReference: 'INC-778812' });
  });
});

describe('hierarchical escalation', () => {
  it("tells the team's leads, or the manager named", async () => {
    const created = await open();
    const { escalation, case: after } = await escalated(created, {
      kind: 'hierarchical',
      reason: 'Customer threatens to terminate',
    });
    expect(escalation).toMatchObject({ kind: 'hierarchical', manager: null, notifiedUserIds: [lead.id] });
    expect(after.version).toBe(created.version + 1);
    const inbox = await lead.call('GET', '/api/notifications');
    expect(inbox.json().items[0]).toMatchObject({
      kind: 'case.escalated',
      title: `${created.reference} escalated to you`,
      link: `/cases/${created.reference}`,
    });

    const manager = await signedInAs(t, 'account_manager');
    const named = await escalated(after, {
      kind: 'hierarchical',
      managerId: manager.id,
      reason: 'Board level',
    });
    expect(named.escalation).toMatchObject({ manager: { id: manager.id }, notifiedUserIds: [manager.id] });
  });
});

describe('bad escalations', () => {
  it('are refused with a clear error and change nothing', async () => {
    const created = await open();
    const unteamed = await open({ teamId: undefined, assigneeId: undefined });
    const before = await snapshot(created.id);
    const refused = async (
      c: { id: string; version: number },
      body: object,
      status: number,
      code: string,
      path?: string,
    ) => {
      const response = await escalate(c, body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().code).toBe(code);
      if (path) expect(response.json().errors[0].path).toBe(path);
    };
    const unknown = '00000000-0000-4000-8000-000000000000';
    await refused(
      created,
      { kind: 'functional', vendorId, reason: 'x' },
      400,
      'VALIDATION_FAILED',
      'body/externalReference',
    );
    await refused(
      created,
      { kind: 'functional', vendorId: unknown, externalReference: 'R1', reason: 'x' },
      400,
      'VALIDATION_FAILED',
      'body/vendorId',
    );
    await refused(
      created,
      { kind: 'functional', teamId: unknown, reason: 'x' },
      400,
      'VALIDATION_FAILED',
      'body/teamId',
    );
    await refused(
      created,
      { kind: 'tier', teamId: unknown, reason: 'x' },
      400,
      'VALIDATION_FAILED',
      'body/teamId',
    );
    await refused(
      created,
      { kind: 'functional', teamId: l1Team, reason: 'x' },
      400,
      'VALIDATION_FAILED',
      'body/teamId',
    );
    await refused(created, { kind: 'functional', reason: 'x' }, 400, 'VALIDATION_FAILED', 'body/teamId');
    await refused(
      created,
      { kind: 'tier', vendorId, reason: 'x' },
      400,
      'VALIDATION_FAILED',
      'body/vendorId',
    );
    await refused(created, { kind: 'tier', reason: '   ' }, 400, 'VALIDATION_FAILED', 'body/reason');
    await refused(created, { kind: 'sideways', reason: 'x' }, 400, 'VALIDATION_FAILED');
    await refused(
      created,
      { kind: 'hierarchical', managerId: customer.id, reason: 'x' },
      400,
      'VALIDATION_FAILED',
      'body/managerId',
    );
    await refused(
      { ...created, version: created.version + 5 },
      { kind: 'tier', reason: 'x' },
      409,
      'CASE_VERSION_CONFLICT',
    );
    const noIfMatch = await agent.call('POST', `/api/cases/${created.id}/escalations`, {
      kind: 'tier',
      reason: 'x',
    });
    expect(noIfMatch.statusCode).toBe(428);
    expect(await snapshot(created.id)).toEqual(before);

    const unteamedBefore = await snapshot(unteamed.id);
    await refused(
      unteamed,
      { kind: 'hierarchical', reason: 'x' },
      400,
      'VALIDATION_FAILED',
      'body/managerId',
    );
    expect(await snapshot(unteamed.id)).toEqual(unteamedBefore);
  });

  it('refuses a closed case', async () => {
    const created = await open();
    const closed = await agent.call(
      'PATCH',
      `/api/cases/${created.id}`,
      { status: 'closed' },
      { 'if-match': `"${created.version}"` },
    );
    expect(closed.statusCode, closed.body).toBe(200);
    const before = await snapshot(created.id);
    const response = await escalate(closed.json(), { kind: 'tier', reason: 'Too late' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'CASE_ESCALATION_FORBIDDEN' });
    expect(await snapshot(created.id)).toEqual(before);
  });

  it('are staff work: a customer can neither escalate nor read the history', async () => {
    const created = await open();
    expect((await escalate(created, { kind: 'tier', reason: 'Please' }, customer)).statusCode).toBe(403);
    expect((await customer.call('GET', `/api/cases/${created.id}/escalations`)).statusCode).toBe(403);
  });
});
