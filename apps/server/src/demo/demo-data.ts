import type { AgentTier, Language, Role } from '@paydesk/shared';
import type { NewAccount, NewContact, NewOpportunity } from '../modules/accounts/index.ts';

/** The demo organisation: realistic customers of a payments network and the staff who serve them. */
export const demoPassword = 'paydesk-demo-2026';

export const demoAccounts: NewAccount[] = [
  {
    name: 'Northbank',
    legalName: 'Northbank plc',
    countryCode: 'GB',
    kind: 'bank',
    segment: 'strategic',
    timeZone: 'Europe/London',
  },
  {
    name: 'Thames Mutual Bank',
    legalName: 'Thames Mutual Bank Limited',
    countryCode: 'GB',
    kind: 'bank',
    segment: 'enterprise',
    timeZone: 'Europe/London',
  },
  {
    name: 'Pennine Building Society',
    legalName: 'Pennine Building Society',
    countryCode: 'GB',
    kind: 'bank',
    segment: 'mid_market',
    timeZone: 'Europe/London',
  },
  {
    name: 'Ledgerlite Payments',
    legalName: 'Ledgerlite Payments Ltd',
    countryCode: 'GB',
    kind: 'psp',
    segment: 'emerging',
    timeZone: 'Europe/London',
  },
  {
    name: 'Clearwave',
    legalName: 'Clearwave Payment Services Ltd',
    countryCode: 'GB',
    kind: 'psp',
    segment: 'mid_market',
    timeZone: 'Europe/London',
  },
  {
    name: 'Emerald Card Services',
    legalName: 'Emerald Card Services DAC',
    countryCode: 'IE',
    kind: 'acquirer',
    segment: 'enterprise',
    timeZone: 'Europe/Dublin',
  },
  {
    name: 'PayWisła',
    legalName: 'PayWisła S.A.',
    countryCode: 'PL',
    kind: 'psp',
    segment: 'mid_market',
    defaultLanguage: 'pl',
    timeZone: 'Europe/Warsaw',
  },
  {
    name: 'Kraków Pay',
    legalName: 'Kraków Pay sp. z o.o.',
    countryCode: 'PL',
    kind: 'psp',
    segment: 'emerging',
    defaultLanguage: 'pl',
    timeZone: 'Europe/Warsaw',
  },
  {
    name: 'PagoRápido',
    legalName: 'PagoRápido S.A.P.I. de C.V.',
    countryCode: 'MX',
    kind: 'psp',
    segment: 'enterprise',
    defaultLanguage: 'es-MX',
    timeZone: 'America/Mexico_City',
  },
  {
    name: 'Transferencias del Norte',
    legalName: 'Transferencias del Norte S.A. de C.V.',
    countryCode: 'MX',
    kind: 'psp',
    segment: 'mid_market',
    defaultLanguage: 'es-MX',
    timeZone: 'America/Monterrey',
  },
  {
    name: 'Agua Metropolitana',
    legalName: 'Servicios de Agua Metropolitana S.A. de C.V.',
    countryCode: 'MX',
    kind: 'biller',
    segment: 'mid_market',
    defaultLanguage: 'es-MX',
    timeZone: 'America/Mexico_City',
  },
  {
    name: 'Huaxia Merchant Acquiring',
    legalName: '华夏商户收单有限公司',
    countryCode: 'CN',
    kind: 'acquirer',
    segment: 'strategic',
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

/** Owns every demo account. */
export const demoAccountManager = 'amelia.hughes@paydesk.test';

export interface DemoRelationship {
  contacts: NewContact[];
  /** Catalogue codes and the day each service started. */
  services: Array<{ code: string; startedOn: string }>;
  /** Written by the account manager. */
  notes?: string[];
  /** Raised by the staff member named (e-mail); owned by the account manager. */
  opportunities?: Array<Omit<NewOpportunity, 'ownerId'> & { raisedBy: string }>;
}

/** Per account (by name): who to talk to, what they take from the network, what is going on. */
export const demoRelationships: Record<string, DemoRelationship> = {
  Northbank: {
    contacts: [
      {
        name: 'Hannah Clarke',
        jobTitle: 'Head of Payments Operations',
        email: 'hannah.clarke@northbank.test',
        phone: '+44 20 7946 0101',
        roles: ['primary', 'escalation'],
      },
      {
        name: 'Rajesh Patel',
        jobTitle: 'Payments Platform Engineer',
        email: 'rajesh.patel@northbank.test',
        phone: '+44 20 7946 0102',
        roles: ['technical'],
      },
      {
        name: 'Fiona Grant',
        jobTitle: 'Finance Manager, Payments',
        email: 'fiona.grant@northbank.test',
        roles: ['billing'],
      },
    ],
    services: [
      { code: 'faster_payments', startedOn: '2015-03-02' },
      { code: 'bacs_direct_debit', startedOn: '2012-06-01' },
      { code: 'bacs_direct_credit', startedOn: '2012-06-01' },
      { code: 'link_atm', startedOn: '2014-01-06' },
      { code: 'open_banking_api', startedOn: '2019-09-14' },
    ],
    notes: [
      'Quarterly service review moved to 14 April. Hannah wants the root-cause report for the February Faster Payments outage on the agenda.',
      'Rajesh confirmed their ISO 20022 migration for Bacs is planned for Q3; they would like a test window in July.',
    ],
    opportunities: [
      {
        title: 'Request to Pay pilot',
        description: 'Northbank wants to offer Request to Pay to its SME customers from next year.',
        raisedTo: 'product_manager',
        status: 'in_progress',
        value: { amountMinor: '4500000', currency: 'GBP' },
        nextStep: 'Share the pilot scope with Hannah before the quarterly review',
        raisedBy: demoAccountManager,
      },
    ],
  },
  'Thames Mutual Bank': {
    contacts: [
      {
        name: 'Oliver Reid',
        jobTitle: 'Payments Operations Manager',
        email: 'oliver.reid@thamesmutual.test',
        phone: '+44 20 7946 0201',
        roles: ['primary', 'technical'],
      },
      {
        name: 'Grace Thompson',
        jobTitle: 'Supplier Management',
        email: 'grace.thompson@thamesmutual.test',
        roles: ['billing'],
      },
    ],
    services: [
      { code: 'faster_payments', startedOn: '2018-05-01' },
      { code: 'bacs_direct_debit', startedOn: '2016-01-04' },
    ],
  },
  'Pennine Building Society': {
    contacts: [
      {
        name: 'Mark Ellison',
        jobTitle: 'IT Service Manager',
        email: 'mark.ellison@pennine.test',
        phone: '+44 113 496 0301',
        roles: ['primary', 'technical', 'escalation'],
      },
    ],
    services: [
      { code: 'faster_payments', startedOn: '2020-02-03' },
      { code: 'bacs_direct_credit', startedOn: '2017-04-03' },
      { code: 'link_atm', startedOn: '2011-10-03' },
    ],
    notes: [
      'Considering moving mortgage collections to Bacs Direct Debit with us; their board decides in May.',
    ],
    opportunities: [
      {
        title: 'Bacs Direct Debit for mortgage collections',
        raisedTo: 'account_manager',
        value: { amountMinor: '1800000', currency: 'GBP' },
        nextStep: 'Send indicative pricing to Mark',
        raisedBy: demoAccountManager,
      },
    ],
  },
  'Ledgerlite Payments': {
    contacts: [
      {
        name: 'Sam Okoye',
        jobTitle: 'Chief Technology Officer',
        email: 'sam@ledgerlite.test',
        phone: '+44 161 496 0401',
        roles: ['primary', 'technical', 'escalation'],
      },
      { name: 'Nadia Rahman', jobTitle: 'Finance', email: 'finance@ledgerlite.test', roles: ['billing'] },
    ],
    services: [
      { code: 'faster_payments', startedOn: '2022-07-01' },
      { code: 'open_banking_api', startedOn: '2023-01-16' },
    ],
  },
  Clearwave: {
    contacts: [
      {
        name: 'Tom Fletcher',
        jobTitle: 'Head of Operations',
        email: 'tom.fletcher@clearwave.test',
        phone: '+44 20 7946 0501',
        roles: ['primary', 'escalation'],
      },
      {
        name: 'Ana Costa',
        jobTitle: 'Integration Engineer',
        email: 'ana.costa@clearwave.test',
        roles: ['technical'],
      },
    ],
    services: [
      { code: 'faster_payments', startedOn: '2021-03-01' },
      { code: 'bacs_direct_credit', startedOn: '2021-03-01' },
      { code: 'card_issuing_processing', startedOn: '2023-09-04' },
    ],
  },
  'Emerald Card Services': {
    contacts: [
      {
        name: 'Siobhán Murphy',
        jobTitle: 'Head of Acquiring Operations',
        email: 'siobhan.murphy@emeraldcards.test',
        phone: '+353 1 555 0601',
        roles: ['primary', 'escalation'],
      },
      {
        name: "Cian O'Brien",
        jobTitle: 'Chargebacks Team Lead',
        email: 'cian.obrien@emeraldcards.test',
        phone: '+353 1 555 0602',
        roles: ['technical'],
      },
    ],
    services: [
      { code: 'card_acquiring', startedOn: '2017-02-01' },
      { code: 'card_issuing_processing', startedOn: '2019-05-06' },
    ],
    notes: [
      'Dispute volumes up since the Visa rule change; Cian asked for a session on the new evidence rules.',
    ],
    opportunities: [
      {
        title: 'Dispute evidence upload API',
        description: 'Emerald would pay for an API to attach evidence to disputes instead of the portal.',
        raisedTo: 'product_manager',
        status: 'parked',
        value: { amountMinor: '2000000', currency: 'EUR' },
        nextStep: 'Revisit once the disputes roadmap is set',
        raisedBy: 'payments.ops@paydesk.test',
      },
    ],
  },
  PayWisła: {
    contacts: [
      {
        name: 'Agnieszka Kowalska',
        jobTitle: 'Kierownik wsparcia klienta',
        email: 'agnieszka.kowalska@paywisla.test',
        phone: '+48 22 555 07 01',
        language: 'pl',
        roles: ['primary', 'escalation'],
      },
      {
        name: 'Piotr Zieliński',
        jobTitle: 'Architekt systemów płatniczych',
        email: 'piotr.zielinski@paywisla.test',
        language: 'pl',
        roles: ['technical'],
      },
      {
        name: 'Marta Wiśniewska',
        jobTitle: 'Księgowość',
        email: 'faktury@paywisla.test',
        language: 'pl',
        roles: ['billing'],
      },
    ],
    services: [
      { code: 'open_banking_api', startedOn: '2022-10-03' },
      { code: 'card_acquiring', startedOn: '2023-03-01' },
    ],
  },
  'Kraków Pay': {
    contacts: [
      {
        name: 'Michał Lewandowski',
        jobTitle: 'Prezes zarządu',
        email: 'michal@krakowpay.test',
        phone: '+48 12 555 08 01',
        language: 'pl',
        roles: ['primary', 'escalation', 'billing'],
      },
    ],
    services: [{ code: 'open_banking_api', startedOn: '2024-02-01' }],
  },
  PagoRápido: {
    contacts: [
      {
        name: 'Mariana López',
        jobTitle: 'Gerente de Soporte',
        email: 'mariana.lopez@pagorapido.test',
        phone: '+52 55 5555 0901',
        language: 'es-MX',
        roles: ['primary', 'escalation'],
      },
      {
        name: 'Jorge Martínez',
        jobTitle: 'Ingeniero de Integración',
        email: 'jorge.martinez@pagorapido.test',
        phone: '+52 55 5555 0902',
        language: 'es-MX',
        roles: ['technical'],
      },
      {
        name: 'Sofía Ramírez',
        jobTitle: 'Facturación',
        email: 'facturacion@pagorapido.test',
        language: 'es-MX',
        roles: ['billing'],
      },
    ],
    services: [
      { code: 'bill_payments', startedOn: '2021-08-02' },
      { code: 'open_banking_api', startedOn: '2022-05-02' },
    ],
    notes: [
      'Volumes up about 40% since their retail partnership; watch bill-payment confirmation times at month end.',
    ],
    opportunities: [
      {
        title: 'Status webhooks for bill payments',
        description: 'Jorge asks on most calls for a push notification when a bill payment is confirmed.',
        raisedTo: 'product_manager',
        value: { amountMinor: '75000000', currency: 'MXN' },
        nextStep: 'Product to size the webhook work',
        raisedBy: 'l1.agent@paydesk.test',
      },
    ],
  },
  'Transferencias del Norte': {
    contacts: [
      {
        name: 'Ricardo Garza',
        jobTitle: 'Director de Operaciones',
        email: 'ricardo.garza@tdelnorte.test',
        phone: '+52 81 5555 1001',
        language: 'es-MX',
        roles: ['primary', 'escalation', 'technical'],
      },
    ],
    services: [
      { code: 'bill_payments', startedOn: '2023-01-10' },
      { code: 'open_banking_api', startedOn: '2023-06-01' },
    ],
  },
  'Agua Metropolitana': {
    contacts: [
      {
        name: 'Verónica Torres',
        jobTitle: 'Jefa de Cobranza',
        email: 'veronica.torres@aguametro.test',
        phone: '+52 55 5555 1101',
        language: 'es-MX',
        roles: ['primary', 'billing'],
      },
      {
        name: 'Andrés Medina',
        jobTitle: 'Sistemas',
        email: 'andres.medina@aguametro.test',
        language: 'es-MX',
        roles: ['technical'],
      },
    ],
    services: [{ code: 'bill_payments', startedOn: '2019-01-07' }],
    opportunities: [
      {
        title: 'Open-banking collections for water bills',
        raisedTo: 'account_manager',
        value: { amountMinor: '120000000', currency: 'MXN' },
        nextStep: 'Introduce Verónica to PagoRápido as initiating PSP',
        raisedBy: 'diego.ramirez@paydesk.test',
      },
    ],
  },
  'Huaxia Merchant Acquiring': {
    contacts: [
      {
        name: '王芳',
        jobTitle: '运营总监',
        email: 'wang.fang@huaxia.test',
        phone: '+86 21 5555 1201',
        language: 'zh-CN',
        roles: ['primary', 'escalation'],
      },
      {
        name: '李强',
        jobTitle: '技术负责人',
        email: 'li.qiang@huaxia.test',
        phone: '+86 21 5555 1202',
        language: 'zh-CN',
        roles: ['technical'],
      },
      {
        name: '陈静',
        jobTitle: '财务经理',
        email: 'finance@huaxia.test',
        language: 'zh-CN',
        roles: ['billing'],
      },
    ],
    services: [
      { code: 'card_acquiring', startedOn: '2016-09-01' },
      { code: 'card_issuing_processing', startedOn: '2020-11-02' },
    ],
    notes: [
      'Chargeback ratio rising on cross-border e-commerce merchants; agreed a monthly call with Wang Fang.',
    ],
    opportunities: [
      {
        title: 'Acquiring for their new Hong Kong merchants',
        raisedTo: 'account_manager',
        status: 'in_progress',
        value: { amountMinor: '300000000', currency: 'CNY' },
        nextStep: 'Pricing proposal to Wang Fang by end of month',
        raisedBy: 'li.wei@paydesk.test',
      },
    ],
  },
};
