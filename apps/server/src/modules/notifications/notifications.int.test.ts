import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestApp, signIn, type Session, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let me: { id: string; session: Session };
let other: { id: string; session: Session };

beforeAll(async () => {
  t = await createTestApp();
  me = await person();
  other = await person();
});
afterAll(() => t.close());

async function person() {
  const user = await buildUser(t, { role: 'account_manager' });
  return { id: user.id, session: await signIn(t, user.email) };
}

async function notify(userId: string, title: string) {
  t.clock.advance(1000);
  return t.db.transaction().execute((tx) =>
    t.services.notifications.notify(tx, {
      userId,
      kind: 'test.event',
      title,
      body: `About ${title}`,
      link: '/accounts',
    }),
  );
}

function list(session: Session, query = '') {
  return t.app.inject({ method: 'GET', url: `/api/notifications${query}`, headers: session.headers });
}

describe('notifications', () => {
  it("lists a user's own notifications newest first, pages them, and counts the unread", async () => {
    await notify(me.id, 'first');
    await notify(me.id, 'second');
    await notify(me.id, 'third');
    await notify(other.id, 'not yours');

    const first = await list(me.session, '?limit=2');
    expect(first.statusCode).toBe(200);
    const page = first.json<{ items: { title: string }[]; nextCursor: string; unreadCount: number }>();
    expect(page.items.map((n) => n.title)).toEqual(['third', 'second']);
    expect(page.unreadCount).toBe(3);
    const second = await list(me.session, `?limit=2&cursor=${page.nextCursor}`);
    expect(second.json<{ items: { title: string }[] }>().items.map((n) => n.title)).toEqual(['first']);
  });

  it('marks one read, then all; the unread filter and count follow', async () => {
    const items = (await list(me.session)).json<{ items: { id: string; title: string }[] }>().items;
    const third = items.find((n) => n.title === 'third')!;
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${third.id}/read`,
      headers: me.session.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json<{ readAt: string }>().readAt).toBe(t.clock.now().toISOString());

    const unread = (await list(me.session, '?unreadOnly=true')).json<{
      items: { title: string }[];
      unreadCount: number;
    }>();
    expect(unread.items.map((n) => n.title)).toEqual(['second', 'first']);
    expect(unread.unreadCount).toBe(2);

    const all = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: me.session.headers,
    });
    expect(all.json()).toEqual({ marked: 2 });
    expect((await list(me.session)).json<{ unreadCount: number }>().unreadCount).toBe(0);
    // Another user's inbox is untouched.
    expect((await list(other.session)).json<{ unreadCount: number }>().unreadCount).toBe(1);
  });

  it("answers 404 for another user's notification and leaves it unread", async () => {
    const theirs = (await list(other.session)).json<{ items: { id: string }[] }>().items[0]!;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${theirs.id}/read`,
      headers: me.session.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOTIFICATION_NOT_FOUND' });
    expect((await list(other.session)).json<{ unreadCount: number }>().unreadCount).toBe(1);
  });

  it('refuses a bad cursor and a link that leaves the app', async () => {
    const bad = await list(me.session, '?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'PAGINATION_CURSOR_INVALID' });
    await expect(
      t.db.transaction().execute((tx) =>
        t.services.notifications.notify(tx, {
          userId: me.id,
          kind: 'test.event',
          title: 'Phish',
          body: '',
          link: '//evil.example/',
        }),
      ),
    ).rejects.toThrow(/path inside the app/);
  });

  it('rolls back with the transaction it was written in', async () => {
    const before = (await list(me.session)).json<{ items: unknown[] }>().items.length;
    await expect(
      t.db.transaction().execute(async (tx) => {
        await t.services.notifications.notify(tx, {
          userId: me.id,
          kind: 'test.event',
          title: 'Lost',
          body: '',
        });
        throw new Error('the change it announced failed');
      }),
    ).rejects.toThrow();
    expect((await list(me.session)).json<{ items: unknown[] }>().items).toHaveLength(before);
  });
});
