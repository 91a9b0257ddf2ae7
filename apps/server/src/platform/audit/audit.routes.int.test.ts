import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/audit', () => {
  it('shows admins who did what, newest first, with secrets redacted', async () => {
    const admin = await buildUser(t, { role: 'admin' });
    const user = await buildUser(t);
    const session = await signIn(t, admin.email);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { ...session.headers, 'x-request-id': 'req-audit-1' },
      payload: { role: 'payments_operator' },
    });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/audit?entityId=${user.id}`,
      headers: session.headers,
    });
    expect(response.statusCode).toBe(200);
    const [latest, created] = response.json().items;
    expect(latest).toMatchObject({
      action: 'user.updated',
      actorType: 'user',
      actorId: admin.id,
      requestId: 'req-audit-1',
      changes: { role: { from: 'agent', to: 'payments_operator' }, tier: { from: 1, to: null } },
    });
    expect(created).toMatchObject({ action: 'user.created', actorType: 'system' });
    expect(response.body).not.toContain('passwordHash');
  });

  it('pages with a cursor and refuses non-admins', async () => {
    const admin = await buildUser(t, { role: 'admin' });
    const session = await signIn(t, admin.email);
    const first = (
      await t.app.inject({ method: 'GET', url: '/api/audit?limit=2', headers: session.headers })
    ).json();
    const second = (
      await t.app.inject({
        method: 'GET',
        url: `/api/audit?limit=2&cursor=${first.nextCursor}`,
        headers: session.headers,
      })
    ).json();
    expect(Number(second.items[0].seq)).toBeLessThan(Number(first.items[1].seq));

    const agent = await buildUser(t);
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/audit',
      headers: (await signIn(t, agent.email)).headers,
    });
    expect(denied.statusCode).toBe(403);
  });
});
