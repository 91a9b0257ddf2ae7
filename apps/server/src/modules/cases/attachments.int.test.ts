import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, createTestApp, signedInAs, type Caller, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let agent: Caller;
let otherAgent: Caller;
let customer: Caller;
let outsider: Caller;
let accountId: string;

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t)).id;
  const otherAccountId = (await buildAccount(t)).id;
  agent = await signedInAs(t, 'agent');
  otherAgent = await signedInAs(t, 'agent');
  customer = await signedInAs(t, 'customer_admin', { accountId });
  outsider = await signedInAs(t, 'customer_admin', { accountId: otherAccountId });
});
afterAll(() => t.close());

interface Attachment {
  id: string;
  messageId: string | null;
  internal: boolean;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const png = Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', 'latin1');

async function openCase() {
  const response = await customer.call('POST', '/api/cases', {
    accountId,
    subject: 'Returned SEPA credit transfers',
    description: 'Twelve credit transfers came back with AC04 this morning.',
    type: 'payment_investigation',
    impact: 'medium',
    urgency: 'medium',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; reference: string }>();
}

function upload(
  who: Caller,
  caseId: string,
  body: Buffer,
  contentType: string,
  fileName = 'statement.pdf',
  messageId?: string,
) {
  const query = new URLSearchParams({ fileName, ...(messageId ? { messageId } : {}) });
  return t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/attachments?${query.toString()}`,
    headers: { ...who.headers, 'content-type': contentType },
    payload: body,
  });
}

async function addMessage(who: Caller, caseId: string, visibility: 'public' | 'internal', body: string) {
  const response = await who.call('POST', `/api/cases/${caseId}/messages`, { visibility, body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function listed(who: Caller, caseId: string) {
  const response = await who.call('GET', `/api/cases/${caseId}/attachments`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Attachment[] }>().items;
}

async function timelineTypes(who: Caller, caseId: string) {
  const response = await who.call('GET', `/api/cases/${caseId}/timeline`);
  return response.json<{ items: { type: string; data: Record<string, unknown> }[] }>().items;
}

async function storedRows(caseId: string) {
  return t.db
    .withTables<{ caseAttachments: { caseId: string } }>()
    .selectFrom('caseAttachments')
    .selectAll()
    .where('caseId', '=', caseId)
    .execute();
}

describe('case attachments', () => {
  it('are uploaded, listed, downloaded and removed, each step on the timeline and in the audit log', async () => {
    const c = await openCase();
    const response = await upload(agent, c.reference, pdf, 'application/pdf', 'Return report (AC04).pdf');
    expect(response.statusCode, response.body).toBe(201);
    const attachment = response.json<Attachment>();
    expect(attachment).toMatchObject({
      messageId: null,
      internal: false,
      fileName: 'Return report (AC04).pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });

    expect((await listed(customer, c.id)).map((a) => a.id)).toEqual([attachment.id]);
    const download = await customer.call('GET', `/api/cases/${c.id}/attachments/${attachment.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="Return report \(AC04\)\.pdf"/,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    const refused = await customer.call('DELETE', `/api/cases/${c.id}/attachments/${attachment.id}`);
    expect(refused.json()).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
    const removed = await agent.call('DELETE', `/api/cases/${c.id}/attachments/${attachment.id}`);
    expect(removed.statusCode).toBe(204);
    expect(await listed(agent, c.id)).toEqual([]);
    const again = await agent.call('DELETE', `/api/cases/${c.id}/attachments/${attachment.id}`);
    expect(again.json()).toMatchObject({ status: 404, code: 'CASE_ATTACHMENT_NOT_FOUND' });

    // The customer follows the public story: the file came and went.
    expect((await timelineTypes(customer, c.id)).map((e) => e.type)).toEqual([
      'opened',
      'attachment_added',
      'attachment_removed',
    ]);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorId'])
      .where('entityId', '=', c.id)
      .where('action', 'like', 'case.attachment%')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'case.attachment_added', actorId: agent.id },
      { action: 'case.attachment_removed', actorId: agent.id },
    ]);
  });

  it('lets a customer attach to their own reply, and no one attach to somebody else’s message', async () => {
    const c = await openCase();
    const reply = await addMessage(customer, c.id, 'public', 'Screenshot of the return file attached.');
    const own = await upload(customer, c.id, png, 'image/png', 'returns.png', reply);
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json<Attachment>()).toMatchObject({ messageId: reply, internal: false });

    const notTheirs = await upload(otherAgent, c.id, pdf, 'application/pdf', 'x.pdf', reply);
    expect(notTheirs.json()).toMatchObject({ status: 403, errors: [{ path: 'querystring/messageId' }] });
    const unknown = await upload(agent, c.id, pdf, 'application/pdf', 'x.pdf', crypto.randomUUID());
    expect(unknown.json()).toMatchObject({ status: 400, errors: [{ path: 'querystring/messageId' }] });
    const note = await addMessage(agent, c.id, 'internal', 'Checking with the processor.');
    const intoNote = await upload(customer, c.id, pdf, 'application/pdf', 'x.pdf', note);
    expect(intoNote.json()).toMatchObject({ status: 400, errors: [{ path: 'querystring/messageId' }] });
    const badId = await upload(agent, c.id, pdf, 'application/pdf', 'x.pdf', 'not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect((await storedRows(c.id)).length).toBe(1);
  });

  it('never shows a customer the attachment of an internal note', async () => {
    const c = await openCase();
    const note = await addMessage(agent, c.id, 'internal', 'Processor trace attached; do not share.');
    const response = await upload(agent, c.id, Buffer.from('trace id 77\n'), 'text/plain', 'trace.log', note);
    expect(response.statusCode, response.body).toBe(201);
    const internal = response.json<Attachment>();
    expect(internal).toMatchObject({ messageId: note, internal: true });

    expect((await listed(agent, c.id)).map((a) => a.id)).toEqual([internal.id]);
    expect(await listed(customer, c.id)).toEqual([]);
    const download = await customer.call('GET', `/api/cases/${c.id}/attachments/${internal.id}/content`);
    expect(download.json()).toMatchObject({ status: 404, code: 'CASE_ATTACHMENT_NOT_FOUND' });
    expect((await timelineTypes(customer, c.id)).map((e) => e.type)).not.toContain('attachment_added');
    expect((await timelineTypes(agent, c.id)).find((e) => e.type === 'attachment_added')?.data).toMatchObject(
      {
        attachmentId: internal.id,
        internal: true,
      },
    );
  });

  it('is not found for a customer of another account, and changes nothing of theirs', async () => {
    const c = await openCase();
    const attachment = (await upload(agent, c.id, pdf, 'application/pdf')).json<Attachment>();
    const calls = [
      outsider.call('GET', `/api/cases/${c.id}/attachments`),
      outsider.call('GET', `/api/cases/${c.reference}/attachments/${attachment.id}/content`),
      upload(outsider, c.id, pdf, 'application/pdf'),
    ];
    for (const response of await Promise.all(calls))
      expect(response.json()).toMatchObject({ status: 404, code: 'CASE_NOT_FOUND' });
    expect((await storedRows(c.id)).length).toBe(1);
  });

  it('refuses a file disguised as another type, a type support does not take, and an empty body', async () => {
    const c = await openCase();
    const disguised = await upload(agent, c.id, png, 'application/pdf');
    expect(disguised.json()).toMatchObject({ status: 415, code: 'DOCUMENT_TYPE_UNSUPPORTED' });
    const zip = await upload(
      agent,
      c.id,
      Buffer.from('PK\x03\x04....', 'latin1'),
      'application/zip',
      'logs.zip',
    );
    expect(zip.json()).toMatchObject({ status: 415, code: 'DOCUMENT_TYPE_UNSUPPORTED' });
    const renamedZip = await upload(
      agent,
      c.id,
      Buffer.from('PK\x03\x04....logs/app.log', 'latin1'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'report.xlsx',
    );
    expect(renamedZip.json()).toMatchObject({ status: 415, code: 'DOCUMENT_TYPE_UNSUPPORTED' });
    const empty = await upload(agent, c.id, Buffer.alloc(0), 'application/pdf');
    expect(empty.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const nameless = await upload(agent, c.id, pdf, 'application/pdf', '/');
    expect(nameless.json()).toMatchObject({ status: 400, errors: [{ path: 'querystring/fileName' }] });
    expect(await storedRows(c.id)).toEqual([]);
    expect((await timelineTypes(agent, c.id)).map((e) => e.type)).toEqual(['opened']);
  });

  it('takes an e-mail forwarded as .eml', async () => {
    const c = await openCase();
    const eml = Buffer.from('From: ops@northbank.test\r\nSubject: AC04 returns\r\n\r\nSee below.\r\n');
    const response = await upload(customer, c.id, eml, 'message/rfc822', 'returns.eml');
    expect(response.statusCode, response.body).toBe(201);
  });

  it('refuses a file over 25 MiB with 413', async () => {
    const c = await openCase();
    const huge = Buffer.concat([pdf, Buffer.alloc(25 * 1024 * 1024)]);
    const response = await upload(agent, c.id, huge, 'application/pdf');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(await storedRows(c.id)).toEqual([]);
  });

  it('masks card numbers in text attachments and in file names', async () => {
    const c = await openCase();
    const log = Buffer.from('2026-03-02 09:14 auth declined pan=4111 1111 1111 1111 rc=05\n');
    const response = await upload(
      customer,
      c.id,
      log,
      'text/plain; charset=utf-8',
      'declines 4111111111111111.log',
    );
    expect(response.statusCode, response.body).toBe(201);
    const attachment = response.json<Attachment>();
    expect(attachment.fileName).not.toContain('4111111111111111');
    const download = await agent.call('GET', `/api/cases/${c.id}/attachments/${attachment.id}/content`);
    expect(download.body).not.toMatch(/4111 1111 1111 1111/);
    expect(download.body).toMatch(/auth declined pan=.*1111 rc=05/);
  });
});
