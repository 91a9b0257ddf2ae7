import { describe, expect, it } from 'vitest';
import { roles } from '@paydesk/shared';
import { can, passwordProblem, scopeOf, type UserActor } from './index.ts';

const actor = (role: UserActor['role'], accountId: string | null = null): UserActor => ({
  kind: 'user',
  userId: 'u',
  role,
  accountId,
  tier: null,
  via: 'session',
  sessionId: 's',
  tokenId: null,
  scopes: ['read', 'write'],
});

describe('scope', () => {
  it('gives staff every account and a customer only their own', () => {
    expect(scopeOf(actor('agent'))).toEqual({ kind: 'all' });
    expect(scopeOf(actor('customer_user', 'acc-1'))).toEqual({ kind: 'account', accountId: 'acc-1' });
    expect(() => scopeOf(actor('customer_admin'))).toThrow();
  });
});

describe('policy', () => {
  it('keeps administration to admins and never grants a customer a staff permission', () => {
    const staffOnly = [
      'users:read',
      'users:manage',
      'teams:manage',
      'audit:read',
      'accounts:manage',
    ] as const;
    for (const role of roles) {
      const isCustomer = role.startsWith('customer_');
      for (const permission of staffOnly) {
        if (isCustomer) expect(can(actor(role, 'a'), permission), `${role} ${permission}`).toBe(false);
      }
      expect(can(actor(role, isCustomer ? 'a' : null), 'users:manage')).toBe(role === 'admin');
    }
  });
});

describe('password rules', () => {
  it('wants at least twelve characters with some variety', () => {
    expect(passwordProblem('short')).toMatch(/12/);
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toMatch(/variety/);
    expect(passwordProblem('x'.repeat(300))).toMatch(/256/);
    expect(passwordProblem('correct-horse-battery')).toBeUndefined();
  });
});
