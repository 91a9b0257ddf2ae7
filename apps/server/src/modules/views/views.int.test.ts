import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../platform/auth/index.ts';
import { buildAccount, createTestApp, signedInAs, type Caller, type TestApp } from '../../../test/app.ts';
import { createBulkActions } from './bulk-actions.ts';

let t: TestApp;
let agent: Caller;
let teammate: Caller;
let outsider: Caller;
let customer: Caller;
let accountId: string;
let teamId: string;

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t)).id;
  agent = await signedInAs(t, 'agent');
  teammate = await signedInAs(t, 'agent');
  outsider = await signedInAs(t, 'agent');
  customer = await signedInAs(t, 'customer_admin', { accountId });
  teamId = (await t.services.identity.createTeam(null, { name: 'Cards L2' })).id;
  for (const member of [agent, teammate])
    await t.services.identity.addTeamMember(null, teamId, { userId: member.id, isLead: false });
});
afterAll(() => t.close());

interface View {
  id: string;
  name: string;
  canEdit: boolean;
  position: number | null;
}

async function createView(who: Caller, body: object) {
  const response = await who.call('POST', '/api/views', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<View>();
}

async function names(who: Caller) {
  const response = await who.call('GET', '/api/views');
  return response.json<{ items: View[] }>().items.map((view) => view.name);
}

describe('saved views', () => {
  it('are created, read, changed and deleted by their owner, and invisible to others', async () => {
    const view = await createView(agent, {
      name: 'My P1s',
      filters: { view: 'mine', open: true, priority: 'P1', status: ['open', 'pending_internal'] },
    });
    expect(view).toMatchObject({ name: 'My P1s', team: null, canEdit: true, position: null });
    const changed = await agent.call('PATCH', `/api/views/${view.id}`, {
      filters: { view: 'mine', q: 'SEPA' },
    });
    expect(changed.json()).toMatchObject({ name: 'My P1s', filters: { view: 'mine', q: 'SEPA' } });
    expect((await teammate.call('GET', `/api/views/${view.id}`)).statusCode).toBe(404);
    expect(await names(teammate)).not.toContain('My P1s');
    expect((await teammate.call('PATCH', `/api/views/${view.id}`, { name: 'Stolen' })).statusCode).toBe(404);
    expect((await agent.call('DELETE', `/api/views/${view.id}`)).statusCode).toBe(204);
    expect((await agent.call('GET', `/api/views/${view.id}`)).statusCode).toBe(404);
  });

  it('shared with a team are seen by its members only, and changed only by their owner', async () => {
    const view = await createView(agent, {
      name: 'Cards at risk',
      filters: { view: 'team', open: true },
      teamId,
    });
    const seen = await teammate.call('GET', `/api/views/${view.id}`);
    expect(seen.json()).toMatchObject({ team: { id: teamId, name: 'Cards L2' }, canEdit: false });
    expect((await teammate.call('PATCH', `/api/views/${view.id}`, { name: 'Mine' })).statusCode).toBe(403);
    expect((await teammate.call('DELETE', `/api/views/${view.id}`)).statusCode).toBe(403);
    expect((await outsider.call('GET', `/api/views/${view.id}`)).statusCode).toBe(404);
    expect(await names(outsider)).not.toContain('Cards at risk');
    // Sharing with a team one is not in is refused.
    expect((await outsider.call('POST', '/api/views', { name: 'X', filters: {}, teamId })).statusCode).toBe(
      403,
    );
  });

  it("are in each user's own order", async () => {
    const user = await signedInAs(t, 'agent');
    const a = await createView(user, { name: 'A', filters: {} });
    const b = await createView(user, { name: 'B', filters: {} });
    const c = await createView(user, { name: 'C', filters: {} });
    expect(await names(user)).toEqual(['A', 'B', 'C']);
    const ordered = await user.call('PUT', '/api/views/order', { viewIds: [c.id, a.id] });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json<{ items: View[] }>().items.map((v) => [v.name, v.position])).toEqual([
      ['C', 0],
      ['A', 1],
      ['B', null],
    ]);
    const foreign = await createView(outsider, { name: 'Theirs', filters: {} });
    const refused = await user.call('PUT', '/api/views/order', { viewIds: [b.id, foreign.id] });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'VIEW_NOT_FOUND', errors: [{ path: 'body/viewIds/1' }] });
    expect(await names(user)).toEqual(['C', 'A', 'B']);
  });

  it('refuse bad input and save nothing', async () => {
    const user = await signedInAs(t, 'agent');
    const bad: Array<[object, number, string]> = [
      [{ name: 'X', filters: { colour: 'red' } }, 400, 'VALIDATION_FAILED'],
      [{ name: 'X', filters: { status: ['lost'] } }, 400, 'VALIDATION_FAILED'],
      [{ name: ' ', filters: {} }, 400, 'VALIDATION_FAILED'],
      [{ name: 'X', filters: {}, teamId: crypto.randomUUID() }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of bad) {
      const response = await user.call('POST', '/api/views', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json()).toMatchObject({ code });
    }
    await createView(user, { name: 'Twice', filters: {} });
    const twice = await user.call('POST', '/api/views', { name: 'twice', filters: {} });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'VIEW_ALREADY_EXISTS' });
    expect(await names(user)).toEqual(['Twice']);
  });

  it('are refused to customers', async () => {
    expect((await customer.call('GET', '/api/views')).statusCode).toBe(403);
    expect((await customer.call('POST', '/api/views', { name: 'X', filters: {} })).statusCode).toBe(403);
  });
});

interface BulkResult {
  items: Array<{
    caseId: string;
    outcome: string;
    version?: number;
    allowedStatuses?: string[];
    code?: string;
  }>;
  summary: Record<string, number>;
}

async function openCase(subject: string, overrides: Record<string, unknown> = {}) {
  return t.services.cases.create(null, {
    accountId,
    subject,
    description: 'Card authorisations declined since 08:00.',
    type: 'incident',
    impact: 'low',
    urgency: 'low',
    tags: ['cards'],
    ...overrides,
  });
}

describe('bulk actions', () => {
  it('apply to each case at its current version and report ok, forbidden and not found per case', async () => {
    const first = await openCase('Bulk one');
    const second = await openCase('Bulk two');
    await t.services.cases.update(null, second.id, undefined, { status: 'resolved' });
    const missing = crypto.randomUUID();
    const response = await agent.call('POST', '/api/cases/bulk', {
      caseIds: [first.id, second.id, missing],
      changes: {
        status: 'pending_internal',
        assigneeId: 'me',
        teamId,
        addTags: ['Bulk'],
        removeTags: ['cards'],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<BulkResult>();
    expect(result.items).toEqual([
      { caseId: first.id, reference: first.reference, outcome: 'ok', version: first.version + 1 },
      {
        caseId: second.id,
        reference: second.reference,
        outcome: 'forbidden',
        code: 'CASE_TRANSITION_FORBIDDEN',
        message: expect.stringContaining('cannot become pending_internal'),
        allowedStatuses: ['closed', 'open'],
      },
      {
        caseId: missing,
        reference: null,
        outcome: 'not_found',
        code: 'CASE_NOT_FOUND',
        message: 'No such case',
      },
    ]);
    expect(result.summary).toEqual({ ok: 1, conflict: 0, forbidden: 1, not_found: 1, invalid: 0 });
    expect(await t.services.cases.get(null, first.id)).toMatchObject({
      status: 'pending_internal',
      assignee: { id: agent.id },
      team: { id: teamId },
      tags: ['bulk'],
    });
    // Nothing of the refused change reached the resolved case, not even the fields that were fine.
    expect(await t.services.cases.get(null, second.id)).toMatchObject({
      status: 'resolved',
      assignee: null,
      tags: ['cards'],
    });
  });

  it('report a conflict when the case changes between its read and its write', async () => {
    const raced = await openCase('Bulk raced');
    const calm = await openCase('Bulk calm');
    const cases = t.services.cases;
    // Another agent's change lands right after bulk read the case.
    const racing: typeof cases = {
      ...cases,
      get: async (...args: Parameters<typeof cases.get>) => {
        const seen = await cases.get(...args);
        if (seen.id === raced.id) await cases.update(null, raced.id, undefined, { category: 'cards' });
        return seen;
      },
    };
    const bulk = createBulkActions({ db: t.db, cases: racing, views: t.services.views });
    const ctx: RequestContext = {
      actor: {
        kind: 'user',
        userId: agent.id,
        role: 'agent',
        accountId: null,
        tier: null,
        via: 'session',
        sessionId: null,
        tokenId: null,
        scopes: ['read', 'write'],
      },
      requestId: 'bulk-race',
      ip: null,
    };
    const result = await bulk.apply(ctx, {
      caseIds: [raced.id, calm.id],
      changes: { priority: 'P2', priorityReason: 'Card scheme incident' },
    });
    expect(result.items).toMatchObject([
      { caseId: raced.id, outcome: 'conflict', code: 'CASE_VERSION_CONFLICT', version: raced.version + 1 },
      { caseId: calm.id, outcome: 'ok' },
    ]);
    expect(await cases.get(null, raced.id)).toMatchObject({ priority: 'P4', category: 'cards' });
    expect(await cases.get(null, calm.id)).toMatchObject({
      priority: 'P2',
      priorityReason: 'Card scheme incident',
    });
  });

  it('apply to what a saved view selects', async () => {
    const marker = `bulk-view-${crypto.randomUUID().slice(0, 8)}`;
    const a = await openCase(`${marker} a`);
    const b = await openCase(`${marker} b`);
    const view = await createView(agent, { name: marker, filters: { q: marker, open: true } });
    const response = await agent.call('POST', '/api/cases/bulk', {
      viewId: view.id,
      changes: { status: 'open' },
    });
    expect(
      response
        .json<BulkResult>()
        .items.map((item) => [item.caseId, item.outcome])
        .sort(),
    ).toEqual(
      [
        [a.id, 'ok'],
        [b.id, 'ok'],
      ].sort(),
    );
    // Another agent cannot use a view they do not see.
    const refused = await outsider.call('POST', '/api/cases/bulk', {
      viewId: view.id,
      changes: { status: 'open' },
    });
    expect(refused.statusCode).toBe(404);
  });

  it('refuse bad requests as a whole, changing nothing', async () => {
    const c = await openCase('Bulk bad');
    const bad: Array<[object, number]> = [
      [{ caseIds: [c.id], changes: {} }, 400],
      [{ caseIds: [c.id], changes: { priority: 'P1' } }, 400],
      [{ caseIds: [c.id], changes: { assigneeId: customer.id } }, 400],
      [{ caseIds: [c.id], viewId: crypto.randomUUID(), changes: { status: 'open' } }, 400],
      [{ changes: { status: 'open' } }, 400],
      [{ caseIds: Array.from({ length: 201 }, () => crypto.randomUUID()), changes: { status: 'open' } }, 400],
      [{ caseIds: [c.id], changes: { status: 'reopened' } }, 400],
    ];
    for (const [body, status] of bad) {
      const response = await agent.call('POST', '/api/cases/bulk', body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 200)).toBe(status);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(
      (await customer.call('POST', '/api/cases/bulk', { caseIds: [c.id], changes: { status: 'open' } }))
        .statusCode,
    ).toBe(403);
    expect(await t.services.cases.get(null, c.id)).toMatchObject({ status: 'new', version: c.version });
  });
});
