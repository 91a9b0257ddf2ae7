import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleHousekeeping } from '../src/app.ts';
import { createJobs, defineJob } from '../src/platform/jobs/index.ts';
import { buildUser, createTestApp, signIn, type TestApp } from './app.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('housekeeping jobs', () => {
  it('purge expired sessions and day-old idempotency keys, and keep live ones', async () => {
    const user = await buildUser(t);
    const old = await signIn(t, user.email);
    await t.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: { ...old.headers, 'idempotency-key': 'old-key' },
      payload: { name: 'old', scopes: ['read'], expiresInDays: 1 },
    });
    t.clock.advance(25 * 60 * 60 * 1000);
    const fresh = await signIn(t, user.email);
    await t.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: { ...fresh.headers, 'idempotency-key': 'new-key' },
      payload: { name: 'new', scopes: ['read'], expiresInDays: 1 },
    });

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

    const sessions = await t.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute();
    expect(sessions).toHaveLength(1);
    const keys = await t.db.selectFrom('idempotencyKeys').select('key').execute();
    expect(keys.map((k) => k.key)).toEqual(['new-key']);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: fresh.headers })).statusCode).toBe(
      200,
    );
  });

  it('refuses a recurring job with an interval under a second, or once started', async () => {
    const probe = defineJob<Record<string, never>>('probe-job', async () => {});
    const jobs = createJobs({ db: t.db, kind: t.kind, logger: silent, workers: false });
    expect(() => jobs.every(probe, {}, 10)).toThrow(/1 s or more/);
    await jobs.start();
    try {
      expect(() => jobs.every(probe, {}, 60_000)).toThrow(/after start/);
    } finally {
      await jobs.stop({ timeoutMs: 1000 });
    }
  });
});
