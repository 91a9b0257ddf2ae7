import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, createTestApp, signedInAs, type Caller, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let agent: Caller;
let nadia: Caller;
let customer: Caller;
let accountId: string;
const nadiaEmail = `nadia.kowalczyk.${process.pid}@paydesk.test`;

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t)).id;
  agent = await signedInAs(t, 'agent', { displayName: 'Tom Reed' });
  nadia = await signedInAs(t, 'agent', { displayName: 'Nadia Kowalczyk', email: nadiaEmail });
  customer = await signedInAs(t, 'customer_admin', { accountId });
});
afterAll(() => t.close());

async function openCase() {
  const response = await agent.call('POST', '/api/cases', {
    accountId,
    subject: 'Chargeback evidence missing',
    description: 'The evidence pack for the Visa chargeback did not reach the acquirer.',
    type: 'dispute',
    impact: 'medium',
    urgency: 'high',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; reference: string }>();
}

async function mentionsOf(who: Caller) {
  const response = await who.call('GET', '/api/notifications');
  return response
    .json<{ items: { kind: string; title: string; link: string | null }[] }>()
    .items.filter((n) => n.kind === 'case.mentioned');
}

describe('mentions', () => {
  it('notify the mentioned staff once per message, with a link to the case, and not the author', async () => {
    const c = await openCase();
    const note = await agent.call('POST', `/api/cases/${c.id}/messages`, {
      visibility: 'internal',
      body: `@NadiaKowalczyk can you pull the acquirer log? (cc @${nadiaEmail}, @tom.reed, @nobody)`,
    });
    expect(note.statusCode, note.body).toBe(201);
    const received = await mentionsOf(nadia);
    expect(received).toEqual([
      expect.objectContaining({
        title: `Tom Reed mentioned you in an internal note on ${c.reference}`,
        link: `/cases/${c.id}`,
      }),
    ]);
    expect(await mentionsOf(agent)).toEqual([]);

    await agent.call('POST', `/api/cases/${c.id}/messages`, {
      visibility: 'public',
      body: 'Thanks, @nadia.kowalczyk will send the evidence today.',
    });
    expect(await mentionsOf(nadia)).toHaveLength(2);
  });

  it('are plain text when a customer writes them', async () => {
    const c = await openCase();
    const reply = await customer.call('POST', `/api/cases/${c.id}/messages`, {
      visibility: 'public',
      body: `@${nadiaEmail} please call us back`,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect((await mentionsOf(nadia)).filter((n) => n.link === `/cases/${c.id}`)).toEqual([]);
  });
});
