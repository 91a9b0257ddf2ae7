import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildContact,
  createTestApp,
  signedInAs,
  type Caller,
  type TestApp,
} from '../../../test/app.ts';

let t: TestApp;
let agent: Caller;
let otherAgent: Caller;
let customer: Caller;
let accountId: string;
let otherAccountId: string;
let teamId: string;

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t)).id;
  otherAccountId = (await buildAccount(t)).id;
  agent = await signedInAs(t, 'agent', { tier: 1 });
  otherAgent = await signedInAs(t, 'agent', { tier: 2 });
  customer = await signedInAs(t, 'customer_admin', { accountId });
  teamId = (await t.services.identity.createTeam(null, { name: 'L1 London' })).id;
  await t.services.identity.addTeamMember(null, teamId, { userId: agent.id, isLead: false });
});
afterAll(() => t.close());

interface Case {
  id: string;
  number: number;
  reference: string;
  status: string;
  priority: string;
  channel: string;
  version: number;
  allowedStatuses: string[];
  team?: { id: string } | null;
  assignee: { id: string } | null;
}

const request = {
  subject: 'Faster Payments credits not arriving',
  description: 'Since 09:10 our inbound FPS credits are delayed; about 300 payments affected.',
  type: 'incident',
  impact: 'high',
  urgency: 'medium',
};

async function open(overrides: Record<string, unknown> = {}, who: Caller = agent) {
  const response = await who.call('POST', '/api/cases', { accountId, ...request, ...overrides });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Case>();
}

function patch(who: Caller, c: { id: string; version: number }, body: object) {
  return who.call('PATCH', `/api/cases/${c.id}`, body, { 'if-match': `"${c.version}"` });
}

async function snapshot(id: string) {
  const db = t.db.withTables<{
    cases: { id: string };
    caseEvents: { caseId: string };
    caseMessages: { caseId: string };
  }>();
  return {
    row: await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst(),
    events: await db.selectFrom('caseEvents').selectAll().where('caseId', '=', id).execute(),
    messages: await db.selectFrom('caseMessages').selectAll().where('caseId', '=', id).execute(),
  };
}

describe('opening a case', () => {
  it('numbers it, takes the priority from impact × urgency and records the request as the first message', async () => {
    const created = await open({ teamId, channel: 'phone' });
    expect(created).toMatchObject({ status: 'new', priority: 'P2', channel: 'phone', team: { id: teamId } });
    expect(created.reference).toBe(`PD-${created.number}`);
    const byNumber = await agent.call('GET', `/api/cases/${created.reference}`);
    expect(byNumber.json<Case>().id).toBe(created.id);
    expect(byNumber.headers.etag).toBe('"1"');
    const messages = await agent.call('GET', `/api/cases/${created.id}/messages`);
    // The customer's words, entered by the agent who took the call: the agent is the author.
    expect(messages.json<{ items: unknown[] }>().items).toMatchObject([
      { visibility: 'public', fromCustomer: true, recordedByStaff: true, body: request.description },
    ]);
    const timeline = await agent.call('GET', `/api/cases/${created.id}/timeline`);
    expect(timeline.json<{ items: unknown[] }>().items).toMatchObject([{ seq: 1, type: 'opened' }]);
  });

  it('lets a customer open one on their own account through the portal, not set triage fields, nor reach another account', async () => {
    const own = await open({ channel: 'email' }, customer);
    expect(own).toMatchObject({ channel: 'portal', status: 'new' });
    expect(own).not.toHaveProperty('tags');
    const triage = await customer.call('POST', '/api/cases', { accountId, ...request, teamId });
    expect(triage.json()).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
    const other = await customer.call('POST', '/api/cases', { ...request, accountId: otherAccountId });
    expect(other.json()).toMatchObject({ status: 404, code: 'ACCOUNT_NOT_FOUND' });
  });

  it("makes a portal user the case's contact when their account keeps a contact with their e-mail address", async () => {
    const email = `treasury-${Date.now()}@example.test`;
    const contact = await buildContact(t, accountId, { name: 'Olga Treasury', email, language: 'pl' });
    const portalUser = await signedInAs(t, 'customer_user', { accountId, email });
    const own = await open({}, portalUser);
    expect(own).toMatchObject({ contact: { id: contact.id, name: 'Olga Treasury', email }, language: 'pl' });
    // Naming another of the account's contacts is theirs to do; a user without a contact stays without.
    const colleague = await buildContact(t, accountId);
    expect(await open({ contactId: colleague.id }, portalUser)).toMatchObject({
      contact: { id: colleague.id },
    });
    expect(await open({}, customer)).toMatchObject({ contact: null });
    // Staff opening a case name its contact themselves: their own e-mail address is never a contact.
    expect(await open({})).toMatchObject({ contact: null });
  });

  it('wants a reason to override the matrix', async () => {
    const noReason = await agent.call('POST', '/api/cases', { accountId, ...request, priority: 'P1' });
    expect(noReason.json()).toMatchObject({ status: 400, errors: [{ path: 'body/priorityReason' }] });
    const overridden = await open({ priority: 'P1', priorityReason: 'Month-end payroll at risk' });
    expect(overridden.priority).toBe('P1');
  });

  it('refuses references that do not exist or belong to another account', async () => {
    const otherContact = await buildContact(t, otherAccountId);
    const response = await agent.call('POST', '/api/cases', {
      accountId,
      ...request,
      serviceCode: 'no_such_service',
      contactId: otherContact.id,
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'body/serviceCode',
      'body/contactId',
      'body/teamId',
    ]);
  });
});

describe('changing a case', () => {
  it('needs the version it read, and answers a stale one with the current case', async () => {
    const created = await open();
    const missing = await agent.call('PATCH', `/api/cases/${created.id}`, { status: 'open' });
    expect(missing.json()).toMatchObject({ status: 428, code: 'PRECONDITION_REQUIRED' });
    const opened = await patch(agent, created, { status: 'open' });
    expect(opened.json<Case>()).toMatchObject({ status: 'open', version: 2 });
    const stale = await patch(agent, created, { subject: 'Stale edit' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'CASE_VERSION_CONFLICT',
      current: { version: 2, status: 'open' },
    });
  });

  it('loses no update when two agents write at once: one wins, the other gets 409', async () => {
    const created = await open();
    const before = await snapshot(created.id);
    const results = await Promise.all([
      patch(agent, created, { assigneeId: agent.id }),
      patch(otherAgent, created, { assigneeId: otherAgent.id }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json<Case>();
    const after = await snapshot(created.id);
    expect(after.events).toHaveLength(before.events.length + 1);
    expect((await agent.call('GET', `/api/cases/${created.id}`)).json<Case>().assignee).toEqual(
      winner.assignee,
    );
  });

  it('refuses a status move the graph does not have, naming the allowed ones, and changes nothing', async () => {
    const created = await open();
    const closed = (await patch(agent, created, { status: 'closed' })).json<Case>();
    const before = await snapshot(created.id);
    const response = await patch(agent, closed, { status: 'resolved' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'CASE_TRANSITION_FORBIDDEN',
      errors: [{ path: 'body/status', message: 'allowed from closed: open' }],
    });
    expect(await snapshot(created.id)).toEqual(before);
  });

  it('recomputes the priority when impact or urgency changes and records it', async () => {
    const created = await open();
    const raised = (await patch(agent, created, { urgency: 'high' })).json<Case>();
    expect(raised.priority).toBe('P1');
    const events = (await agent.call('GET', `/api/cases/${created.id}/timeline`)).json<{
      items: { type: string; data: object }[];
    }>().items;
    expect(events.at(-1)).toMatchObject({ type: 'priority_changed', data: { from: 'P2', to: 'P1' } });
  });

  it('is staff work: a customer cannot change a case', async () => {
    const created = await open({}, customer);
    const response = await patch(customer, created, { status: 'resolved' });
    expect(response.json()).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
  });
});

describe('the conversation', () => {
  it('opens a new case on the first public reply, and brings a case waiting on the customer back on their reply', async () => {
    const created = await open({}, customer);
    const reply = await agent.call('POST', `/api/cases/${created.id}/messages`, {
      visibility: 'public',
      body: 'We are looking at the FPS gateway now.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    let current = (await agent.call('GET', `/api/cases/${created.id}`)).json<Case>();
    expect(current.status).toBe('open');
    current = (await patch(agent, current, { status: 'pending_customer' })).json<Case>();
    await customer.call('POST', `/api/cases/${created.id}/messages`, {
      visibility: 'public',
      body: 'Here are the ids.',
    });
    current = (await agent.call('GET', `/api/cases/${created.id}`)).json<Case>();
    expect(current.status).toBe('open');
    // Written by the customer themselves, or by staff as staff: nothing was entered on anyone's behalf.
    // (The test clock stands still, so the order of messages written at one instant is not asserted.)
    const messages = await customer.call('GET', `/api/cases/${created.id}/messages`);
    const items = messages.json<{ items: Array<{ fromCustomer: boolean; recordedByStaff: boolean }> }>()
      .items;
    expect(items.map(({ fromCustomer, recordedByStaff }) => ({ fromCustomer, recordedByStaff }))).toEqual(
      expect.arrayContaining([
        { fromCustomer: true, recordedByStaff: false },
        { fromCustomer: false, recordedByStaff: false },
      ]),
    );
    expect(items.filter((item) => item.recordedByStaff)).toEqual([]);
  });

  it('keeps internal notes from the customer, and customers cannot write them', async () => {
    const created = await open({}, customer);
    await agent.call('POST', `/api/cases/${created.id}/messages`, {
      visibility: 'internal',
      body: 'Gateway logs show a certificate expiry.',
    });
    const seen = await customer.call('GET', `/api/cases/${created.id}/messages`);
    expect(seen.json<{ items: { body: string }[] }>().items.map((m) => m.body)).toEqual([
      request.description,
    ]);
    const timeline = await customer.call('GET', `/api/cases/${created.id}/timeline`);
    expect(timeline.json<{ items: { type: string }[] }>().items.map((e) => e.type)).toEqual(['opened']);
    const note = await customer.call('POST', `/api/cases/${created.id}/messages`, {
      visibility: 'internal',
      body: 'x',
    });
    expect(note.json()).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
  });

  it('reopens a resolved case on the customer’s reply within the window, and refuses after it', async () => {
    const created = await open({}, customer);
    const resolved = (await patch(agent, created, { status: 'resolved' })).json<Case>();
    expect(resolved.status).toBe('resolved');
    await customer.call('POST', `/api/cases/${created.id}/messages`, {
      visibility: 'public',
      body: 'Still failing.',
    });
    let current = (await agent.call('GET', `/api/cases/${created.id}`)).json<Case>();
    expect(current.status).toBe('open');

    current = (await patch(agent, current, { status: 'resolved' })).json<Case>();
    current = (await patch(agent, current, { status: 'closed' })).json<Case>();
    const before = await snapshot(created.id);
    t.clock.advance(15 * 86_400_000);
    try {
      // Sessions do not outlive a fortnight: a colleague of the customer signs in afresh.
      const colleague = await signedInAs(t, 'customer_user', { accountId });
      const late = await colleague.call('POST', `/api/cases/${created.id}/messages`, {
        visibility: 'public',
        body: 'Weeks later',
      });
      expect(late.json()).toMatchObject({ status: 409, code: 'CASE_REOPEN_WINDOW_PASSED' });
      expect(await snapshot(created.id)).toEqual(before);
    } finally {
      t.clock.advance(-15 * 86_400_000);
    }
  });
});

describe('queues', () => {
  it("lists my cases, my team's cases, and a customer's own account only", async () => {
    const mine = await open({ assigneeId: agent.id });
    const teams = await open({ teamId });
    const elsewhere = await agent.call('POST', '/api/cases', { ...request, accountId: otherAccountId });
    const ids = async (who: Caller, query: string) =>
      (await who.call('GET', `/api/cases?${query}&limit=200`))
        .json<{ items: Case[] }>()
        .items.map((c) => c.id);
    expect(await ids(agent, 'view=mine')).toContain(mine.id);
    expect(await ids(agent, 'view=mine')).not.toContain(teams.id);
    expect(await ids(agent, 'view=team')).toContain(teams.id);
    expect(await ids(customer, 'open=true')).not.toContain(elsewhere.json<Case>().id);
    expect(await ids(customer, 'open=true')).toContain(mine.id);
  });

  it('pages through the queue without losing or repeating a case', async () => {
    for (let i = 0; i < 5; i += 1) await open({ subject: `Paging ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Case[]; nextCursor: string | null } = (
        await agent.call('GET', `/api/cases?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json<{ items: Case[]; nextCursor: string | null }>();
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await agent.call('GET', '/api/cases?limit=200'))
      .json<{ items: Case[] }>()
      .items.map((c) => c.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
