import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@paydesk/shared';
import {
  buildAccount,
  buildUser,
  createTestApp,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { scheduleHousekeeping } from '../../app.ts';
import { createJobs } from '../../platform/jobs/index.ts';
import { createNotificationsService } from '../notifications/index.ts';
import { createGovernanceService, type TimelineSource } from './index.ts';

let t: TestApp;
let manager: Caller;
let analyst: Caller;
let customer: Caller;
let accountId: string;
let otherAccountId: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await caller('account_manager', { displayName: 'Amelia Hughes' });
  analyst = await caller('service_level_analyst', { displayName: 'Sam Analyst' });
  accountId = (await buildAccount(t, { name: 'Governed Bank', timeZone: 'Europe/London' })).id;
  otherAccountId = (await buildAccount(t, { name: 'Other Bank' })).id;
  customer = await caller('customer_admin', { accountId });
});
afterAll(() => t.close());

interface Caller {
  id: string;
  email: string;
  session: Session;
  call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

async function caller(
  role: Role,
  overrides: { displayName?: string; accountId?: string } = {},
): Promise<Caller> {
  const user = await buildUser(t, { role, ...overrides });
  const session = await signIn(t, user.email);
  return {
    id: user.id,
    email: user.email,
    session,
    call: (method, url, payload) =>
      t.app.inject({
        method,
        url,
        headers: session.headers,
        ...(payload !== undefined ? { payload: payload as object } : {}),
      }),
  };
}

const base = (id: string) => `/api/accounts/${id}`;

function auditActions(entityId: string) {
  return t.db
    .selectFrom('auditLog')
    .select(['action', 'accountId'])
    .where('entityId', '=', entityId)
    .orderBy('seq')
    .execute();
}

async function snapshot(id: string) {
  const [reviews, items, audit] = await Promise.all([
    manager.call('GET', `${base(id)}/service-reviews`),
    manager.call('GET', `${base(id)}/action-items`),
    t.db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { reviews: reviews.json<unknown>(), items: items.json<unknown>(), audit: audit.n };
}

function expectInvalid(response: LightMyRequestResponse, path: string) {
  expect(response.statusCode).toBe(400);
  const problem = response.json<{ code: string; errors: { path: string }[] }>();
  expect(problem.code).toBe('VALIDATION_FAILED');
  expect(problem.errors.map((e) => e.path)).toContain(path);
}

describe('service reviews', () => {
  let reviewId: string;

  it('schedules a review with attendees and agenda, audited', async () => {
    const response = await manager.call('POST', `${base(accountId)}/service-reviews`, {
      title: 'Q1 service review',
      heldOn: '2026-03-20',
      startsAt: '10:30',
      attendees: [
        { name: 'Amelia Hughes', organisation: 'Paydesk', role: 'Account manager' },
        { name: ' Jo Customer ', organisation: 'Governed Bank' },
      ],
      agenda: '1. Availability\n2. Incidents',
    });
    expect(response.statusCode).toBe(201);
    const review = response.json<{
      id: string;
      status: string;
      attendees: unknown[];
      createdBy: { id: string };
    }>();
    expect(review).toMatchObject({ status: 'planned', heldOn: '2026-03-20', startsAt: '10:30' });
    expect(review.attendees[1]).toEqual({ name: 'Jo Customer', organisation: 'Governed Bank' });
    expect(review.createdBy.id).toBe(manager.id);
    reviewId = review.id;
    expect(await auditActions(reviewId)).toEqual([{ action: 'service_review.created', accountId }]);
  });

  it('records minutes and marks it held; the customer administrator reads it', async () => {
    const held = await analyst.call('PATCH', `${base(accountId)}/service-reviews/${reviewId}`, {
      status: 'held',
      minutes: 'Availability 99.97%. Two incidents reviewed.',
    });
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', minutes: expect.stringContaining('99.97') });

    const read = await customer.call('GET', `${base(accountId)}/service-reviews/${reviewId}`);
    expect(read.statusCode).toBe(200);
    const list = await customer.call('GET', `${base(accountId)}/service-reviews`);
    expect(list.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toEqual([reviewId]);
  });

  it("refuses a customer's write (403) and hides another account (404), changing nothing", async () => {
    const before = await snapshot(accountId);
    const write = await customer.call('POST', `${base(accountId)}/service-reviews`, {
      title: 'Ours',
      heldOn: '2026-04-01',
    });
    expect(write.statusCode).toBe(403);
    const edit = await customer.call('PATCH', `${base(accountId)}/service-reviews/${reviewId}`, {
      minutes: 'x',
    });
    expect(edit.statusCode).toBe(403);
    const other = await customer.call('GET', `${base(otherAccountId)}/service-reviews`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    // The review exists, but not on the other account.
    const wrong = await manager.call('GET', `${base(otherAccountId)}/service-reviews/${reviewId}`);
    expect(wrong.json()).toMatchObject({ code: 'SERVICE_REVIEW_NOT_FOUND' });
    expect(await snapshot(accountId)).toEqual(before);
  });

  it('keeps a cancelled review as it is', async () => {
    const created = await manager.call('POST', `${base(accountId)}/service-reviews`, {
      title: 'Extra review',
      heldOn: '2026-04-10',
    });
    const id = created.json<{ id: string }>().id;
    expect(
      (await manager.call('PATCH', `${base(accountId)}/service-reviews/${id}`, { status: 'cancelled' }))
        .statusCode,
    ).toBe(200);
    const before = await snapshot(accountId);
    expectInvalid(
      await manager.call('PATCH', `${base(accountId)}/service-reviews/${id}`, { title: 'Revived' }),
      'body/status',
    );
    expectInvalid(
      await manager.call('PATCH', `${base(accountId)}/service-reviews/${id}`, { status: 'planned' }),
      'body/status',
    );
    expect(await snapshot(accountId)).toEqual(before);
  });

  it('refuses a malformed date, an impossible date, a bad status or time, and unknown fields', async () => {
    const before = await snapshot(accountId);
    const post = (body: object) => manager.call('POST', `${base(accountId)}/service-reviews`, body);
    expect((await post({ title: 'x', heldOn: '20/03/2026' })).statusCode).toBe(400);
    expectInvalid(await post({ title: 'x', heldOn: '2026-02-30' }), 'body/heldOn');
    expect((await post({ title: 'x', heldOn: '2026-03-20', status: 'postponed' })).statusCode).toBe(400);
    expect((await post({ title: 'x', heldOn: '2026-03-20', startsAt: '25:00' })).statusCode).toBe(400);
    expect(
      (await post({ title: 'x', heldOn: '2026-03-20', attendees: [{ name: 'No org' }] })).statusCode,
    ).toBe(400);
    expect((await post({ title: ' ', heldOn: '2026-03-20' })).statusCode).toBe(400);
    expect((await post({ title: 'x', heldOn: '2026-03-20', colour: 'red' })).statusCode).toBe(400);
    expect(await snapshot(accountId)).toEqual(before);
  });
});

describe('decisions', () => {
  it('records a decision in a review or outside one, lists newest first and corrects it', async () => {
    const review = (
      await manager.call('POST', `${base(accountId)}/service-reviews`, {
        title: 'Decision review',
        heldOn: '2026-03-05',
      })
    ).json<{ id: string }>();
    const inReview = await manager.call('POST', `${base(accountId)}/decisions`, {
      reviewId: review.id,
      text: 'Move the maintenance window to Sundays',
      decidedOn: '2026-03-05',
      decidedBy: 'Both parties',
    });
    expect(inReview.statusCode).toBe(201);
    const outside = await manager.call('POST', `${base(accountId)}/decisions`, {
      text: 'Raise the alert threshold',
      decidedOn: '2026-03-06',
      decidedBy: 'Jo Customer',
    });
    expect(outside.json()).toMatchObject({ reviewId: null });
    const list = await customer.call('GET', `${base(accountId)}/decisions`);
    expect(list.json<{ items: { text: string }[] }>().items.map((d) => d.text)).toEqual([
      'Raise the alert threshold',
      'Move the maintenance window to Sundays',
    ]);
    const id = outside.json<{ id: string }>().id;
    const corrected = await manager.call('PATCH', `${base(accountId)}/decisions/${id}`, {
      decidedBy: 'Jo Customer (CTO)',
    });
    expect(corrected.json()).toMatchObject({ decidedBy: 'Jo Customer (CTO)' });
    expect((await auditActions(id)).map((a) => a.action)).toEqual(['decision.created', 'decision.updated']);
  });

  it('refuses a review of another account and changes nothing', async () => {
    const foreign = (
      await manager.call('POST', `${base(otherAccountId)}/service-reviews`, {
        title: 'Theirs',
        heldOn: '2026-03-05',
      })
    ).json<{ id: string }>();
    const before = await snapshot(accountId);
    expectInvalid(
      await manager.call('POST', `${base(accountId)}/decisions`, {
        reviewId: foreign.id,
        text: 'Sneaky',
        decidedOn: '2026-03-05',
        decidedBy: 'Nobody',
      }),
      'body/reviewId',
    );
    expect(await snapshot(accountId)).toEqual(before);
  });
});

describe('action items', () => {
  let itemId: string;

  it('adds an item owned by a staff member and works it to done', async () => {
    const created = await manager.call('POST', `${base(accountId)}/action-items`, {
      title: 'Send the incident report',
      ownerId: analyst.id,
      dueOn: '2026-03-10',
    });
    expect(created.statusCode).toBe(201);
    const item = created.json<{ id: string; owner: { displayName: string } }>();
    expect(item).toMatchObject({
      status: 'open',
      completedAt: null,
      isOverdue: false,
      accountName: 'Governed Bank',
    });
    expect(item.owner.displayName).toBe('Sam Analyst');
    itemId = item.id;

    const started = await analyst.call('PATCH', `${base(accountId)}/action-items/${itemId}`, {
      status: 'in_progress',
    });
    expect(started.json()).toMatchObject({ status: 'in_progress', completedAt: null });
    const done = await analyst.call('PATCH', `${base(accountId)}/action-items/${itemId}`, { status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', completedAt: t.clock.now().toISOString() });
    const reopened = await analyst.call('PATCH', `${base(accountId)}/action-items/${itemId}`, {
      status: 'open',
    });
    expect(reopened.json()).toMatchObject({ status: 'open', completedAt: null });
    expect((await auditActions(itemId)).map((a) => a.action)).toEqual([
      'action_item.created',
      'action_item.updated',
      'action_item.updated',
      'action_item.updated',
    ]);
  });

  it('refuses an unknown owner, a customer owner, a bad due date or status, and changes nothing', async () => {
    const before = await snapshot(accountId);
    const post = (body: object) =>
      manager.call('POST', `${base(accountId)}/action-items`, {
        title: 'x',
        ownerId: manager.id,
        dueOn: '2026-03-10',
        ...body,
      });
    expectInvalid(await post({ ownerId: '00000000-0000-4000-8000-000000000000' }), 'body/ownerId');
    expectInvalid(await post({ ownerId: customer.id }), 'body/ownerId');
    expectInvalid(await post({ dueOn: '2026-02-29' }), 'body/dueOn');
    expect((await post({ dueOn: 'next week' })).statusCode).toBe(400);
    expect((await post({ status: 'blocked' })).statusCode).toBe(400);
    expectInvalid(
      await manager.call('PATCH', `${base(accountId)}/action-items/${itemId}`, { ownerId: customer.id }),
      'body/ownerId',
    );
    expect(await snapshot(accountId)).toEqual(before);
  });

  it('is not found through another account, and customers may not write', async () => {
    const before = await snapshot(accountId);
    const wrong = await manager.call('PATCH', `${base(otherAccountId)}/action-items/${itemId}`, {
      status: 'done',
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toMatchObject({ code: 'ACTION_ITEM_NOT_FOUND' });
    const write = await customer.call('PATCH', `${base(accountId)}/action-items/${itemId}`, {
      status: 'done',
    });
    expect(write.statusCode).toBe(403);
    expect((await customer.call('GET', `${base(accountId)}/action-items`)).statusCode).toBe(200);
    expect(await snapshot(accountId)).toEqual(before);
  });

  it('filters by status, owner and overdue (by the account calendar), and lists my own items', async () => {
    const late = await manager.call('POST', `${base(accountId)}/action-items`, {
      title: 'Late thing',
      ownerId: manager.id,
      dueOn: '2026-03-01',
    });
    expect(late.json()).toMatchObject({ isOverdue: true });
    const overdue = await manager.call('GET', `${base(accountId)}/action-items?overdue=true`);
    expect(overdue.json<{ items: { title: string }[] }>().items.map((i) => i.title)).toEqual(['Late thing']);
    const mine = await manager.call(
      'GET',
      `${base(accountId)}/action-items?ownerId=${manager.id}&status=open`,
    );
    expect(mine.json<{ items: { title: string }[] }>().items.map((i) => i.title)).toEqual(['Late thing']);

    const across = await manager.call('GET', '/api/action-items?mine=true');
    expect(across.statusCode).toBe(200);
    expect(across.json<{ items: { title: string }[] }>().items.map((i) => i.title)).toContain('Late thing');
    expect((await customer.call('GET', '/api/action-items?mine=true')).statusCode).toBe(403);
    expectInvalid(await manager.call('GET', '/api/action-items?mine=false'), 'querystring/mine');
  });
});

describe('timeline', () => {
  it('merges reviews, decisions and action items newest first', async () => {
    const response = await customer.call('GET', `${base(accountId)}/governance/timeline`);
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: { at: string; kind: string; entity: { type: string } }[] }>().items;
    const kinds = new Set(items.map((i) => i.kind));
    for (const kind of [
      'review.held',
      'review.planned',
      'review.cancelled',
      'decision.made',
      'action_item.created',
    ]) {
      expect(kinds).toContain(kind);
    }
    const ats = items.map((i) => i.at);
    expect(ats).toEqual([...ats].sort().reverse());
    expect((await customer.call('GET', `${base(otherAccountId)}/governance/timeline`)).statusCode).toBe(404);
  });

  it('takes entries from the sources another module adds', async () => {
    const contractSource: TimelineSource = async (_db, id) => [
      {
        at: '2099-01-01',
        kind: 'contract.renewed',
        title: `Contract of ${id}`,
        entity: { type: 'contract', id: '00000000-0000-4000-8000-000000000001' },
        summary: '',
      },
    ];
    const service = createGovernanceService({
      db: t.db,
      clock: t.clock,
      notifications: createNotificationsService({ db: t.db, clock: t.clock }),
      timelineSources: [contractSource],
    });
    const ctx = { actor: await actorOf(manager), requestId: 'test', ip: null };
    const entries = await service.timeline(ctx, accountId, { limit: 3 });
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ kind: 'contract.renewed', title: `Contract of ${accountId}` });
  });
});

async function actorOf(c: Caller) {
  const me = (await c.call('GET', '/api/me')).json<{ id: string; role: Role }>();
  return {
    kind: 'user' as const,
    userId: me.id,
    role: me.role,
    accountId: null,
    tier: null,
    via: 'session' as const,
    sessionId: null,
    tokenId: null,
    scopes: ['read' as const, 'write' as const],
  };
}

/** Days pass in the reminder tests, and sessions expire: a fresh one for each call. */
async function now(c: Caller, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const session = await signIn(t, c.email);
  return t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
}

describe('action item reminders', () => {
  it("reminds the owner once when due soon and once when overdue, by the account's calendar", async () => {
    // 09:00 UTC on 2 March. In Shanghai (UTC+8) a due date of 5 March is three days off; in
    // Honolulu (UTC-10) it is still 1 March there when it is 2 March in UTC at 09:00.
    const owner = await caller('account_manager', { displayName: 'Reminded Owner' });
    const shanghai = (await buildAccount(t, { name: 'Shanghai Pay', timeZone: 'Asia/Shanghai' })).id;
    const honolulu = (await buildAccount(t, { name: 'Aloha Bank', timeZone: 'Pacific/Honolulu' })).id;
    t.clock.advance(Date.parse('2026-03-02T20:00:00Z') - t.clock.now().getTime());
    const add = async (account: string, dueOn: string, title: string) =>
      (
        await manager.call('POST', `${base(account)}/action-items`, { title, ownerId: owner.id, dueOn })
      ).json<{ id: string }>().id;
    // 20:00 UTC on 2 March is 04:00 on 3 March in Shanghai: the 6th is three days off there.
    await add(shanghai, '2026-03-06', 'Shanghai item');
    // 20:00 UTC on 2 March is 10:00 on 2 March in Honolulu: the 6th is four days off there.
    const later = await add(honolulu, '2026-03-06', 'Honolulu item');

    const run = () => t.services.governance.sendActionItemReminders();
    await Promise.all([run(), run(), run()]);
    await run();
    const inbox = async () =>
      (await now(owner, 'GET', '/api/notifications')).json<{
        items: { kind: string; title: string; link: string }[];
      }>().items;
    expect(await inbox()).toEqual([
      expect.objectContaining({
        kind: 'action_item.due_soon',
        title: 'Action item due soon: Shanghai item',
        link: `/accounts/${shanghai}?tab=governance`,
      }),
    ]);

    // A day on, Honolulu's item is due soon too; four days on both are overdue, once each.
    t.clock.advance(24 * 3_600_000);
    await run();
    expect((await inbox()).map((n) => n.title)).toEqual([
      'Action item due soon: Honolulu item',
      'Action item due soon: Shanghai item',
    ]);
    t.clock.advance(4 * 24 * 3_600_000);
    await run();
    await run();
    expect((await inbox()).map((n) => n.kind).sort()).toEqual([
      'action_item.due_soon',
      'action_item.due_soon',
      'action_item.overdue',
      'action_item.overdue',
    ]);

    // A new due date is a new reminder; a finished item gets none.
    await now(manager, 'PATCH', `${base(honolulu)}/action-items/${later}`, { dueOn: '2026-03-09' });
    await run();
    expect((await inbox()).filter((n) => n.title === 'Action item due soon: Honolulu item')).toHaveLength(2);
    await now(manager, 'PATCH', `${base(honolulu)}/action-items/${later}`, { status: 'done' });
    t.clock.advance(5 * 24 * 3_600_000);
    await run();
    expect((await inbox()).filter((n) => n.title === 'Action item overdue: Honolulu item')).toHaveLength(1);
  });

  it('runs as a housekeeping job', async () => {
    const owner = await caller('service_level_analyst');
    const due = t.clock.now().toISOString().slice(0, 10);
    await now(manager, 'POST', `${base(otherAccountId)}/action-items`, {
      title: 'Job item',
      ownerId: owner.id,
      dueOn: due,
    });
    const silent = { debug() {}, info() {}, warn: console.warn, error: console.error };
    const jobs = createJobs({ db: t.db, kind: t.kind, logger: silent, workers: false });
    scheduleHousekeeping(jobs, t.clock, t.services);
    await jobs.start();
    try {
      await expect
        .poll(
          async () =>
            (
              await t.db
                .selectFrom('pgboss.job' as 'users')
                .select('id')
                .execute()
            ).length,
        )
        .toBeGreaterThan(0);
      await jobs.drain();
    } finally {
      await jobs.stop({ timeoutMs: 1000 });
    }
    const inbox = (await now(owner, 'GET', '/api/notifications')).json<{ items: { title: string }[] }>()
      .items;
    expect(inbox.map((n) => n.title)).toEqual(['Action item due soon: Job item']);
  });
});
