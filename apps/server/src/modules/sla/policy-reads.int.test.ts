import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, createTestApp, type TestApp } from '../../../test/app.ts';
import { l1LondonOla } from './ola-policy.fixture.ts';
import { policyReadsOf, rememberedPolicyReads } from './policy-reads.ts';

let t: TestApp;
let accountId: string;
let teamId: string;
let calendarId: string;

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await buildAccount(t)).id;
  teamId = (await t.services.identity.createTeam(null, { name: `Reads ${process.pid}` })).id;
  calendarId = (
    await t.services.calendars.create(null, {
      name: `Reads office ${process.pid}`,
      spec: { timeZone: 'Europe/London', week: { mon: [['09:00', '17:00']] } },
    })
  ).id;
  await t.services.agreements.create(null, {
    kind: 'ola',
    teamId,
    name: 'Reads OLA',
    policy: l1LondonOla(calendarId),
    effectiveFrom: '2026-01-01',
  });
});

afterAll(async () => {
  await t.close();
});

describe('policy reads remembered for a recomputation run', () => {
  it('answers each question from the database once, the same as a direct read', async () => {
    const direct = policyReadsOf(t.db);
    const reads = rememberedPolicyReads({ maxEntries: 100 }).over(t.db);

    const agreements = await reads.agreementsInForce({ teamId }, '2026-03-02');
    expect(agreements.map((agreement) => agreement.name)).toEqual(['Reads OLA']);
    expect(agreements).toEqual(await direct.agreementsInForce({ teamId }, '2026-03-02'));
    // The same question: the same answer object, not a second read.
    expect(await reads.agreementsInForce({ teamId }, '2026-03-02')).toBe(agreements);
    // Another date is another question: before the OLA took effect there is none.
    expect(await reads.agreementsInForce({ teamId }, '2025-12-31')).toEqual([]);

    const versions = await reads.calendarVersions([calendarId]);
    expect(versions).toEqual([{ id: calendarId, version: 1 }]);
    expect(await reads.calendarVersions([calendarId])).toBe(versions);

    const contracts = await reads.contractsInForce(accountId, '2026-03-02');
    expect(contracts).toEqual(await direct.contractsInForce(accountId, '2026-03-02'));
    expect(await reads.contractsInForce(accountId, '2026-03-02')).toBe(contracts);
  });

  it('shares answers across the executors of a run, within its bound', async () => {
    const remembered = rememberedPolicyReads({ maxEntries: 2 });
    const first = await remembered.over(t.db).agreementsInForce({ teamId }, '2026-03-02');
    const inBatch = await t.db
      .transaction()
      .execute((tx) => remembered.over(tx).agreementsInForce({ teamId }, '2026-03-02'));
    expect(inBatch).toBe(first);
    // Past the bound it starts afresh: the same question is read again.
    await remembered.over(t.db).agreementsInForce({ teamId }, '2026-03-03');
    await remembered.over(t.db).agreementsInForce({ teamId }, '2026-03-04');
    const again = await remembered.over(t.db).agreementsInForce({ teamId }, '2026-03-02');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('does not remember a failed read', async () => {
    const reads = rememberedPolicyReads({ maxEntries: 100 }).over(t.db);
    const failed = reads.agreementsInForce({ teamId }, 'not a date');
    await expect(failed).rejects.toThrow();
    const retried = reads.agreementsInForce({ teamId }, 'not a date');
    expect(retried).not.toBe(failed);
    await expect(retried).rejects.toThrow();
  });
});
