import type { AgentTier, Language, Role } from '@paydesk/shared';
import type { NewAccount } from '../modules/accounts/index.ts';

/** The demo organisation: realistic customers of a payments network and the staff who serve them. */
export const demoPassword = 'paydesk-demo-2026';

export const demoAccounts: NewAccount[] = [
  {
    name: 'Northbank',
    legalName: 'Northbank plc',
    countryCode: 'GB',
    kind: 'bank',
    timeZone: 'Europe/London',
  },
  {
    name: 'Thames Mutual Bank',
    legalName: 'Thames Mutual Bank Limited',
    countryCode: 'GB',
    kind: 'bank',
    timeZone: 'Europe/London',
  },
  {
    name: 'Pennine Building Society',
    legalName: 'Pennine Building Society',
    countryCode: 'GB',
    kind: 'bank',
    timeZone: 'Europe/London',
  },
  {
    name: 'Ledgerlite Payments',
    legalName: 'Ledgerlite Payments Ltd',
    countryCode: 'GB',
    kind: 'psp',
    timeZone: 'Europe/London',
  },
  {
    name: 'Clearwave',
    legalName: 'Clearwave Payment Services Ltd',
    countryCode: 'GB',
    kind: 'psp',
    timeZone: 'Europe/London',
  },
  {
    name: 'Emerald Card Services',
    legalName: 'Emerald Card Services DAC',
    countryCode: 'IE',
    kind: 'acquirer',
    timeZone: 'Europe/Dublin',
  },
  {
    name: 'PayWisła',
    legalName: 'PayWisła S.A.',
    countryCode: 'PL',
    kind: 'psp',
    defaultLanguage: 'pl',
    timeZone: 'Europe/Warsaw',
  },
  {
    name: 'Kraków Pay',
    legalName: 'Kraków Pay sp. z o.o.',
    countryCode: 'PL',
    kind: 'psp',
    defaultLanguage: 'pl',
    timeZone: 'Europe/Warsaw',
  },
  {
    name: 'PagoRápido',
    legalName: 'PagoRápido S.A.P.I. de C.V.',
    countryCode: 'MX',
    kind: 'psp',
    defaultLanguage: 'es-MX',
    timeZone: 'America/Mexico_City',
  },
  {
    name: 'Transferencias del Norte',
    legalName: 'Transferencias del Norte S.A. de C.V.',
    countryCode: 'MX',
    kind: 'psp',
    defaultLanguage: 'es-MX',
    timeZone: 'America/Monterrey',
  },
  {
    name: 'Agua Metropolitana',
    legalName: 'Servicios de Agua Metropolitana S.A. de C.V.',
    countryCode: 'MX',
    kind: 'biller',
    defaultLanguage: 'es-MX',
    timeZone: 'America/Mexico_City',
  },
  {
    name: 'Huaxia Merchant Acquiring',
    legalName: '华夏商户收单有限公司',
    countryCode: 'CN',
    kind: 'acquirer',
    defaultLanguage: 'zh-CN',
    timeZone: 'Asia/Shanghai',
  },
];

export const demoTeams = [
  {
    key: 'l1-mexico',
    name: 'L1 Mexico City',
    description: 'First-line support, Americas hours',
    timeZone: 'America/Mexico_City',
  },
  {
    key: 'l2-warsaw',
    name: 'L2 Warsaw',
    description: 'Second-line technical support',
    timeZone: 'Europe/Warsaw',
  },
  {
    key: 'l3-london',
    name: 'L3 London',
    description: 'Third-line specialists and engineering liaison',
    timeZone: 'Europe/London',
  },
  {
    key: 'shanghai',
    name: 'Shanghai desk',
    description: 'APAC support and card acquiring',
    timeZone: 'Asia/Shanghai',
  },
] as const;

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  tier?: AgentTier;
  language: Language;
  timeZone: string;
  /** Name of the customer account, for customer users. */
  account?: string;
  team?: (typeof demoTeams)[number]['key'];
  lead?: boolean;
}

export const demoUsers: DemoUser[] = [
  {
    email: 'admin@paydesk.test',
    displayName: 'Ada Whitfield',
    role: 'admin',
    language: 'en',
    timeZone: 'Europe/London',
  },
  {
    email: 'amelia.hughes@paydesk.test',
    displayName: 'Amelia Hughes',
    role: 'account_manager',
    language: 'en',
    timeZone: 'Europe/London',
    team: 'l3-london',
    lead: true,
  },
  {
    email: 'analyst@paydesk.test',
    displayName: 'Priya Natarajan',
    role: 'service_level_analyst',
    language: 'en',
    timeZone: 'Europe/London',
  },
  {
    email: 'payments.ops@paydesk.test',
    displayName: 'James Okafor',
    role: 'payments_operator',
    language: 'en',
    timeZone: 'Europe/London',
  },
  {
    email: 'l1.agent@paydesk.test',
    displayName: 'Lucía Hernández',
    role: 'agent',
    tier: 1,
    language: 'es-MX',
    timeZone: 'America/Mexico_City',
    team: 'l1-mexico',
  },
  {
    email: 'diego.ramirez@paydesk.test',
    displayName: 'Diego Ramírez',
    role: 'agent',
    tier: 1,
    language: 'es-MX',
    timeZone: 'America/Mexico_City',
    team: 'l1-mexico',
    lead: true,
  },
  {
    email: 'l2.agent@paydesk.test',
    displayName: 'Katarzyna Nowak',
    role: 'agent',
    tier: 2,
    language: 'pl',
    timeZone: 'Europe/Warsaw',
    team: 'l2-warsaw',
    lead: true,
  },
  {
    email: 'tomasz.wojcik@paydesk.test',
    displayName: 'Tomasz Wójcik',
    role: 'agent',
    tier: 2,
    language: 'pl',
    timeZone: 'Europe/Warsaw',
    team: 'l2-warsaw',
  },
  {
    email: 'l3.agent@paydesk.test',
    displayName: 'Oliver Bennett',
    role: 'agent',
    tier: 3,
    language: 'en',
    timeZone: 'Europe/London',
    team: 'l3-london',
  },
  {
    email: 'li.wei@paydesk.test',
    displayName: 'Li Wei',
    role: 'agent',
    tier: 2,
    language: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    team: 'shanghai',
    lead: true,
  },
  {
    email: 'customer@northbank.test',
    displayName: 'Hannah Clarke',
    role: 'customer_admin',
    language: 'en',
    timeZone: 'Europe/London',
    account: 'Northbank',
  },
  {
    email: 'ops@northbank.test',
    displayName: 'Rajesh Patel',
    role: 'customer_user',
    language: 'en',
    timeZone: 'Europe/London',
    account: 'Northbank',
  },
  {
    email: 'soporte@pagorapido.test',
    displayName: 'Mariana López',
    role: 'customer_admin',
    language: 'es-MX',
    timeZone: 'America/Mexico_City',
    account: 'PagoRápido',
  },
  {
    email: 'wsparcie@paywisla.test',
    displayName: 'Agnieszka Kowalska',
    role: 'customer_admin',
    language: 'pl',
    timeZone: 'Europe/Warsaw',
    account: 'PayWisła',
  },
  {
    email: 'ops@huaxia.test',
    displayName: '张伟',
    role: 'customer_user',
    language: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    account: 'Huaxia Merchant Acquiring',
  },
];
