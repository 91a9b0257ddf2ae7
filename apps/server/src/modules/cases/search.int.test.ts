import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildContact,
  createTestApp,
  signedInAs,
  type Caller,
  type TestApp,
} from '../../../test/app.ts';
import { findMatches, pruneRecent, type TextWindow } from './search.repository.ts';

let t: TestApp;
let agent: Caller;
let customer: Caller;
let accountId: string;
let otherAccountId: string;

interface Hit {
  id: string;
  reference: string;
  accountId: string;
  match: { on: string[]; rank: number; snippet: Array<{ text: string; match: boolean }> };
}

const cases: Record<string, Hit> = {};

async function open(key: string, body: Record<string, unknown>, account = accountId) {
  const response = await agent.call('POST', '/api/cases', {
    accountId: account,
    type: 'incident',
    impact: 'medium',
    urgency: 'medium',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  cases[key] = response.json<Hit>();
  return cases[key];
}

async function search(who: Caller, q: string, extra = '') {
  const response = await who.call('GET', `/api/cases/search?q=${encodeURIComponent(q)}${extra}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Hit[] }>().items;
}

const marked = (hit: Hit) =>
  hit.match.snippet
    .filter((part) => part.match)
    .map((part) => part.text.toLowerCase())
    .join(' ');

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t)).id;
  otherAccountId = (await buildAccount(t)).id;
  agent = await signedInAs(t, 'agent', { tier: 1 });
  customer = await signedInAs(t, 'customer_admin', { accountId });
  const contact = await buildContact(t, accountId, { email: 'treasury.ops@northbank.test' });

  await open('english', {
    subject: 'Chargebacks rejected by the card scheme',
    description: 'Several chargeback files were rejected overnight with reason code 4837.',
    language: 'en',
    contactId: contact.id,
  });
  await open('spanish', {
    subject: 'Pagos duplicados en el corte',
    description: 'Detectamos pagos duplicados a Agua Metropolitana en el corte de las 14:00.',
    language: 'es-MX',
    externalReference: 'INC-2041-B',
  });
  await open('polish', {
    subject: 'Reklamacja transakcji kartowej',
    description: 'Klient zgłasza obciążenie, którego nie autoryzował.',
    language: 'pl',
  });
  await open('chinese', {
    subject: '退款请求处理失败',
    description: '商户提交的退款请求在清算时失败了。',
    language: 'zh-CN',
  });
  await open(
    'other',
    {
      subject: 'Chargebacks rejected for the other bank',
      description: 'Chargeback rejected as well.',
      language: 'en',
    },
    otherAccountId,
  );
  const note = await agent.call('POST', `/api/cases/${cases.english!.id}/messages`, {
    visibility: 'internal',
    body: 'Suspect the acquirer misconfigured the settlement window.',
  });
  expect(note.statusCode, note.body).toBe(201);
  const reply = await agent.call('POST', `/api/cases/${cases.polish!.id}/messages`, {
    visibility: 'public',
    body: 'Sprawdzamy autoryzację tej transakcji.',
  });
  expect(reply.statusCode, reply.body).toBe(201);
});
afterAll(() => t.close());

describe('full-text search', () => {
  it('stems English and finds words in messages, marking them in the snippet', async () => {
    const hits = await search(agent, 'chargeback rejections');
    expect(hits.map((hit) => hit.id)).toEqual(expect.arrayContaining([cases.english!.id, cases.other!.id]));
    const hit = hits.find((h) => h.id === cases.english!.id)!;
    expect(hit.match.on).toEqual(['text']);
    expect(marked(hit)).toMatch(/chargeback/);
  });

  it('stems Spanish in a Spanish case', async () => {
    const hits = await search(agent, 'pago duplicado');
    expect(hits.map((hit) => hit.id)).toEqual([cases.spanish!.id]);
  });

  it('matches Polish words as written (no Polish stemmer ships with PostgreSQL)', async () => {
    expect((await search(agent, 'autoryzację')).map((hit) => hit.id)).toEqual([cases.polish!.id]);
    expect(marked((await search(agent, 'autoryzację'))[0]!)).toContain('autoryzację');
  });

  it('finds Chinese words inside a run of characters', async () => {
    const hits = await search(agent, '退款');
    expect(hits.map((hit) => hit.id)).toEqual([cases.chinese!.id]);
    expect(marked(hits[0]!)).toBe('退款');
    expect((await search(agent, '清算')).map((hit) => hit.id)).toEqual([cases.chinese!.id]);
  });

  it('matches internal notes for staff only', async () => {
    expect((await search(agent, 'acquirer misconfigured')).map((hit) => hit.id)).toEqual([cases.english!.id]);
    expect(await search(customer, 'acquirer misconfigured')).toEqual([]);
  });

  it("keeps customers to their own account and never quotes a note's words to them", async () => {
    const hits = await search(customer, 'chargeback');
    expect(hits.map((hit) => hit.id)).toEqual([cases.english!.id]);
    expect(hits[0]).not.toHaveProperty('tags');
    expect(JSON.stringify(hits)).not.toContain('acquirer');
    expect(await search(customer, 'chargeback', `&accountId=${otherAccountId}`)).toEqual([]);
  });

  it('filters staff results by account', async () => {
    const hits = await search(agent, 'chargeback', `&accountId=${otherAccountId}`);
    expect(hits.map((hit) => hit.id)).toEqual([cases.other!.id]);
  });
});

describe('identifier search', () => {
  it('finds a case by its number, with or without the prefix, first', async () => {
    const reference = cases.polish!.reference;
    const hits = await search(agent, reference);
    expect(hits[0]).toMatchObject({ id: cases.polish!.id, match: { on: ['number'] } });
    expect((await search(agent, reference.slice(3)))[0]!.id).toBe(cases.polish!.id);
    expect((await search(agent, reference.toLowerCase()))[0]!.id).toBe(cases.polish!.id);
  });

  it('finds the cases whose number starts with a prefixed part, and bare digits anywhere in it', async () => {
    const reference = cases.polish!.reference;
    const ids = async (text: string) => (await search(agent, text)).map((hit) => hit.id);
    // "PD-1234" is the start of a number (PD-1234, PD-12345, …); so are "D-1234" and "-1234".
    for (const start of [reference.slice(0, -1), reference.slice(1, -1), reference.slice(2, -1)])
      expect(await ids(start), start).toContain(cases.polish!.id);
    // Digits from the middle of the number.
    expect(await ids(reference.slice(4))).toContain(cases.polish!.id);
    // Not a part of any number: a letter after the prefix.
    expect((await search(agent, `${reference}x`)).filter((hit) => hit.match.on.includes('number'))).toEqual(
      [],
    );
  });

  it('finds part of an external reference and of a contact e-mail', async () => {
    expect(await search(agent, '2041-b')).toMatchObject([
      { id: cases.spanish!.id, match: { on: ['reference'] } },
    ]);
    expect(await search(agent, 'treasury.ops')).toMatchObject([
      { id: cases.english!.id, match: { on: ['email'] } },
    ]);
  });

  it("does not find another account's case by number for a customer", async () => {
    expect(await search(customer, cases.other!.reference)).toEqual([]);
  });

  it('keeps search documents current when the subject changes', async () => {
    const current = (await agent.call('GET', `/api/cases/${cases.spanish!.id}`)).json<{ version: number }>();
    const changed = await agent.call(
      'PATCH',
      `/api/cases/${cases.spanish!.id}`,
      { subject: 'Cobros rechazados por el banco' },
      { 'if-match': `"${current.version}"` },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await search(agent, 'cobro rechazado')).map((hit) => hit.id)).toEqual([cases.spanish!.id]);
  });
});

describe('recency windows', () => {
  const staff = { accountId: undefined, internal: true };
  const matching = async (text: string, window: TextWindow) =>
    (await findMatches(t.db, staff, text, { number: undefined, limit: 20, window, identifiers: true })).map(
      (m) => m.caseId,
    );

  it('matches identifiers in every case, looked for once', async () => {
    expect(await matching('INC-2041', 'all')).toEqual([cases.spanish!.id]);
    const wordsOnly = await findMatches(t.db, staff, 'INC-2041', {
      number: undefined,
      limit: 20,
      window: 'all',
      identifiers: false,
    });
    expect(wordsOnly).toEqual([]);
  });

  it("keeps a copy of the newest cases' documents, current with their messages, pruned by the job", async () => {
    expect(await matching('chargeback', 'recent')).toEqual(
      expect.arrayContaining([cases.other!.id, cases.english!.id]),
    );
    // A reply lands in the copy too.
    const reply = await agent.call('POST', `/api/cases/${cases.english!.id}/messages`, {
      visibility: 'public',
      body: 'The interchange tables were reloaded.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(await matching('interchange', 'recent')).toEqual([cases.english!.id]);
    // Keeping only the newest case: the older one leaves the copy, not the search.
    expect(await pruneRecent(t.db, 1)).toBeGreaterThan(0);
    expect(await matching('chargeback', 'recent')).toEqual([cases.other!.id]);
    expect((await search(agent, 'interchange')).map((hit) => hit.id)).toEqual([cases.english!.id]);
  });
});

describe('bad input', () => {
  it('refuses a missing, blank or too long query and a bad limit', async () => {
    for (const query of ['', '?q=%20%20', `?q=${'x'.repeat(201)}`, '?q=abc&limit=0', '?q=abc&limit=51']) {
      const response = await agent.call('GET', `/api/cases/search${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('treats search syntax and LIKE wildcards as text', async () => {
    expect(await search(agent, '%_%')).toEqual([]);
    expect(await search(agent, '"unterminated & | ! (')).toEqual([]);
  });
});
