import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, createTestApp, signedInAs, type Caller, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let agent: Caller;
let otherAgent: Caller;
let customer: Caller;
let accountId: string;
let otherAccountId: string;

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t)).id;
  otherAccountId = (await buildAccount(t)).id;
  agent = await signedInAs(t, 'agent');
  otherAgent = await signedInAs(t, 'agent');
  customer = await signedInAs(t, 'customer_admin', { accountId });
});
afterAll(() => t.close());

interface Case {
  id: string;
  number: number;
  reference: string;
  status: string;
  version: number;
  watchers?: { id: string }[];
}
interface Message {
  id: string;
  body: string;
  author: { id: string } | null;
  createdAt: string;
  movedFrom: { caseId: string; reference: string; by: string } | null;
}

async function open(subject: string, who: Caller = agent, account = accountId) {
  const response = await who.call('POST', '/api/cases', {
    accountId: account,
    subject,
    description: `${subject}: details`,
    type: 'refund',
    impact: 'medium',
    urgency: 'medium',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Case>();
}

async function reply(who: Caller, c: Case, body: string, visibility = 'public') {
  const response = await who.call('POST', `/api/cases/${c.id}/messages`, { visibility, body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Message>();
}

async function current(c: Case) {
  return (await agent.call('GET', `/api/cases/${c.id}`)).json<Case>();
}

/** `version` null: no If-Match at all. */
function merge(c: Case, into: string, version: number | null = c.version, who = agent) {
  return who.call(
    'POST',
    `/api/cases/${c.id}/merge`,
    { into },
    version === null ? {} : { 'if-match': `"${version}"` },
  );
}

async function messages(c: Case) {
  return (await agent.call('GET', `/api/cases/${c.id}/messages`)).json<{ items: Message[] }>().items;
}

async function timeline(c: Case) {
  const response = await agent.call('GET', `/api/cases/${c.id}/timeline`);
  return response.json<{ items: { type: string; data: Record<string, unknown> }[] }>().items;
}

async function linksOf(c: Case) {
  const response = await agent.call('GET', `/api/cases/${c.id}/links`);
  return response
    .json<{ items: { kind: string; case: { reference: string } }[] }>()
    .items.map((item) => ({ kind: item.kind, reference: item.case.reference }));
}

async function snapshot(...cases: Case[]) {
  const ids = cases.map((c) => c.id);
  const db = t.db.withTables<{
    cases: { id: string };
    caseEvents: { caseId: string; seq: number };
    caseMessages: { caseId: string; id: string };
    caseWatchers: { caseId: string; userId: string };
    caseLinks: { caseId: string; targetId: string; id: string };
  }>();
  return {
    cases: await db.selectFrom('cases').selectAll().where('id', 'in', ids).orderBy('id').execute(),
    events: await db
      .selectFrom('caseEvents')
      .selectAll()
      .where('caseId', 'in', ids)
      .orderBy('caseId')
      .orderBy('seq')
      .execute(),
    messages: await db
      .selectFrom('caseMessages')
      .selectAll()
      .where('caseId', 'in', ids)
      .orderBy('id')
      .execute(),
    watchers: await db
      .selectFrom('caseWatchers')
      .selectAll()
      .where('caseId', 'in', ids)
      .orderBy('caseId')
      .orderBy('userId')
      .execute(),
    links: await db
      .selectFrom('caseLinks')
      .selectAll()
      .where((eb) => eb.or([eb('caseId', 'in', ids), eb('targetId', 'in', ids)]))
      .orderBy('id')
      .execute(),
  };
}

describe('merging a case into another', () => {
  it('moves the conversation, attachments and watchers, closes the duplicate and records it on both', async () => {
    const survivor = await open('Refund of £120 not received');
    t.clock.advance(60_000);
    const duplicate = await open('Where is my refund?', customer);
    t.clock.advance(60_000);
    const customerReply = await reply(customer, duplicate, 'It was due on Friday.');
    t.clock.advance(60_000);
    const note = await reply(agent, duplicate, 'Same as the other case.', 'internal');
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${duplicate.id}/attachments?fileName=statement.txt`,
      headers: { ...agent.headers, 'content-type': 'text/plain' },
      payload: Buffer.from('Statement line: REFUND 120.00'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    for (const [c, who] of [
      [duplicate, otherAgent],
      [survivor, agent],
    ] as const) {
      const watched = await agent.call('POST', `/api/cases/${c.id}/watchers`, {
        userId: who.id,
        watching: true,
      });
      expect(watched.statusCode, watched.body).toBe(200);
    }
    t.clock.advance(60_000);
    const before = await current(duplicate);

    const response = await merge(before, survivor.reference);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{ merged: Case; into: Case }>();
    expect(result.merged).toMatchObject({ id: duplicate.id, status: 'closed', version: before.version + 1 });
    expect(result.into).toMatchObject({ id: survivor.id, status: 'new' });

    const moved = await messages(survivor);
    expect(moved.map((m) => m.body)).toEqual([
      'Refund of £120 not received: details',
      'Where is my refund?: details',
      'It was due on Friday.',
      'Same as the other case.',
    ]);
    // Authors and times as they were written, each saying where it came from.
    expect(moved.find((m) => m.id === customerReply.id)).toMatchObject({
      author: { id: customer.id },
      createdAt: customerReply.createdAt,
      movedFrom: { caseId: duplicate.id, reference: duplicate.reference, by: 'merge' },
    });
    expect(moved.find((m) => m.id === note.id)?.author?.id).toBe(agent.id);
    expect(moved[0]!.movedFrom).toBeNull();
    expect(await messages(duplicate)).toEqual([]);

    const attachments = await agent.call('GET', `/api/cases/${survivor.id}/attachments`);
    expect(attachments.json<{ items: { fileName: string }[] }>().items).toMatchObject([
      { fileName: 'statement.txt' },
    ]);

    const watchers = (await current(survivor)).watchers!.map((w) => w.id).sort();
    expect(watchers).toEqual([agent.id, otherAgent.id].sort());

    expect(await linksOf(duplicate)).toEqual([{ kind: 'merged_into', reference: survivor.reference }]);
    expect(await linksOf(survivor)).toEqual([{ kind: 'merged_from', reference: duplicate.reference }]);
    expect((await timeline(duplicate)).slice(-2)).toMatchObject([
      { type: 'merged_into', data: { caseId: survivor.id, reference: survivor.reference } },
      { type: 'status_changed', data: { from: 'new', to: 'closed', by: 'merge' } },
    ]);
    expect((await timeline(survivor)).at(-1)).toMatchObject({
      type: 'merged_from',
      data: { caseId: duplicate.id, watchersAdded: [otherAgent.id] },
    });

    const audited = await t.db
      .selectFrom('auditLog')
      .select(['entityId'])
      .where('action', '=', 'case.merged')
      .where('entityId', 'in', [duplicate.id, survivor.id])
      .execute();
    expect(audited.map((row) => row.entityId).sort()).toEqual([duplicate.id, survivor.id].sort());
  });

  it('replaces a "duplicate of" link between the two with the merge', async () => {
    const [original, duplicate] = await Promise.all([open('Chargeback query'), open('Chargeback query (2)')]);
    const linked = await agent.call('POST', `/api/cases/${duplicate.id}/links`, {
      kind: 'duplicate_of',
      caseId: original.id,
    });
    expect(linked.statusCode, linked.body).toBe(201);
    const response = await merge(duplicate, original.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(await linksOf(original)).toEqual([{ kind: 'merged_from', reference: duplicate.reference }]);
    const mergedLink = (await agent.call('GET', `/api/cases/${duplicate.id}/links`)).json<{
      items: { id: string }[];
    }>().items[0]!;
    const undo = await agent.call('DELETE', `/api/cases/${duplicate.id}/links/${mergedLink.id}`);
    expect(undo.json()).toMatchObject({ status: 409, code: 'CASE_LINK_CONFLICT' });
  });

  it('refuses a missing or stale If-Match, itself, a closed case, another account, a second merge: nothing changes', async () => {
    const [a, b, closed] = await Promise.all([open('Merge A'), open('Merge B'), open('Merge closed')]);
    const closing = await agent.call(
      'PATCH',
      `/api/cases/${closed.id}`,
      { status: 'closed' },
      { 'if-match': `"${closed.version}"` },
    );
    expect(closing.statusCode, closing.body).toBe(200);
    const foreign = await open('Elsewhere', agent, otherAccountId);
    const before = await snapshot(a, b, closed, foreign);

    const noVersion = await merge(a, b.id, null);
    expect(noVersion.json()).toMatchObject({ status: 428, code: 'PRECONDITION_REQUIRED' });
    const stale = await merge(a, b.id, a.version + 5);
    expect(stale.json()).toMatchObject({ status: 409, code: 'CASE_VERSION_CONFLICT', current: { id: a.id } });
    const itself = await merge(a, a.reference);
    expect(itself.json()).toMatchObject({
      status: 409,
      code: 'CASE_MERGE_FORBIDDEN',
      errors: [{ path: 'body/into' }],
    });
    const intoClosed = await merge(a, closed.id);
    expect(intoClosed.json()).toMatchObject({ status: 409, code: 'CASE_MERGE_FORBIDDEN' });
    const across = await merge(a, foreign.id);
    const missing = await merge(a, '00000000-0000-4000-8000-000000000000');
    const { requestId: _x, ...acrossProblem } = across.json<Record<string, unknown>>();
    const { requestId: _y, ...missingProblem } = missing.json<Record<string, unknown>>();
    expect(acrossProblem).toMatchObject({ status: 404, code: 'CASE_NOT_FOUND' });
    expect(acrossProblem).toEqual(missingProblem);
    const byCustomer = await merge(a, b.id, a.version, customer);
    expect(byCustomer.json()).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
    expect(await snapshot(a, b, closed, foreign)).toEqual(before);

    const merged = await merge(a, b.id);
    expect(merged.statusCode, merged.body).toBe(200);
    const again = await merge(await current(a), b.id);
    expect(again.json()).toMatchObject({ status: 409, code: 'CASE_MERGE_FORBIDDEN' });
  });

  it('lets one of two opposite merges run at once win, and refuses the other without a deadlock', async () => {
    for (let round = 0; round < 3; round += 1) {
      const [a, b] = await Promise.all([open(`Race A${round}`), open(`Race B${round}`)]);
      const responses = await Promise.all([merge(a, b.id), merge(b, a.id, b.version, otherAgent)]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const snap = await snapshot(a, b);
      expect(snap.links.filter((l) => (l as { kind?: string }).kind === 'merged_into')).toHaveLength(1);
      expect(snap.cases.filter((c) => (c as { status?: string }).status === 'closed')).toHaveLength(1);
      // Both opening messages live on the survivor.
      const survivor = snap.cases.find((c) => (c as { status?: string }).status !== 'closed')!;
      expect(snap.messages.map((m) => m.caseId)).toEqual([survivor.id, survivor.id]);
    }
  });
});

describe('splitting a case', () => {
  it('opens a child case on the same account with the chosen messages', async () => {
    const original = await open('Two problems in one e-mail');
    t.clock.advance(60_000);
    const second = await reply(customer, original, 'Also: my card was declined twice.');
    t.clock.advance(60_000);
    const note = await reply(agent, original, 'The decline is a separate issue.', 'internal');
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${original.id}/attachments?fileName=declines.csv&messageId=${second.id}`,
      headers: { ...customer.headers, 'content-type': 'text/csv' },
      payload: Buffer.from('date,amount\n2026-03-01,12.00\n'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const before = await current(original);

    const response = await agent.call('POST', `/api/cases/${original.id}/split`, {
      messageIds: [second.id, note.id],
      subject: 'Card declined twice',
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<Case & { accountId: string; type: string; subject: string }>();
    expect(created).toMatchObject({
      accountId,
      type: 'refund',
      subject: 'Card declined twice',
      status: 'new',
    });
    expect(response.headers.etag).toBe(`"${created.version}"`);

    expect((await messages(created)).map((m) => [m.id, m.movedFrom?.reference, m.createdAt])).toEqual([
      [second.id, original.reference, second.createdAt],
      [note.id, original.reference, note.createdAt],
    ]);
    expect((await messages(original)).map((m) => m.body)).toEqual(['Two problems in one e-mail: details']);
    // An attachment follows its message.
    const attachments = await agent.call('GET', `/api/cases/${created.id}/attachments`);
    expect(attachments.json<{ items: { fileName: string }[] }>().items).toMatchObject([
      { fileName: 'declines.csv' },
    ]);
    expect(await linksOf(created)).toEqual([{ kind: 'parent', reference: original.reference }]);
    expect(await linksOf(original)).toEqual([{ kind: 'child', reference: created.reference }]);
    expect(await timeline(created)).toMatchObject([
      { type: 'opened', data: { status: 'new', splitFrom: { caseId: original.id } } },
    ]);
    expect((await timeline(original)).at(-1)).toMatchObject({
      type: 'split_into',
      data: { caseId: created.id, messageIds: [second.id, note.id] },
    });
    expect((await current(original)).version).toBe(before.version + 1);
  });

  it('refuses messages of another case, every message, an empty choice: nothing changes', async () => {
    const [c, other] = await Promise.all([open('Split refusals'), open('Other case')]);
    const own = await reply(agent, c, 'A second message');
    const otherMessage = (await messages(other))[0]!;
    const all = (await messages(c)).map((m) => m.id);
    const before = await snapshot(c, other);
    const split = (body: object, who = agent) => who.call('POST', `/api/cases/${c.id}/split`, body);

    const foreign = await split({ messageIds: [own.id, otherMessage.id], subject: 'Split' });
    expect(foreign.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body/messageIds/1' }],
    });
    const everything = await split({ messageIds: all, subject: 'Split' });
    expect(everything.json()).toMatchObject({ status: 400, errors: [{ path: 'body/messageIds' }] });
    expect((await split({ messageIds: [], subject: 'Split' })).statusCode).toBe(400);
    expect((await split({ messageIds: [own.id], subject: ' ' })).statusCode).toBe(400);
    expect((await split({ messageIds: [own.id], subject: 'Split' }, customer)).json()).toMatchObject({
      status: 403,
    });
    expect(await snapshot(c, other)).toEqual(before);
  });
});
