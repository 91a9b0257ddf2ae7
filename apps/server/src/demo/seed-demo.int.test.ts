import type { AgentTier, Role } from '@paydesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { seedDemo } from './seed-demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo', () => {
  it('seeds accounts, contracts in every state and cases with a history, once', async () => {
    const first = await seedDemo(t.db, t.services, t.clock);
    expect(first.seeded).toBe(true);

    const contracts = await t.services.contracts.contracts.list(await contextOf('admin@paydesk.test'), {
      limit: 200,
    });
    expect(contracts.items.map((c) => [c.reference, c.status]).sort()).toEqual(
      [
        ['CS-AGM-2025', 'active'],
        ['MSA-LL-2027', 'draft'],
        ['MSA-NB-2024', 'amended'],
        ['MSA-TMB-2025', 'active'],
        ['PILOT-ECS-2024', 'expired'],
      ].sort(),
    );

    const cases = await t.services.cases.list(await contextOf('admin@paydesk.test'), { limit: 200 });
    const statuses = cases.items.map((c) => c.status).sort();
    expect(statuses).toEqual(
      ['new', 'new', 'new', 'pending_customer', 'pending_internal', 'resolved'].sort(),
    );
    const bacs = cases.items.find((c) => c.subject.startsWith('Bacs Direct Debit'))!;
    const timeline = await t.services.cases.timeline(await contextOf('admin@paydesk.test'), bacs.id);
    // Replayed at its original times: opened 30 hours before the seeding, in order.
    expect(Date.parse(timeline[0]!.at)).toBe(t.clock.now().getTime() - 30 * 3_600_000);
    expect(timeline.map((e) => e.type)).toEqual([
      'opened',
      'assigned',
      'staff_replied',
      'status_changed',
      'staff_replied',
      'status_changed',
    ]);

    // Macros for the case page: two for everyone, one L1 hand-over note for its team.
    const macros = await t.services.macros.list(await contextOf('diego.ramirez@paydesk.test'), {});
    expect(macros.map((m) => [m.name, m.sharing, m.visibility]).sort()).toEqual(
      [
        ['Acknowledge and take the case', 'everyone', 'public'],
        ['Ask for the transaction reference', 'everyone', 'public'],
        ['Hand over to L2', 'team', 'internal'],
      ].sort(),
    );

    expect((await seedDemo(t.db, t.services, t.clock)).seeded).toBe(false);
  });
});

/** A demo user's request context, as their sign-in would give it. */
async function contextOf(email: string) {
  const user = await t.db
    .selectFrom('users')
    .select(['id', 'role', 'accountId', 'tier'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    actor: {
      kind: 'user' as const,
      userId: user.id,
      role: user.role as Role,
      accountId: user.accountId,
      tier: user.tier as AgentTier | null,
      via: 'session' as const,
      sessionId: null,
      tokenId: null,
      scopes: ['read', 'write'] as ('read' | 'write')[],
    },
    requestId: 'test',
    ip: null,
  };
}
