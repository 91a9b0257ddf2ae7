import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildUser,
  createApiToken,
  createTestApp,
  signIn,
  testPassword,
  type TestApp,
} from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with e-mail and password and sets httpOnly session and readable CSRF cookies', async () => {
    const user = await buildUser(t, { displayName: 'Lucía' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email.toUpperCase(), password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, displayName: 'Lucía', role: 'agent', tier: 1 });
    const session = response.cookies.find((c) => c.name === 'pd_session')!;
    const csrf = response.cookies.find((c) => c.name === 'pd_csrf')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf.sameSite).toBe('Strict');
  });

  it('answers a wrong password and an unknown e-mail identically, with 401', async () => {
    const user = await buildUser(t);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'not-the-password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.test', password: 'whatever-it-is' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('locks a user out after five failures with 429 and a retry time, even for the right password, then lets them in', async () => {
    const user = await buildUser(t);
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong-password-here')).statusCode).toBe(401);
    const fifth = await attempt('wrong-password-here');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: 'AUTH_LOCKED_OUT', retryAfterSeconds: 900 });
    expect(fifth.headers['retry-after']).toBe('900');

    const right = await attempt(testPassword);
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('AUTH_LOCKED_OUT');

    t.clock.advance(15 * 60 * 1000 + 1000);
    expect((await attempt(testPassword)).statusCode).toBe(200);
  });

  it('limits sign-in attempts per source address', async () => {
    const limited = await createTestApp({ loginAttemptsPerMinute: 3 });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'x@example.test', password: 'whatever-it-is' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('RATE_LIMITED');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const user = await buildUser(t);
    const session = await signIn(t, user.email);
    const without = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: session.cookie },
      payload: { displayName: 'X' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('AUTH_CSRF_INVALID');
    const forged = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: session.cookie, 'x-csrf-token': 'forged' },
      payload: { displayName: 'X' },
    });
    expect(forged.statusCode).toBe(403);
    const withHeader = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: session.headers,
      payload: { displayName: 'Renamed' },
    });
    expect(withHeader.statusCode).toBe(200);
    expect(withHeader.json().displayName).toBe('Renamed');
  });

  it('signs out: the session no longer works', async () => {
    const user = await buildUser(t);
    const session = await signIn(t, user.email);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })).statusCode,
    ).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('AUTH_REQUIRED');
  });

  it('expires a session after twelve idle hours', async () => {
    const user = await buildUser(t);
    const session = await signIn(t, user.email);
    t.clock.advance(12 * 60 * 60 * 1000 + 1);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } })).statusCode,
    ).toBe(401);
  });
});

describe('profile and password', () => {
  it('remembers the chosen language and rejects an unknown time zone', async () => {
    const user = await buildUser(t);
    const session = await signIn(t, user.email);
    const changed = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: session.headers,
      payload: { language: 'pl' },
    });
    expect(changed.json().language).toBe('pl');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).json().language,
    ).toBe('pl');

    const badZone = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: session.headers,
      payload: { timeZone: 'Mars/Olympus' },
    });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().code).toBe('VALIDATION_FAILED');
    const badLanguage = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: session.headers,
      payload: { language: 'fr' },
    });
    expect(badLanguage.statusCode).toBe(400);
  });

  it('changes the password: checks the current one and strength, then signs out other sessions', async () => {
    const user = await buildUser(t);
    const session = await signIn(t, user.email);
    const other = await signIn(t, user.email);
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: session.headers,
        payload: { currentPassword, newPassword },
      });

    expect((await change('wrong-current-password', 'a-brand-new-passphrase')).json().code).toBe(
      'AUTH_INVALID_CREDENTIALS',
    );
    const weak = await change(testPassword, 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('AUTH_PASSWORD_TOO_WEAK');
    expect((await change(testPassword, 'a-brand-new-passphrase')).statusCode).toBe(204);

    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: other.cookie } })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } })).statusCode,
    ).toBe(200);
    await expect(signIn(t, user.email)).rejects.toThrow(/401/);
    await expect(signIn(t, user.email, 'a-brand-new-passphrase')).resolves.toBeDefined();
  });

  it('resets a password with an admin-issued token that works once', async () => {
    const admin = await buildUser(t, { role: 'admin' });
    const user = await buildUser(t);
    const adminSession = await signIn(t, admin.email);
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/password-reset`,
      headers: adminSession.headers,
    });
    expect(issued.statusCode).toBe(201);
    const { token } = issued.json<{ token: string }>();

    const reset = (newPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, newPassword } });
    expect((await reset('my-reset-passphrase-1')).statusCode).toBe(204);
    const again = await reset('my-reset-passphrase-2');
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('AUTH_PASSWORD_RESET_INVALID');
    await expect(signIn(t, user.email, 'my-reset-passphrase-1')).resolves.toBeDefined();
  });
});

describe('API tokens', () => {
  it('shows the secret once, stores only its hash and authenticates as the user', async () => {
    const user = await buildUser(t);
    const session = await signIn(t, user.email);
    const token = await createApiToken(t, session);
    expect(token.secret).toMatch(/^pdk_[A-Za-z0-9_-]{40,}$/);

    const listed = await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: session.headers });
    expect(listed.body).not.toContain(token.secret);
    expect(listed.json().items[0]).toMatchObject({
      id: token.id,
      prefix: token.secret.slice(0, 12),
      scopes: ['read', 'write'],
    });
    const stored = await t.db
      .selectFrom('apiTokens')
      .select('tokenHash')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token.secret);

    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: token.headers });
    expect(me.json().id).toBe(user.id);
  });

  it('enforces scopes, expiry and revocation, and keeps token management to sessions', async () => {
    const user = await buildUser(t);
    const session = await signIn(t, user.email);
    const readOnly = await createApiToken(t, session, ['read']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: readOnly.headers })).statusCode,
    ).toBe(200);
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: readOnly.headers,
      payload: { displayName: 'X' },
    });
    expect(write.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: readOnly.headers })).statusCode,
    ).toBe(403);

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/tokens/${readOnly.id}`,
      headers: session.headers,
    });
    expect(revoke.statusCode).toBe(204);
    const afterRevoke = await t.app.inject({ method: 'GET', url: '/api/me', headers: readOnly.headers });
    expect(afterRevoke.statusCode).toBe(401);

    const expiring = await createApiToken(t, session);
    t.clock.advance(31 * 86_400_000);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: expiring.headers })).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/me',
          headers: { authorization: 'Bearer pdk_made-up' },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Basic abc' } }))
        .statusCode,
    ).toBe(401);
  });

  it('refuses bad token requests without creating anything', async () => {
    const user = await buildUser(t);
    const session = await signIn(t, user.email);
    for (const payload of [
      { name: '', scopes: ['read'], expiresInDays: 30 },
      { name: 'x', scopes: [], expiresInDays: 30 },
      { name: 'x', scopes: ['admin'], expiresInDays: 30 },
      { name: 'x', scopes: ['read'], expiresInDays: 0 },
      { name: 'x', scopes: ['read'], expiresInDays: 400 },
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/me/tokens',
        headers: session.headers,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: session.headers })).json().items,
    ).toEqual([]);
  });
});

describe('user administration', () => {
  it('lets admins create users and refuses everyone else', async () => {
    const admin = await buildUser(t, { role: 'admin' });
    const agent = await buildUser(t);
    const account = await buildAccount(t);
    const payload = {
      email: 'new.customer@bank.test',
      displayName: 'New Customer',
      role: 'customer_user',
      accountId: account.id,
      password: 'a-long-enough-password',
    };

    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: (await signIn(t, agent.email)).headers,
      payload,
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('AUTH_FORBIDDEN');

    const adminSession = await signIn(t, admin.email);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'customer_user', account: { id: account.id } });

    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('USER_ALREADY_EXISTS');

    const noAccount = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: { ...payload, email: 'other@bank.test', accountId: null },
    });
    expect(noAccount.statusCode).toBe(400);
    const count = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('email', '=', 'other@bank.test')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('shows a user to themselves, to those who read users, and customer users to those who read accounts', async () => {
    const account = await buildAccount(t);
    const customerAdmin = await buildUser(t, { role: 'customer_admin', accountId: account.id });
    const customerUser = await buildUser(t, { role: 'customer_user', accountId: account.id });
    const agent = await buildUser(t);
    const analyst = await buildUser(t, { role: 'service_level_analyst' });
    const read = async (reader: { email: string }, target: { id: string }) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/users/${target.id}`,
          headers: (await signIn(t, reader.email)).headers,
        })
      ).statusCode;

    expect(await read(agent, agent)).toBe(200);
    expect(await read(agent, customerUser)).toBe(200);
    expect(await read(agent, analyst)).toBe(404);
    expect(await read(analyst, agent)).toBe(200);
    expect(await read(customerAdmin, customerUser)).toBe(200);
    expect(await read(customerUser, customerAdmin)).toBe(404);
    expect(await read(customerAdmin, agent)).toBe(404);
  });

  it('deactivating a user ends their sessions', async () => {
    const admin = await buildUser(t, { role: 'admin' });
    const user = await buildUser(t);
    const session = await signIn(t, user.email);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: (await signIn(t, admin.email)).headers,
      payload: { isActive: false },
    });
    expect(response.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).statusCode).toBe(
      401,
    );
  });

  it('pages through users with an opaque cursor', async () => {
    const admin = await buildUser(t, { role: 'admin' });
    const session = await signIn(t, admin.email);
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await t.app.inject({ method: 'GET', url, headers: session.headers });
      expect(page.statusCode).toBe(200);
      const body = page.json<{ items: Array<{ id: string }>; nextCursor: string | null }>();
      expect(body.items.length).toBeLessThanOrEqual(2);
      for (const item of body.items) seen.add(item.id);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    const total = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(seen.size).toBe(Number(total.n));

    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/users?cursor=garbage',
      headers: session.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('PAGINATION_CURSOR_INVALID');
  });
});
