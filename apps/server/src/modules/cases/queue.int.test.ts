import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, createTestApp, signedInAs, type Caller, type TestApp } from '../../../test/app.ts';
import { defaultContractTerms } from '../contract-terms/index.ts';

const MINUTE = 60_000;

let t: TestApp;
let agent: Caller;
let customer: Caller;
let accountId: string;
let londonId: string;
let mexicoId: string;

interface QueueCase {
  id: string;
  reference: string;
  accountName: string;
  nextDueAt: string | null;
  team?: { id: string; name: string } | null;
  assignee: { id: string; displayName: string } | null;
  contact: { id: string; name: string; email: string } | null;
}
interface QueuePage {
  items: QueueCase[];
  nextCursor: string | null;
}

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t, { name: 'Queue Bank' })).id;
  agent = await signedInAs(t, 'agent');
  customer = await signedInAs(t, 'customer_admin', { accountId });
  londonId = (await t.services.identity.createTeam(null, { name: 'Queue London' })).id;
  mexicoId = (await t.services.identity.createTeam(null, { name: 'Queue Mexico' })).id;
  for (const teamId of [londonId, mexicoId])
    await t.services.identity.addTeamMember(null, teamId, { userId: agent.id, isLead: false });
  // The default terms: one 24×7 policy, P2 first response in 30 minutes, warnings at 50/75/90 %.
  const contract = await t.services.contracts.contracts.create(null, accountId, {
    reference: `MSA-QUEUE-${process.pid}`,
    terms: defaultContractTerms({ title: 'Queue Bank services', startDate: '2026-01-01', currency: 'GBP' }),
  });
  await t.services.contracts.contracts.transition(null, contract.id, undefined, { action: 'activate' });
});

afterAll(async () => {
  await t.close();
});

async function open(teamId: string, subject: string) {
  const response = await agent.call('POST', '/api/cases', {
    accountId,
    subject,
    description: 'Settlement file rejected at 09:10.',
    type: 'incident',
    impact: 'high',
    urgency: 'medium',
    teamId,
    assigneeId: agent.id,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<QueueCase>();
}

async function queue(who: Caller, query: string) {
  const response = await who.call('GET', `/api/cases?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<QueuePage>();
}

/** Every page of a queue, following the cursor. */
async function allPages(query: string, who: Caller = agent) {
  const items: QueueCase[] = [];
  for (let cursor: string | null = null, pages = 0; pages < 50; pages++) {
    const page: QueuePage = await queue(
      who,
      `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

describe('the queue', () => {
  it('merges several teams in due order, page by page, with every name filled in', async () => {
    const opened: QueueCase[] = [];
    for (let index = 0; index < 6; index++) {
      opened.push(await open(index % 2 ? mexicoId : londonId, `Queue order ${index}`));
      t.clock.advance(MINUTE);
    }
    const items = (await allPages('view=team&open=true&limit=4')).filter((item) =>
      opened.some((created) => created.id === item.id),
    );
    // Opened a minute apart with the same target: due a minute apart, in opening order.
    expect(items.map((item) => item.id)).toEqual(opened.map((created) => created.id));
    const dues = items.map((item) => Date.parse(item.nextDueAt!));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(items[0]).toMatchObject({
      accountName: 'Queue Bank',
      team: { id: londonId, name: 'Queue London' },
      assignee: { id: agent.id },
    });
    expect(items[1]!.team).toEqual({ id: mexicoId, name: 'Queue Mexico' });
    expect(items[0]!.assignee!.displayName).not.toBe('');
  });

  it('follows a case moved between teams and agents, resolved and reopened', async () => {
    const other = await signedInAs(t, 'agent');
    const moved = await open(londonId, 'Queue follows changes');
    const inQueue = async (who: Caller, query: string) =>
      (await allPages(query, who)).some((item) => item.id === moved.id);
    let version = 1;
    const change = async (body: Record<string, unknown>) => {
      const response = await agent.call('PATCH', `/api/cases/${moved.id}`, body, {
        'if-match': `"${version}"`,
      });
      expect(response.statusCode, response.body).toBe(200);
      version = response.json<{ version: number }>().version;
    };
    expect(await inQueue(agent, `view=mine&open=true&limit=50`)).toBe(true);

    // Another team, none of the agent's: gone from their team queues, in the team's own.
    const elsewhere = (await t.services.identity.createTeam(null, { name: 'Queue Elsewhere' })).id;
    await change({ teamId: elsewhere, assigneeId: other.id });
    expect(await inQueue(agent, 'view=team&open=true&limit=50')).toBe(false);
    expect(await inQueue(agent, 'view=mine&open=true&limit=50')).toBe(false);
    expect(await inQueue(other, 'view=mine&open=true&limit=50')).toBe(true);
    await change({ teamId: londonId });
    expect(await inQueue(agent, 'view=team&open=true&limit=50')).toBe(true);

    // Waiting on the customer: in the open queue and under its status; resolved: only under its status.
    await change({ status: 'pending_customer' });
    expect(await inQueue(agent, 'status=pending_customer&limit=50')).toBe(true);
    await change({ status: 'resolved' });
    expect(await inQueue(agent, 'view=team&open=true&limit=50')).toBe(false);
    expect(await inQueue(agent, 'status=pending_customer&limit=50')).toBe(false);
    expect(await inQueue(agent, 'status=resolved&limit=50')).toBe(true);
    await change({ status: 'open' });
    expect(await inQueue(agent, 'view=team&open=true&limit=50')).toBe(true);
  });

  it('filters at risk and breached by the clocks as of now, with no event in between', async () => {
    const watched = await open(londonId, 'Queue SLA filter');
    const inFilter = async (sla: string) =>
      (await allPages(`open=true&sla=${sla}&limit=50`)).some((item) => item.id === watched.id);
    expect(await inFilter('at_risk')).toBe(false);
    expect(await inFilter('breached')).toBe(false);

    t.clock.advance(16 * MINUTE); // past 50 % of the 30-minute first response
    expect(await inFilter('at_risk')).toBe(true);
    expect(await inFilter('breached')).toBe(false);

    t.clock.advance(15 * MINUTE); // past the due time
    expect(await inFilter('at_risk')).toBe(false);
    expect(await inFilter('breached')).toBe(true);

    // Answering stops first response, but a breach stays a breach.
    const reply = await agent.call('POST', `/api/cases/${watched.id}/messages`, {
      visibility: 'public',
      body: 'We are on it.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(await inFilter('breached')).toBe(true);
  });

  it('counts each view as its list has it: open, at risk and breached, as time passes', async () => {
    await open(mexicoId, 'Queue counts');
    /** Every view's counts, against the length of the same view's lists. */
    const check = async () => {
      for (const view of ['mine', 'team', 'all']) {
        const response = await agent.call('GET', `/api/cases/counts?view=${view}&accountId=${accountId}`);
        expect(response.statusCode, response.body).toBe(200);
        const listed = async (sla?: string) =>
          (
            await allPages(
              `view=${view}&accountId=${accountId}&open=true&limit=50${sla ? `&sla=${sla}` : ''}`,
            )
          ).length;
        expect(response.json(), view).toEqual({
          open: await listed(),
          atRisk: await listed('at_risk'),
          breached: await listed('breached'),
        });
      }
    };
    await check();
    t.clock.advance(16 * MINUTE); // the new case past its first warning
    await check();
    t.clock.advance(15 * MINUTE); // and past its due time
    await check();
    const counts = (await agent.call('GET', '/api/cases/counts?view=team')).json<{ breached: number }>();
    expect(counts.breached).toBeGreaterThan(0);
  });

  it('refuses the counts to customers and an unknown view to anyone', async () => {
    const forbidden = await customer.call('GET', `/api/cases/counts?accountId=${accountId}`);
    expect(forbidden.json()).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
    const unknown = await agent.call('GET', '/api/cases/counts?view=everything');
    expect(unknown.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('refuses the SLA filters to customers and an unknown filter to anyone', async () => {
    const forbidden = await customer.call('GET', '/api/cases?sla=breached');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'AUTH_FORBIDDEN' });
    const unknown = await agent.call('GET', '/api/cases?sla=late');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    // A customer still sees their own queue, names included.
    const own = await queue(customer, 'open=true');
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((item) => item.accountName === 'Queue Bank')).toBe(true);
  });
});
