import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, createTestApp, signedInAs, type Caller, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let agent: Caller;
let customer: Caller;
let accountId: string;
let otherAccountId: string;

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t)).id;
  otherAccountId = (await buildAccount(t)).id;
  agent = await signedInAs(t, 'agent');
  customer = await signedInAs(t, 'customer_admin', { accountId });
});
afterAll(() => t.close());

interface Case {
  id: string;
  number: number;
  reference: string;
}
interface Link {
  id: string;
  kind: string;
  case: { id: string; reference: string };
}

async function open(subject: string, account = accountId) {
  const response = await agent.call('POST', '/api/cases', {
    accountId: account,
    subject,
    description: `${subject}: details`,
    type: 'incident',
    impact: 'medium',
    urgency: 'medium',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Case>();
}

function link(from: Case, kind: string, to: Partial<{ caseId: string; caseNumber: string }>, who = agent) {
  return who.call('POST', `/api/cases/${from.id}/links`, { kind, ...to });
}

async function linked(from: Case, kind: string, to: Case) {
  const response = await link(from, kind, { caseId: to.id });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Link>();
}

async function linksOf(c: Case, who = agent) {
  const response = await who.call('GET', `/api/cases/${c.id}/links`);
  expect(response.statusCode, response.body).toBe(200);
  return response
    .json<{ items: Link[] }>()
    .items.map((item) => ({ kind: item.kind, reference: item.case.reference }));
}

async function timeline(c: Case) {
  const response = await agent.call('GET', `/api/cases/${c.id}/timeline`);
  return response.json<{ items: { type: string; data: Record<string, unknown> }[] }>().items;
}

/** Everything a refused link request must leave as it was. */
async function snapshot() {
  const db = t.db.withTables<{
    caseLinks: { id: string };
    caseEvents: { caseId: string; seq: number };
    auditLog: { seq: string };
  }>();
  return {
    links: await db.selectFrom('caseLinks').selectAll().orderBy('id').execute(),
    events: await db.selectFrom('caseEvents').selectAll().orderBy('caseId').orderBy('seq').execute(),
    audit: await db.selectFrom('auditLog').select('seq').orderBy('seq').execute(),
  };
}

describe('case links', () => {
  it('links parent and child, duplicates and related cases, shown from either end, as events on both', async () => {
    const [parent, child, original, duplicate, related] = await Promise.all([
      open('Outage'),
      open('Branch A affected'),
      open('Refund missing'),
      open('Refund missing (again)'),
      open('Refund policy'),
    ]);
    const added = await linked(child, 'parent', parent);
    expect(added).toMatchObject({ kind: 'parent', case: { id: parent.id, reference: parent.reference } });
    await linked(duplicate, 'duplicate_of', original);
    t.clock.advance(60_000);
    // By number, as agents quote them.
    const byNumber = await link(original, 'related', { caseNumber: related.reference });
    expect(byNumber.statusCode, byNumber.body).toBe(201);

    expect(await linksOf(parent)).toEqual([{ kind: 'child', reference: child.reference }]);
    expect(await linksOf(child)).toEqual([{ kind: 'parent', reference: parent.reference }]);
    expect(await linksOf(original)).toEqual([
      { kind: 'duplicated_by', reference: duplicate.reference },
      { kind: 'related', reference: related.reference },
    ]);
    expect(await linksOf(related)).toEqual([{ kind: 'related', reference: original.reference }]);

    expect((await timeline(child)).at(-1)).toMatchObject({
      type: 'link_added',
      data: { linkId: added.id, kind: 'parent', caseId: parent.id, reference: parent.reference },
    });
    expect((await timeline(parent)).at(-1)).toMatchObject({
      type: 'link_added',
      data: { linkId: added.id, kind: 'child', caseId: child.id },
    });
    const audited = await t.db
      .selectFrom('auditLog')
      .select(['entityId', 'action'])
      .where('action', '=', 'case.link_added')
      .where('entityId', 'in', [parent.id, child.id])
      .execute();
    expect(audited.map((row) => row.entityId).sort()).toEqual([parent.id, child.id].sort());
  });

  it('adds a child from the parent, and removes a link with an event on both cases', async () => {
    const [parent, child] = await Promise.all([open('Card scheme outage'), open('Visa declines')]);
    const added = await linked(parent, 'child', child);
    expect(added.kind).toBe('child');
    expect(await linksOf(child)).toEqual([{ kind: 'parent', reference: parent.reference }]);

    const removed = await agent.call('DELETE', `/api/cases/${child.id}/links/${added.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await linksOf(parent)).toEqual([]);
    expect(await linksOf(child)).toEqual([]);
    for (const c of [parent, child])
      expect((await timeline(c)).at(-1)).toMatchObject({ type: 'link_removed', data: { linkId: added.id } });
    const again = await agent.call('DELETE', `/api/cases/${child.id}/links/${added.id}`);
    expect(again.json()).toMatchObject({ status: 404, code: 'CASE_LINK_NOT_FOUND' });
  });

  it('refuses a self-link, a second parent, a cycle and a repeated link, changing nothing', async () => {
    const [a, b, c, d] = await Promise.all([
      open('Hierarchy A'),
      open('Hierarchy B'),
      open('Hierarchy C'),
      open('Hierarchy D'),
    ]);
    await linked(a, 'parent', b); // b is a's parent
    await linked(b, 'parent', c); // c is b's parent
    const before = await snapshot();

    const self = await link(a, 'related', { caseId: a.id });
    expect(self.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body/caseId' }],
    });
    const selfByNumber = await link(a, 'related', { caseNumber: a.reference });
    expect(selfByNumber.json()).toMatchObject({ status: 400, errors: [{ path: 'body/caseNumber' }] });

    const secondParent = await link(a, 'parent', { caseId: d.id });
    expect(secondParent.json()).toMatchObject({ status: 409, code: 'CASE_LINK_CONFLICT' });
    const secondParentFromAbove = await link(d, 'child', { caseId: a.id });
    expect(secondParentFromAbove.json()).toMatchObject({ status: 409, code: 'CASE_LINK_CONFLICT' });

    const cycle = await link(c, 'parent', { caseId: a.id });
    expect(cycle.json()).toMatchObject({ status: 409, code: 'CASE_LINK_CONFLICT' });
    expect(cycle.json<{ detail: string }>().detail).toContain('cycle');
    const cycleFromBelow = await link(a, 'child', { caseId: c.id });
    expect(cycleFromBelow.json()).toMatchObject({ status: 409, code: 'CASE_LINK_CONFLICT' });

    const repeated = await link(a, 'parent', { caseId: b.id });
    expect(repeated.json()).toMatchObject({ status: 409, code: 'CASE_LINK_CONFLICT' });
    const otherWay = await link(b, 'related', { caseId: a.id });
    expect(otherWay.json()).toMatchObject({ status: 409, code: 'CASE_LINK_CONFLICT' });

    const both = await link(a, 'related', { caseId: d.id, caseNumber: d.reference });
    expect(both.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const neither = await link(a, 'related', {});
    expect(neither.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const badKind = await agent.call('POST', `/api/cases/${a.id}/links`, { kind: 'sibling', caseId: d.id });
    expect(badKind.statusCode).toBe(400);

    expect(await snapshot()).toEqual(before);
  });

  it('lets only one of two opposite parent links added at once through: no cycle', async () => {
    const [a, b] = await Promise.all([open('Race parent A'), open('Race parent B')]);
    const responses = await Promise.all([
      link(a, 'parent', { caseId: b.id }),
      link(b, 'parent', { caseId: a.id }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await linksOf(a)).toHaveLength(1);
  });

  it("treats another account's case exactly as one that does not exist", async () => {
    const [own, foreign] = await Promise.all([open('Ours'), open('Theirs', otherAccountId)]);
    const before = await snapshot();
    const cross = await link(own, 'related', { caseId: foreign.id });
    const missing = await link(own, 'related', { caseId: '00000000-0000-4000-8000-000000000000' });
    const crossByNumber = await link(own, 'related', { caseNumber: foreign.reference });
    const { requestId: _a, ...crossProblem } = cross.json<Record<string, unknown>>();
    const { requestId: _b, ...missingProblem } = missing.json<Record<string, unknown>>();
    expect(crossProblem).toMatchObject({ status: 404, code: 'CASE_NOT_FOUND' });
    expect(crossProblem).toEqual(missingProblem);
    expect(crossByNumber.json()).toMatchObject({ status: 404, code: 'CASE_NOT_FOUND' });
    // Nor can a link be read or removed through the other account's case.
    const ownLink = await linked(own, 'related', await open('Ours too'));
    const through = await agent.call('DELETE', `/api/cases/${foreign.id}/links/${ownLink.id}`);
    expect(through.json()).toMatchObject({ status: 404, code: 'CASE_LINK_NOT_FOUND' });
    expect((await snapshot()).links).toHaveLength(before.links.length + 1);
  });

  it('lets a customer see the links of their own cases but not change them', async () => {
    const [a, b] = await Promise.all([open('Portal A'), open('Portal B')]);
    await linked(a, 'related', b);
    expect(await linksOf(a, customer)).toEqual([{ kind: 'related', reference: b.reference }]);
    const refused = await link(b, 'duplicate_of', { caseId: a.id }, customer);
    expect(refused.json()).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
  });
});
