import { describe, expect, it } from 'vitest';
import { roles } from '@paydesk/shared';
import { can, passwordProblem, permissions, scopeOf, type UserActor } from './index.ts';

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
  it('keeps administration to admins', () => {
    for (const role of roles) {
      const accountId = role.startsWith('customer_') ? 'a' : null;
      expect(can(actor(role, accountId), 'users:manage'), role).toBe(role === 'admin');
    }
  });

  it('grants a customer only reading their own account and, as its admin, its users, contracts, reviews and change requests', () => {
    const customerPermissions = {
      customer_admin: [
        'accounts:read',
        'account-users:read',
        'contracts:read',
        'change-requests:raise',
        'governance:read',
        'cases:read',
        'cases:create',
        'cases:reply',
      ],
      customer_user: ['accounts:read', 'cases:read', 'cases:create', 'cases:reply'],
    };
    for (const [role, allowed] of Object.entries(customerPermissions)) {
      const granted = permissions.filter((p) => can(actor(role as UserActor['role'], 'a'), p));
      expect(granted.sort(), role).toEqual([...allowed].sort());
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
