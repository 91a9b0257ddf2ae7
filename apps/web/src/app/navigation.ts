import { isCustomerRole, type Role } from '@paydesk/shared';

export const navKeys = [
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
] as const;
export type NavKey = (typeof navKeys)[number];

export const adminSectionKeys = ['users', 'teams', 'audit'] as const;
export type AdminSectionKey = (typeof adminSectionKeys)[number];

/** The SLA area's pages, each labelled by its own module's title. */
const slaSections = [
  { key: 'sla-calendars', path: '/sla/calendars', labelKey: 'calendars.title' },
  { key: 'sla-agreements', path: '/sla/agreements', labelKey: 'agreements.nav' },
] as const satisfies readonly NavChild[];

export interface NavChild {
  key: `admin-${AdminSectionKey}` | `sla-${string}`;
  path: string;
  labelKey: string;
}

export interface NavItem {
  key: NavKey;
  path: string;
  /** i18next key of the label; customers see "My cases" rather than "Cases". */
  labelKey: string;
  children: NavChild[];
}

const everyone = 'everyone';
type Audience = typeof everyone | readonly Role[];

/** Who sees which area. Route guards use the same table, so a hidden item is also a closed door. */
const audience: Record<NavKey, Audience> = {
  dashboard: everyone,
  cases: everyone,
  // As cases: search lists only the cases a person may read (a customer, their own account's).
  search: everyone,
  accounts: ['admin', 'account_manager', 'service_level_analyst', 'agent', 'payments_operator'],
  contracts: ['admin', 'account_manager', 'service_level_analyst'],
  sla: ['admin', 'service_level_analyst', 'account_manager'],
  payments: ['admin', 'payments_operator', 'agent'],
  knowledge: everyone,
  insight: ['admin', 'service_level_analyst', 'account_manager'],
  admin: ['admin'],
};

const paths: Record<NavKey, string> = {
  dashboard: '/',
  cases: '/cases',
  search: '/search',
  accounts: '/accounts',
  contracts: '/contracts',
  sla: '/sla',
  payments: '/payments',
  knowledge: '/knowledge',
  insight: '/insight',
  admin: '/admin',
};

export function canSeeArea(role: Role, key: NavKey): boolean {
  const who = audience[key];
  return who === everyone || who.includes(role);
}

/** The navigation a person with this role sees, in display order. */
export function getNavigation(role: Role): NavItem[] {
  return navKeys
    .filter((key) => canSeeArea(role, key))
    .map((key) => ({
      key,
      path: paths[key],
      labelKey: key === 'cases' && isCustomerRole(role) ? 'nav.myCases' : `nav.${key}`,
      children:
        key === 'admin'
          ? adminSectionKeys.map((section) => ({
              key: `admin-${section}` as const,
              path: `/admin/${section}`,
              labelKey: `nav.adminSections.${section}`,
            }))
          : key === 'sla'
            ? [...slaSections]
            : [],
    }));
}
