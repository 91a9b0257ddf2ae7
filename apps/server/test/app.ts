import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import type { Role } from '@paydesk/shared';
import { buildApp, type Services } from '../src/app.ts';
import { fixedClock } from '../src/platform/clock.ts';
import type { Db, EngineKind } from '../src/platform/db/index.ts';
import { createFileStore } from '../src/platform/files/index.ts';
import type { HttpServer } from '../src/platform/http/index.ts';
import { openTestDatabase } from './database.ts';

export const testPassword = 'correct-horse-battery-staple';

export interface TestApp {
  app: HttpServer;
  db: Db;
  kind: EngineKind;
  services: Services;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/** The real app on a fresh database of the engine under test, with a clock tests can move. */
export async function createTestApp(
  options: {
    loginAttemptsPerMinute?: number;
    extraRoutes?: (app: HttpServer) => Promise<void>;
    /** A built web app to serve. */
    webDistDir?: string;
    /** Capture logs at debug level into this stream instead of discarding them. */
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<TestApp> {
  const handle = await openTestDatabase(inject('testTemplate'));
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paydesk-test-files-'));
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
  const { app, services } = await buildApp({
    config: {
      logLevel: options.logStream ? 'debug' : 'silent',
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
    },
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
    db: handle.db,
    clock,
    files: createFileStore(filesDir),
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
  });
  if (options.extraRoutes) await app.register(options.extraRoutes);
  await app.ready();
  return {
    app,
    db: handle.db,
    kind: handle.kind,
    services,
    clock,
    async close() {
      await app.close();
      await handle.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

let sequence = 0;
function nextId() {
  sequence += 1;
  return `${process.pid}-${sequence}`;
}

export function buildAccount(
  t: TestApp,
  overrides: Partial<Parameters<Services['accounts']['create']>[1]> = {},
) {
  return t.services.accounts.create(null, {
    name: `Account ${nextId()}`,
    legalName: 'Test Bank plc',
    countryCode: 'GB',
    kind: 'bank',
    ...overrides,
  });
}

export function buildContact(
  t: TestApp,
  accountId: string,
  overrides: Partial<Parameters<Services['accounts']['createContact']>[2]> = {},
) {
  return t.services.accounts.createContact(null, accountId, {
    name: 'Test Contact',
    email: `contact-${nextId()}@example.test`,
    ...overrides,
  });
}

export function buildUser(
  t: TestApp,
  overrides: Partial<Parameters<Services['identity']['createUser']>[1]> & { role?: Role } = {},
) {
  return t.services.identity.createUser(null, {
    email: `user-${nextId()}@example.test`,
    displayName: 'Test User',
    role: 'agent',
    password: testPassword,
    ...overrides,
  });
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

export async function signIn(t: TestApp, email: string, password = testPassword): Promise<Session> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookies = Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
  const cookie = `pd_session=${cookies.pd_session}; pd_csrf=${cookies.pd_csrf}`;
  const csrf = cookies.pd_csrf!;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export async function createApiToken(
  t: TestApp,
  session: Session,
  scopes: ('read' | 'write')[] = ['read', 'write'],
) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/me/tokens',
    headers: session.headers,
    payload: { name: 'test', scopes, expiresInDays: 30 },
  });
  if (response.statusCode !== 201) throw new Error(`token creation failed: ${response.body}`);
  const body = response.json<{ token: { id: string }; secret: string }>();
  return { id: body.token.id, secret: body.secret, headers: { authorization: `Bearer ${body.secret}` } };
}

/** A signed-in user of a role, calling the API through its session (cookie + CSRF header). */
export interface Caller {
  id: string;
  /** The session's cookie and CSRF headers, for requests `call` does not cover (binary bodies). */
  headers: Record<string, string>;
  call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function signedInAs(
  t: TestApp,
  role: Role,
  overrides: Partial<Parameters<Services['identity']['createUser']>[1]> = {},
): Promise<Caller> {
  const user = await buildUser(t, { role, ...overrides });
  const session = await signIn(t, user.email);
  return {
    id: user.id,
    headers: session.headers,
    call: (method, url, payload, headers = {}) =>
      t.app.inject({
        method,
        url,
        headers: { ...session.headers, ...headers },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      }),
  };
}
