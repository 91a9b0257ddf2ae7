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
let teammate: Caller;
let outsider: Caller;
let admin: Caller;
let customer: Caller;
let accountId: string;
let accountName: string;
let contactId: string;
let teamId: string;

beforeAll(async () => {
  t = await createTestApp();
  const account = await buildAccount(t, { name: 'Banco del Norte' });
  accountId = account.id;
  accountName = account.name;
  contactId = (await buildContact(t, accountId, { name: 'Ana López', language: 'es-MX' })).id;
  agent = await signedInAs(t, 'agent', { displayName: 'Amelia Hughes' });
  teammate = await signedInAs(t, 'agent');
  outsider = await signedInAs(t, 'agent');
  admin = await signedInAs(t, 'admin');
  customer = await signedInAs(t, 'customer_admin', { accountId });
  teamId = (await t.services.identity.createTeam(null, { name: 'Payments L1' })).id;
  for (const member of [agent, teammate])
    await t.services.identity.addTeamMember(null, teamId, { userId: member.id, isLead: false });
});
afterAll(() => t.close());

interface Case {
  id: string;
  reference: string;
  status: string;
  version: number;
  tags?: string[];
  assignee: { id: string } | null;
  priority: string;
}
interface Macro {
  id: string;
  canEdit: boolean;
}

let sequence = 0;
const askForDetails = () => ({
  name: `Ask for details ${++sequence}`,
  sharing: 'personal',
  visibility: 'public',
  bodies: {
    en: 'Hello {{contact.name}}, about {{case.reference}} ({{case.subject}}): please send the payment IDs. {{agent.name}}',
    'es-MX':
      'Hola {{contact.name}}, sobre {{case.reference}} ({{case.subject}}) de {{account.name}}: su caso está {{case.status}}. {{agent.name}}',
  },
  actions: {
    status: 'pending_customer',
    assigneeId: 'me',
    addTags: ['Awaiting-Info'],
    removeTags: ['triage'],
  },
});

async function createMacro(who: Caller, body: object) {
  const response = await who.call('POST', '/api/macros', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Macro>();
}

async function openCase(overrides: Record<string, unknown> = {}) {
  const created = await t.services.cases.create(null, {
    accountId,
    subject: 'Pagos SPEI retrasados',
    description: 'Los pagos SPEI llegan con retraso desde las 9:00.',
    type: 'incident',
    impact: 'medium',
    urgency: 'medium',
    contactId,
    tags: ['triage', 'spei'],
    ...overrides,
  });
  return created as unknown as Case;
}

function apply(who: Caller, c: { id: string; version: number }, macroId: string) {
  return who.call('POST', `/api/cases/${c.id}/macros/${macroId}/apply`, undefined, {
    'if-match': `"${c.version}"`,
  });
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

describe('previewing and applying a macro', () => {
  it("renders the body in the case's language with its variables, and changes nothing", async () => {
    const macro = await createMacro(agent, askForDetails());
    const c = await openCase();
    const before = await snapshot(c.id);
    const preview = await agent.call('POST', `/api/cases/${c.id}/macros/${macro.id}/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({
      language: 'es-MX',
      visibility: 'public',
      body: `Hola Ana López, sobre ${c.reference} (Pagos SPEI retrasados) de ${accountName}: su caso está nuevo. Amelia Hughes`,
      missingVariables: [],
      changes: { status: 'pending_customer', assigneeId: agent.id, tags: ['spei', 'awaiting-info'] },
    });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('falls back to English, and reports variables the case has no value for', async () => {
    const macro = await createMacro(agent, askForDetails());
    const c = await openCase({ language: 'zh-CN', contactId: undefined });
    const preview = await agent.call('POST', `/api/cases/${c.id}/macros/${macro.id}/preview`);
    expect(preview.json()).toMatchObject({
      language: 'en',
      body: `Hello , about ${c.reference} (Pagos SPEI retrasados): please send the payment IDs. Amelia Hughes`,
      missingVariables: ['contact.name'],
    });
  });

  it('posts the reply and applies the field actions in one change, as a person would', async () => {
    const macro = await createMacro(agent, askForDetails());
    const c = await openCase();
    const response = await apply(agent, c, macro.id);
    expect(response.statusCode, response.body).toBe(200);
    const applied = response.json<{ case: Case; message: { body: string; visibility: string } }>();
    expect(applied.case).toMatchObject({
      status: 'pending_customer',
      assignee: { id: agent.id },
      tags: ['spei', 'awaiting-info'],
    });
    expect(response.headers.etag).toBe(`"${applied.case.version}"`);
    expect(applied.message).toMatchObject({ visibility: 'public' });
    expect(applied.message.body).toMatch(
      /^Hola Ana López, sobre PD-\d+ .* su caso está nuevo\. Amelia Hughes$/,
    );
    const timeline = await agent.call('GET', `/api/cases/${c.id}/timeline`);
    const types = timeline.json<{ items: Array<{ type: string }> }>().items.map((event) => event.type);
    // The first public reply opens the new case; the macro then parks it with the customer.
    expect(types).toEqual([
      'opened',
      'staff_replied',
      'status_changed',
      'field_changed',
      'assigned',
      'status_changed',
    ]);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', c.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'case.opened',
      'case.replied',
      'case.updated',
      'case.macro_applied',
    ]);
  });

  it('leaves no reply when a field action fails, and refuses a stale or missing version', async () => {
    // Nothing moves a case back to new: the status action fails after the reply was written.
    const macro = await createMacro(agent, { ...askForDetails(), actions: { status: 'new' } });
    const c = await openCase();
    await t.services.cases.update(null, c.id, undefined, { status: 'open' });
    const opened = (await t.services.cases.get(null, c.id)) as unknown as Case;
    const before = await snapshot(c.id);
    const forbidden = await apply(agent, opened, macro.id);
    expect(forbidden.statusCode).toBe(409);
    expect(forbidden.json()).toMatchObject({ code: 'CASE_TRANSITION_FORBIDDEN' });
    const stale = await apply(agent, { id: c.id, version: opened.version - 1 }, macro.id);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'CASE_VERSION_CONFLICT',
      current: { version: opened.version },
    });
    const missing = await agent.call('POST', `/api/cases/${c.id}/macros/${macro.id}/apply`);
    expect(missing.statusCode).toBe(428);
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('posts an internal note and sets a priority with its reason', async () => {
    const macro = await createMacro(agent, {
      name: 'Escalate to P1',
      sharing: 'personal',
      visibility: 'internal',
      bodies: { en: 'Raised to P1 by {{agent.name}}: {{case.subject}}' },
      actions: { priority: 'P1', priorityReason: 'Scheme deadline today' },
    });
    const c = await openCase();
    const response = await apply(agent, c, macro.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      case: { status: 'new', priority: 'P1', priorityReason: 'Scheme deadline today' },
      message: { visibility: 'internal', body: 'Raised to P1 by Amelia Hughes: Pagos SPEI retrasados' },
    });
  });
});

describe('who sees and manages macros', () => {
  it('keeps a personal macro to its author', async () => {
    const macro = await createMacro(agent, askForDetails());
    const c = await openCase();
    expect((await teammate.call('GET', `/api/macros/${macro.id}`)).statusCode).toBe(404);
    const list = await teammate.call('GET', '/api/macros');
    expect(list.json<{ items: Macro[] }>().items.map((m) => m.id)).not.toContain(macro.id);
    const response = await apply(teammate, c, macro.id);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'MACRO_NOT_FOUND' });
  });

  it("shares a team macro with the team's members only; only its author or an admin changes it", async () => {
    const macro = await createMacro(agent, { ...askForDetails(), sharing: 'team', teamId });
    const seen = await teammate.call('GET', `/api/macros/${macro.id}`);
    expect(seen.json()).toMatchObject({ id: macro.id, canEdit: false, team: { id: teamId } });
    expect((await outsider.call('GET', `/api/macros/${macro.id}`)).statusCode).toBe(404);
    expect((await teammate.call('PATCH', `/api/macros/${macro.id}`, { name: 'Mine now' })).statusCode).toBe(
      403,
    );
    expect((await teammate.call('DELETE', `/api/macros/${macro.id}`)).statusCode).toBe(403);
    expect(
      (await outsider.call('POST', '/api/macros', { ...askForDetails(), sharing: 'team', teamId }))
        .statusCode,
    ).toBe(403);
    const renamed = await agent.call('PATCH', `/api/macros/${macro.id}`, {
      name: 'Renamed',
      sharing: 'personal',
    });
    expect(renamed.json()).toMatchObject({ name: 'Renamed', sharing: 'personal', team: null });
    expect((await teammate.call('GET', `/api/macros/${macro.id}`)).statusCode).toBe(404);
    expect((await agent.call('DELETE', `/api/macros/${macro.id}`)).statusCode).toBe(204);
    expect((await agent.call('GET', `/api/macros/${macro.id}`)).statusCode).toBe(404);
  });

  it('lets only administrators share with everyone', async () => {
    expect(
      (await agent.call('POST', '/api/macros', { ...askForDetails(), sharing: 'everyone' })).statusCode,
    ).toBe(403);
    const macro = await createMacro(admin, {
      ...askForDetails(),
      name: 'Desk-wide greeting',
      sharing: 'everyone',
    });
    const list = await outsider.call('GET', '/api/macros?q=desk-wide');
    expect(list.json<{ items: Macro[] }>().items).toMatchObject([{ id: macro.id, canEdit: false }]);
  });

  it('refuses customers', async () => {
    const c = await openCase();
    expect((await customer.call('GET', '/api/macros')).statusCode).toBe(403);
    expect((await customer.call('POST', '/api/macros', askForDetails())).statusCode).toBe(403);
    expect(
      (await customer.call('POST', `/api/cases/${c.id}/macros/${crypto.randomUUID()}/preview`)).statusCode,
    ).toBe(403);
  });
});

describe('bad macros', () => {
  const cases: Array<[string, object, number, string, string?]> = [
    [
      'an unknown variable',
      { bodies: { en: 'Hi {{contact.name}}', pl: 'Dzień dobry {{contact.nazwisko}}' } },
      400,
      'VALIDATION_FAILED',
      'body/bodies/pl',
    ],
    ['no body at all', { bodies: {} }, 400, 'VALIDATION_FAILED'],
    ['a language we do not have', { bodies: { de: 'Hallo' } }, 400, 'VALIDATION_FAILED'],
    [
      'a priority without its reason',
      { actions: { priority: 'P1' } },
      400,
      'VALIDATION_FAILED',
      'body/actions/priorityReason',
    ],
    [
      'a tag added and removed',
      { actions: { addTags: ['x'], removeTags: ['X'] } },
      400,
      'VALIDATION_FAILED',
      'body/actions/removeTags',
    ],
    [
      'an assignee who is not staff',
      { actions: { assigneeId: crypto.randomUUID() } },
      400,
      'VALIDATION_FAILED',
      'body/actions/assigneeId',
    ],
    ['a team share without the team', { sharing: 'team' }, 400, 'VALIDATION_FAILED', 'body/teamId'],
    [
      'a team that does not exist',
      { sharing: 'team', teamId: crypto.randomUUID() },
      400,
      'VALIDATION_FAILED',
      'body/teamId',
    ],
    ['an unknown action', { actions: { close: true } }, 400, 'VALIDATION_FAILED'],
  ];
  it.each(cases)('refuses %s and saves nothing', async (_name, change, status, code, path) => {
    const before = await agent.call('GET', '/api/macros');
    const response = await agent.call('POST', '/api/macros', { ...askForDetails(), ...change });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ code });
    if (path) expect(response.json().errors).toContainEqual({ path, message: expect.any(String) });
    expect((await agent.call('GET', '/api/macros')).json()).toEqual(before.json());
  });

  it('refuses a second macro of the same name in the same place', async () => {
    const first = askForDetails();
    await createMacro(agent, first);
    const again = await agent.call('POST', '/api/macros', {
      ...askForDetails(),
      name: first.name.toUpperCase(),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'MACRO_ALREADY_EXISTS' });
    // Another agent's personal macro may have the same name.
    await createMacro(teammate, { ...askForDetails(), name: first.name });
  });
});
