import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestApp, signIn, type Session, type TestApp } from '../../../test/app.ts';
import { bodyLimitBytes } from './index.ts';

let t: TestApp;
let session: Session;
beforeAll(async () => {
  t = await createTestApp();
  session = await signIn(t, (await buildUser(t)).email);
});
afterAll(() => t.close());

describe('bad input', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON as problem+json', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { ...session.headers, 'content-type': 'application/json' },
      payload: '{"displayName": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'MALFORMED_JSON',
      requestId: response.headers['x-request-id'],
    });
  });

  it('refuses unknown fields with 400 naming the field, and changes nothing', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers });
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: session.headers,
      payload: { displayName: 'Changed', isAdmin: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().errors).toContainEqual({ path: 'body', message: 'unknown field "isAdmin"' });
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers });
    expect(after.json().displayName).toBe(before.json().displayName);
  });

  it('refuses an oversized body with 413', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { ...session.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ displayName: 'x'.repeat(bodyLimitBytes) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('BODY_TOO_LARGE');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { ...session.headers, 'content-type': 'text/xml' },
      payload: '<x/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown API route with 404 ROUTE_NOT_FOUND and a malformed id with 400', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: session.headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('ROUTE_NOT_FOUND');
    const badId = await t.app.inject({
      method: 'GET',
      url: '/api/accounts/not-a-uuid',
      headers: session.headers,
    });
    expect(badId.statusCode).toBe(400);
  });

  it('asks for authentication before anything else', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('AUTH_REQUIRED');
  });
});

describe('platform endpoints', () => {
  it('serves OpenAPI 3.1 describing the API, and a docs page', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/me/tokens', '/api/users']),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('reports health, readiness and Prometheus metrics', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).json()).toMatchObject({
      status: 'ready',
      database: 'ok',
    });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('paydesk_http_request_duration_seconds');
    expect(metrics.body).toContain('paydesk_process_cpu_seconds_total');
  });

  it('echoes a sane request id, replaces an insane one, and sets security headers', async () => {
    const echoed = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(echoed.headers['content-security-policy']).toContain("script-src 'self'");
    expect(echoed.headers['x-content-type-options']).toBe('nosniff');
    expect(echoed.headers['x-frame-options']).toBeDefined();
  });
});

describe('Idempotency-Key', () => {
  const createToken = (key: string, name: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: { ...session.headers, 'idempotency-key': key },
      payload: { name, scopes: ['read'], expiresInDays: 7 },
    });

  it('answers a retry with the stored first answer and no second effect', async () => {
    const first = await createToken('key-1', 'ci');
    const retry = await createToken('key-1', 'ci');
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const tokens = (
      await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: session.headers })
    ).json().items;
    expect(tokens.filter((token: { name: string }) => token.name === 'ci')).toHaveLength(1);
  });

  it('answers the same key with another body with 422, and a bad key with 400', async () => {
    await createToken('key-2', 'first');
    const reused = await createToken('key-2', 'second');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const bad = await createToken('x'.repeat(300), 'third');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const first = createToken('key-3', 'slow');
    const second = createToken('key-3', 'slow');
    const statuses = (await Promise.all([first, second])).map((r) => r.statusCode).sort();
    // Either the second arrived while the first ran (409) or after it finished (a replay, 201).
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    const user = (await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).json();
    await t.db
      .insertInto('idempotencyKeys')
      .values({
        scope: `user:${user.id}`,
        key: 'key-4',
        method: 'POST',
        path: '/api/me/tokens',
        requestHash: 'pending',
        state: 'in_progress',
        createdAt: t.clock.now(),
      })
      .execute();
    const whileRunning = await t.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: { ...session.headers, 'idempotency-key': 'key-4' },
      payload: { name: 'x', scopes: ['read'], expiresInDays: 7 },
    });
    // The stored hash differs from this body's, which is a misuse (422); same body while running is 409.
    expect(whileRunning.statusCode).toBe(422);
  });
});

describe('logs', () => {
  it('never contain passwords, session cookies, CSRF tokens or API tokens', async () => {
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    let logs = '';
    stream.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const logged = await createTestApp({ logStream: stream });
    try {
      const user = await buildUser(logged);
      const userSession = await signIn(logged, user.email);
      const token = (
        await logged.app.inject({
          method: 'POST',
          url: '/api/me/tokens',
          headers: userSession.headers,
          payload: { name: 'logged', scopes: ['read'], expiresInDays: 1 },
        })
      ).json<{ secret: string }>().secret;
      await logged.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${token}` },
      });
      logged.app.log.info(
        {
          req: { headers: { authorization: `Bearer ${token}`, cookie: userSession.cookie } },
          body: { password: 'hunter2-secret' },
        },
        'probe',
      );
      expect(logs).toContain('probe');
      expect(logs).toContain('incoming request');
      expect(logs).toContain('"password":"[redacted]"');
      for (const secret of [
        'correct-horse-battery-staple',
        token,
        userSession.csrf,
        userSession.cookie.split(';')[0]!.split('=')[1]!,
        'hunter2-secret',
        '4111111111111111',
      ]) {
        expect(logs).not.toContain(secret);
      }
    } finally {
      await logged.close();
    }
  });
});

describe('the web app', () => {
  it('is served to anyone, with client-side routes falling back to index.html and missing files a 404', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'paydesk-web-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><body>Paydesk</body></html>');
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    const web = await createTestApp({ webDistDir: dist });
    try {
      const home = await web.app.inject({ method: 'GET', url: '/' });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('<html>');
      expect(home.headers['content-security-policy']).toContain("default-src 'self'");
      const deepLink = await web.app.inject({ method: 'GET', url: '/profile?tab=tokens' });
      expect(deepLink.statusCode).toBe(200);
      expect(deepLink.body).toContain('Paydesk');
      const asset = await web.app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toContain('javascript');
      const missing = await web.app.inject({ method: 'GET', url: '/assets/gone.js' });
      expect(missing.statusCode).toBe(404);
      const api = await web.app.inject({ method: 'GET', url: '/api/nothing-here' });
      expect(api.headers['content-type']).toContain('application/problem+json');
    } finally {
      await web.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('card numbers', () => {
  it('are masked to BIN and last four before anything stores or audits them', async () => {
    const user = await buildUser(t);
    const userSession = await signIn(t, user.email);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: userSession.headers,
      payload: { displayName: 'Paid with 4111 1111 1111 1111' },
    });
    expect(response.json().displayName).toBe('Paid with 411111******1111');
    const stored = await t.db
      .selectFrom('users')
      .select('displayName')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.displayName).toBe('Paid with 411111******1111');
    const audited = await t.db
      .selectFrom('auditLog')
      .select((eb) => eb.cast<string>('changes', 'text').as('changes'))
      .where('entityId', '=', user.id)
      .execute();
    expect(audited.map((row) => row.changes).join()).not.toMatch(/4111 1111 1111 1111|4111111111111111/);
  });
});
