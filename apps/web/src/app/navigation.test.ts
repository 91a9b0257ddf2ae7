import { roles, type Role } from '@paydesk/shared';
import { describe, expect, it } from 'vitest';
import { canSeeArea, getNavigation, type NavKey } from './navigation.ts';

function keysFor(role: Role): NavKey[] {
  return getNavigation(role).map((item) => item.key);
}

describe('getNavigation', () => {
  it('gives an admin every area, administration last', () => {
    expect(keysFor('admin')).toEqual([
      'dashboard',
      'cases',
      'search',
      'accounts',
      'contracts',
      'sla',
      'payments',
      'knowledge',
      'insight',
      'admin',
    ]);
  });

  it('gives an account manager accounts, contracts, SLA and insight but not payments or admin', () => {
    expect(keysFor('account_manager')).toEqual([
      'dashboard',
      'cases',
      'search',
      'accounts',
      'contracts',
      'sla',
      'knowledge',
      'insight',
    ]);
  });

  it('gives a service-level analyst the same areas as an account manager', () => {
    expect(keysFor('service_level_analyst')).toEqual(keysFor('account_manager'));
  });

  it('gives an agent cases, accounts and payments but no contracts, SLA, insight or admin', () => {
    expect(keysFor('agent')).toEqual(['dashboard', 'cases', 'search', 'accounts', 'payments', 'knowledge']);
  });

  it('gives a payments operator the same areas as an agent', () => {
    expect(keysFor('payments_operator')).toEqual(keysFor('agent'));
  });

  it.each(['customer_admin', 'customer_user'] as const)(
    'gives a %s only the dashboard, their own cases, search and knowledge',
    (role) => {
      const nav = getNavigation(role);
      expect(nav.map((item) => item.key)).toEqual(['dashboard', 'cases', 'search', 'knowledge']);
      expect(nav.find((item) => item.key === 'cases')?.labelKey).toBe('nav.myCases');
    },
  );

  it('labels cases "Cases" for every staff role', () => {
    for (const role of roles.filter((r) => !r.startsWith('customer_'))) {
      expect(getNavigation(role).find((item) => item.key === 'cases')?.labelKey).toBe('nav.cases');
    }
  });

  it('offers search, right after cases, to every role', () => {
    for (const role of roles) {
      const nav = getNavigation(role);
      const search = nav.findIndex((item) => item.key === 'search');
      expect(search, role).toBe(nav.findIndex((item) => item.key === 'cases') + 1);
      expect(nav[search]).toEqual({ key: 'search', path: '/search', labelKey: 'nav.search', children: [] });
    }
  });

  it('shows administration with users, teams and audit to admins only', () => {
    for (const role of roles) {
      const admin = getNavigation(role).find((item) => item.key === 'admin');
      if (role === 'admin') {
        expect(admin?.children.map((child) => child.path)).toEqual([
          '/admin/users',
          '/admin/teams',
          '/admin/audit',
        ]);
      } else {
        expect(admin).toBeUndefined();
      }
    }
  });

  it('agrees with canSeeArea for every role and area', () => {
    for (const role of roles) {
      const visible = new Set(keysFor(role));
      for (const key of keysFor('admin')) {
        expect(canSeeArea(role, key)).toBe(visible.has(key));
      }
    }
  });
});
