import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@paydesk/shared';
import { buildAccount, buildUser, createTestApp, signIn, type TestApp } from '../../../test/app.ts';
import { compileCalendar, parseCalendarSpec, parseInstant } from '../business-time/index.ts';

let t: TestApp;
let admin: Caller;
let analyst: Caller;
let agent: Caller;
let customer: Caller;

beforeAll(async () => {
  t = await createTestApp();
  admin = await caller('admin');
  analyst = await caller('service_level_analyst');
  agent = await caller('agent');
  const accountId = (await buildAccount(t)).id;
  customer = await caller('customer_admin', { accountId });
});
afterAll(() => t.close());

interface Caller {
  id: string;
  call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

async function caller(role: Role, overrides: { accountId?: string } = {}): Promise<Caller> {
  const user = await buildUser(t, { role, ...overrides });
  const session = await signIn(t, user.email);
  return {
    id: user.id,
    call: (method, url, payload, headers = {}) =>
      t.app.inject({
        method,
        url,
        headers: { ...session.headers, ...headers },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      }),
  };
}

const ukSpec = {
  timeZone: 'Europe/London',
  week: {
    mon: [['09:00', '17:30']],
    tue: [['09:00', '17:30']],
    wed: [['09:00', '17:30']],
    thu: [['09:00', '17:30']],
    fri: [['09:00', '17:30']],
  },
  holidays: ['2026-04-03', '2026-04-06'],
};

let sequence = 0;
async function createCalendar(spec: object = ukSpec, name = `Calendar ${++sequence}`) {
  const response = await analyst.call('POST', '/api/calendars', { name, spec });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Calendar>();
}

interface Calendar {
  id: string;
  name: string;
  description: string;
  spec: Record<string, unknown>;
  version: number;
  createdBy: string | null;
}

async function tableSnapshot() {
  return {
    calendars: await t.db.selectFrom('businessCalendars').selectAll().orderBy('id').execute(),
    changes: await t.db
      .selectFrom('businessCalendarChanges')
      .selectAll()
      .orderBy('calendarId')
      .orderBy('version')
      .execute(),
  };
}

/** The calendar's changes as kept: version and the instant each governs from. */
async function changesOf(calendarId: string) {
  const rows = await t.db
    .selectFrom('businessCalendarChanges')
    .select(['version', 'effectiveFrom', 'madeBy'])
    .where('calendarId', '=', calendarId)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({ ...row, effectiveFrom: row.effectiveFrom?.toISOString() ?? null }));
}

function auditActions(entityId: string) {
  return t.db
    .selectFrom('auditLog')
    .select(['action', 'actorId'])
    .where('entityId', '=', entityId)
    .orderBy('seq')
    .execute();
}

const ics = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('business calendars CRUD', () => {
  it('creates, reads, lists, replaces and deletes a calendar, auditing every change', async () => {
    const created = await createCalendar(ukSpec, 'UK office hours');
    expect(created).toMatchObject({
      name: 'UK office hours',
      description: '',
      spec: ukSpec,
      version: 1,
      createdBy: analyst.id,
    });

    const read = await agent.call('GET', `/api/calendars/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(created);

    const replaced = await analyst.call(
      'PUT',
      `/api/calendars/${created.id}`,
      { name: 'UK office hours', description: 'London', spec: { timeZone: 'UTC', always: true } },
      { 'if-match': '"1"' },
    );
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.headers.etag).toBe('"2"');
    expect(replaced.json()).toMatchObject({ version: 2, description: 'London', spec: { always: true } });

    const deleted = await admin.call('DELETE', `/api/calendars/${created.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await agent.call('GET', `/api/calendars/${created.id}`)).json()).toMatchObject({
      code: 'CALENDAR_NOT_FOUND',
      status: 404,
    });
    expect(await auditActions(created.id)).toEqual([
      { action: 'calendar.created', actorId: analyst.id },
      { action: 'calendar.updated', actorId: analyst.id },
      { action: 'calendar.deleted', actorId: admin.id },
    ]);
  });

  it('pages through the list by name, case-insensitively', async () => {
    const names = ['pager c', 'Pager A', 'pager b'];
    for (const name of names) await createCalendar({ timeZone: 'UTC', always: true }, name);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await agent.call('GET', `/api/calendars?limit=2${query}`);
      expect(page.statusCode).toBe(200);
      const body = page.json<{ items: Calendar[]; nextCursor: string | null }>();
      seen.push(...body.items.map((item) => item.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.filter((name) => name.toLowerCase().startsWith('pager'))).toEqual([
      'Pager A',
      'pager b',
      'pager c',
    ]);
  });

  it('pages through names whose lower case differs between JavaScript and the database', async () => {
    // 'İ' lower-cases to two code points in JavaScript; the cursor must follow the database's lower().
    const names = ['Ünterwald hours', 'İzmir hours', 'ΣΊΣΥΦΟΣ hours', 'Émile hours'];
    for (const name of names) await createCalendar({ timeZone: 'UTC', always: true }, name);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await agent.call('GET', `/api/calendars?limit=1${query}`);
      expect(page.statusCode).toBe(200);
      const body = page.json<{ items: Calendar[]; nextCursor: string | null }>();
      seen.push(...body.items.map((item) => item.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.filter((name) => names.includes(name)).sort()).toEqual([...names].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a second calendar of the same name in another case', async () => {
    await createCalendar(ukSpec, 'Warsaw L2');
    const before = await tableSnapshot();
    const clash = await analyst.call('POST', '/api/calendars', { name: 'WARSAW l2', spec: ukSpec });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'CALENDAR_ALREADY_EXISTS', errors: [{ path: 'body/name' }] });
    expect(await tableSnapshot()).toEqual(before);
  });
});

describe('optimistic updates (If-Match)', () => {
  it('lets one of two parallel writers of the same version win; the other gets 409 with the current state', async () => {
    const calendar = await createCalendar();
    const write = (name: string) =>
      analyst.call('PUT', `/api/calendars/${calendar.id}`, { name, spec: ukSpec }, { 'if-match': '"1"' });
    const answers = await Promise.all([write('Writer one'), write('Writer two')]);
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.statusCode === 200)!.json<Calendar>();
    const loser = answers.find((answer) => answer.statusCode === 409)!;
    expect(loser.headers['content-type']).toContain('application/problem+json');
    expect(loser.json()).toMatchObject({
      code: 'CALENDAR_VERSION_CONFLICT',
      status: 409,
      current: { id: calendar.id, name: winner.name, version: 2 },
    });
    expect(loser.headers.etag).toBe('"2"');
    const stored = (await agent.call('GET', `/api/calendars/${calendar.id}`)).json<Calendar>();
    expect(stored).toMatchObject({ name: winner.name, version: 2 });
  });

  it('keeps each change of the hours, in force from when it is made or from the instant it names', async () => {
    const calendar = await createCalendar();
    const url = `/api/calendars/${calendar.id}`;
    const elapsed = async (from: string, to: string) => {
      const response = await agent.call('POST', '/api/calendars/preview/elapsed', {
        calendarId: calendar.id,
        from,
        to,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ businessSeconds: number }>().businessSeconds / 3600;
    };
    const lastWeek = ['2026-02-23T00:00:00Z', '2026-02-24T00:00:00Z'] as const;
    const nextWeek = ['2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z'] as const;
    expect(await elapsed(...lastWeek)).toBe(8.5);

    // Open round the clock from now (Monday 2026-03-02 09:00 UTC): last Monday keeps its 8.5 hours.
    const always = { timeZone: 'Europe/London', always: true };
    const replaced = await analyst.call(
      'PUT',
      url,
      { name: calendar.name, spec: always },
      { 'if-match': '"1"' },
    );
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(await elapsed(...lastWeek)).toBe(8.5);
    expect(await elapsed(...nextWeek)).toBe(24);
    // A new name alone is no change of the hours.
    const renamed = await analyst.call(
      'PUT',
      url,
      { name: `${calendar.name} (24×7)`, spec: always },
      { 'if-match': '"2"' },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await changesOf(calendar.id)).toEqual([
      { version: 1, effectiveFrom: null, madeBy: analyst.id },
      { version: 2, effectiveFrom: '2026-03-02T09:00:00.000Z', madeBy: analyst.id },
    ]);

    // A correction: the old hours again, in force since before last week (and so from now on too).
    const corrected = await analyst.call(
      'PUT',
      url,
      { name: calendar.name, spec: ukSpec, effectiveFrom: '2026-02-16T00:00:00+01:00' },
      { 'if-match': '"3"' },
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await elapsed(...lastWeek)).toBe(8.5);
    expect(await elapsed(...nextWeek)).toBe(8.5);
    expect((await changesOf(calendar.id)).at(-1)).toEqual({
      version: 4,
      effectiveFrom: '2026-02-15T23:00:00.000Z',
      madeBy: analyst.id,
    });
    const audit = await t.db
      .selectFrom('auditLog')
      .select('changes')
      .where('entityId', '=', calendar.id)
      .where('action', '=', 'calendar.updated')
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => (entry.changes as { effectiveFrom?: string }).effectiveFrom)).toEqual([
      '2026-03-02T09:00:00.000Z',
      undefined,
      '2026-02-15T23:00:00.000Z',
    ]);
  });

  it('refuses an effective instant that is not one, changing nothing', async () => {
    const calendar = await createCalendar();
    const before = await tableSnapshot();
    const response = await analyst.call(
      'PUT',
      `/api/calendars/${calendar.id}`,
      { name: calendar.name, spec: ukSpec, effectiveFrom: 'next Monday' },
      { 'if-match': '"1"' },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body/effectiveFrom' }],
    });
    expect(await tableSnapshot()).toEqual(before);
  });

  it('needs If-Match (428) and refuses one that is not a version (400), changing nothing', async () => {
    const calendar = await createCalendar();
    const before = await tableSnapshot();
    const url = `/api/calendars/${calendar.id}`;
    const missing = await analyst.call('PUT', url, { name: 'Changed', spec: ukSpec });
    expect(missing.statusCode).toBe(428);
    expect(missing.json()).toMatchObject({ code: 'PRECONDITION_REQUIRED' });
    const malformed = await analyst.call('PUT', url, { name: 'Changed', spec: ukSpec }, { 'if-match': '*' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'headers/if-match' }],
    });
    expect(await tableSnapshot()).toEqual(before);
  });
});

describe('bad calendars change nothing', () => {
  const cases: Array<[string, unknown, string]> = [
    ['an unknown time zone', { ...ukSpec, timeZone: 'Europe/Atlantis' }, 'CALENDAR_INVALID'],
    [
      'overlapping windows',
      {
        timeZone: 'UTC',
        week: {
          mon: [
            ['09:00', '13:00'],
            ['12:00', '17:00'],
          ],
        },
      },
      'CALENDAR_INVALID',
    ],
    ['an empty week', { timeZone: 'UTC', week: {} }, 'CALENDAR_INVALID'],
    ['a holiday out of range', { ...ukSpec, holidays: ['2250-01-01'] }, 'CALENDAR_INVALID'],
    ['an unknown field', { ...ukSpec, weekends: [] }, 'CALENDAR_INVALID'],
  ];
  it.each(cases)('refuses %s on create and on replace', async (_name, spec, code) => {
    const calendar = await createCalendar();
    const before = await tableSnapshot();
    const created = await analyst.call('POST', '/api/calendars', { name: 'Bad', spec });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toMatchObject({ code });
    expect(created.json<{ errors: { path: string }[] }>().errors[0]!.path).toMatch(/^body\/spec/);
    const replaced = await analyst.call(
      'PUT',
      `/api/calendars/${calendar.id}`,
      { name: 'Bad', spec },
      { 'if-match': '"1"' },
    );
    expect(replaced.statusCode).toBe(400);
    expect(replaced.json()).toMatchObject({ code });
    expect(await tableSnapshot()).toEqual(before);
  });
});

describe('holiday import', () => {
  const boxingDays = ics(
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//paydesk test//EN',
    'BEGIN:VEVENT',
    'UID:boxing@test',
    'DTSTART;VALUE=DATE:20251226',
    'RRULE:FREQ=YEARLY',
    'SUMMARY:Boxing Day',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:good-friday@test',
    'DTSTART;VALUE=DATE:20260403',
    'SUMMARY:Good Friday',
    'END:VEVENT',
    'END:VCALENDAR',
  );

  it('merges the holidays in range, expanding recurring events, skipping ones it has, and adds nothing the second time', async () => {
    const calendar = await createCalendar();
    const url = `/api/calendars/${calendar.id}/holidays/import`;
    const body = { ics: boxingDays, from: '2026-01-01', to: '2027-12-31' };
    const first = await analyst.call('POST', url, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ imported: 3, added: 2, calendar: { version: 2 } });
    expect(first.json<{ calendar: Calendar }>().calendar.spec.holidays).toEqual([
      '2026-04-03',
      '2026-04-06',
      { date: '2026-12-26', name: 'Boxing Day' },
      { date: '2027-12-26', name: 'Boxing Day' },
    ]);
    const again = await analyst.call('POST', url, body);
    expect(again.json()).toMatchObject({ imported: 3, added: 0, calendar: { version: 2 } });
    expect((await auditActions(calendar.id)).map((entry) => entry.action)).toEqual([
      'calendar.created',
      'calendar.holidays_imported',
    ]);
    // Kept as a change in force from the import on, as an edit is.
    expect(await changesOf(calendar.id)).toEqual([
      { version: 1, effectiveFrom: null, madeBy: analyst.id },
      { version: 2, effectiveFrom: '2026-03-02T09:00:00.000Z', madeBy: analyst.id },
    ]);
  });

  it('refuses a malformed file naming the line, changing nothing', async () => {
    const calendar = await createCalendar();
    const before = await tableSnapshot();
    const broken = ics('BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'END:VCALENDAR');
    const response = await analyst.call('POST', `/api/calendars/${calendar.id}/holidays/import`, {
      ics: broken,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'ICALENDAR_INVALID' });
    expect(response.json<{ errors: { path: string }[] }>().errors[0]!.path).toMatch(/^body\/line \d+$/);
    expect(await tableSnapshot()).toEqual(before);
  });
});

describe('SLA preview', () => {
  it('answers "if opened now, due when?" from the clock, as the maths does', async () => {
    const calendar = await createCalendar();
    // The test clock stands at Monday 2026-03-02 09:00 UTC (GMT: London is UTC+0 in March).
    const response = await agent.call('POST', '/api/calendars/preview', {
      calendarId: calendar.id,
      target: '8h',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      timeZone: 'Europe/London',
      from: '2026-03-02T09:00:00.000Z',
      fromLocal: '2026-03-02T09:00:00+00:00',
      due: '2026-03-02T17:00:00.000Z',
      dueLocal: '2026-03-02T17:00:00+00:00',
      businessSeconds: 8 * 3600,
      actualSeconds: 8 * 3600,
    });
  });

  it('crosses a weekend, the Easter holidays and the change to summer time, with pauses', async () => {
    const from = '2026-04-02T16:00:00+01:00';
    const pauses = [{ start: '2026-04-07T09:00:00+01:00', end: '2026-04-07T10:00:00+01:00' }];
    const response = await agent.call('POST', '/api/calendars/preview', {
      spec: ukSpec,
      from,
      target: 'PT4H',
      pauses,
    });
    expect(response.statusCode, response.body).toBe(200);
    // Thursday 16:00–17:30 counts 1.5 h; Good Friday, the weekend and Easter Monday none; Tuesday
    // 09:00–10:00 is paused, so the other 2.5 h run 10:00–12:30.
    expect(response.json()).toMatchObject({ dueLocal: '2026-04-07T12:30:00+01:00', businessSeconds: 14_400 });
    const expected = compileCalendar(parseCalendarSpec(ukSpec)).addBusinessTime(
      parseInstant(from)!,
      4 * 3_600_000,
      pauses.map((pause) => ({ start: parseInstant(pause.start)!, end: parseInstant(pause.end)! })),
    );
    expect(response.json<{ due: string }>().due).toBe(new Date(expected).toISOString());
  });

  it('gives business and actual elapsed time', async () => {
    const calendar = await createCalendar();
    const response = await agent.call('POST', '/api/calendars/preview/elapsed', {
      calendarId: calendar.id,
      from: '2026-03-06T16:00:00Z',
      to: '2026-03-09T10:00:00Z',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      timeZone: 'Europe/London',
      from: '2026-03-06T16:00:00.000Z',
      to: '2026-03-09T10:00:00.000Z',
      businessSeconds: 2.5 * 3600,
      actualSeconds: 66 * 3600,
    });
  });

  const bad: Array<[string, object, string]> = [
    ['a bad duration', { spec: ukSpec, target: '2d' }, 'VALIDATION_FAILED'],
    ['a bad instant', { spec: ukSpec, target: '8h', from: 'yesterday' }, 'VALIDATION_FAILED'],
    [
      'both a calendar id and a spec',
      { spec: ukSpec, calendarId: crypto.randomUUID(), target: '8h' },
      'VALIDATION_FAILED',
    ],
    ['neither a calendar id nor a spec', { target: '8h' }, 'VALIDATION_FAILED'],
    ['an unknown zone', { spec: { ...ukSpec, timeZone: 'Mars/Olympus' }, target: '8h' }, 'CALENDAR_INVALID'],
    [
      'an instant out of range',
      { spec: ukSpec, target: '8h', from: '2300-01-01T00:00:00Z' },
      'CALENDAR_OUT_OF_RANGE',
    ],
  ];
  it.each(bad)('refuses %s', async (_name, body, code) => {
    const response = await agent.call('POST', '/api/calendars/preview', body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code });
  });

  it('answers 404 for a calendar that does not exist', async () => {
    const response = await agent.call('POST', '/api/calendars/preview', {
      calendarId: crypto.randomUUID(),
      target: '8h',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'CALENDAR_NOT_FOUND' });
  });
});

describe('permissions', () => {
  it('lets an agent read and preview but not manage', async () => {
    const calendar = await createCalendar();
    const before = await tableSnapshot();
    expect((await agent.call('GET', '/api/calendars')).statusCode).toBe(200);
    const attempts = [
      await agent.call('POST', '/api/calendars', { name: 'Agent calendar', spec: ukSpec }),
      await agent.call(
        'PUT',
        `/api/calendars/${calendar.id}`,
        { name: 'X', spec: ukSpec },
        { 'if-match': '"1"' },
      ),
      await agent.call('DELETE', `/api/calendars/${calendar.id}`),
      await agent.call('POST', `/api/calendars/${calendar.id}/holidays/import`, {
        ics: 'BEGIN:VCALENDAR',
        from: '2026-01-01',
        to: '2026-12-31',
      }),
    ];
    expect(attempts.map((attempt) => attempt.json<{ code: string }>().code)).toEqual(
      Array(4).fill('AUTH_FORBIDDEN'),
    );
    expect(await tableSnapshot()).toEqual(before);
  });

  it('shows a customer nothing', async () => {
    const calendar = await createCalendar();
    const attempts = [
      await customer.call('GET', '/api/calendars'),
      await customer.call('GET', `/api/calendars/${calendar.id}`),
      await customer.call('POST', '/api/calendars/preview', { calendarId: calendar.id, target: '8h' }),
      await customer.call('POST', '/api/calendars', { name: 'Customer calendar', spec: ukSpec }),
    ];
    expect(attempts.map((attempt) => attempt.statusCode)).toEqual([403, 403, 403, 403]);
    expect(attempts.some((attempt) => attempt.body.includes(calendar.name))).toBe(false);
  });
});
