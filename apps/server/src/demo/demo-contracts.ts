import type { Services } from '../app.ts';
import { defaultContractTerms, type ContractTerms } from '../modules/contract-terms/index.ts';
import type { RequestContext } from '../platform/auth/index.ts';

/**
 * Demo contracts in every state an account manager meets: Northbank's master agreement (amended
 * once, ending within 90 days of the demo's "today" so its renewal reminder shows, with a change
 * request waiting), a Mexican biller on the Mexico City calendar, an expired and a draft contract.
 * Dates are absolute: the demo tells the same story whenever it is seeded.
 */
interface DemoContract {
  account: string;
  reference: string;
  terms: ContractTerms;
  /** Absent: left as a draft. */
  activate?: boolean;
  amendments?: Array<{ effectiveFrom: string; summary: string; change: (terms: ContractTerms) => void }>;
  expire?: string;
  changeRequest?: { by: string; title: string; description: string };
}

const bands = (target: string) => [
  { minPercent: '99.5', maxPercent: target, creditPercent: '5' },
  { minPercent: '99', maxPercent: '99.5', creditPercent: '10' },
  { minPercent: null, maxPercent: '99', creditPercent: '25' },
];

function terms(
  base: { title: string; startDate: string; endDate: string; currency: string; feeMinor: string },
  services: string[],
  calendarId: string | null,
): ContractTerms {
  const terms = defaultContractTerms({
    title: base.title,
    startDate: base.startDate,
    currency: base.currency,
  });
  const standard = terms.sla.policies[0]!;
  // Urgent payment incidents run around the clock; everything else on the customer's office hours.
  terms.sla.policies = [
    {
      ...standard,
      name: 'Payment incidents',
      conditions: { services: [], caseTypes: ['incident', 'payment_investigation'], channels: [] },
      breachActions: ['notify_manager', 'raise_priority'],
    },
    { ...standard, name: 'Service requests', calendarId, warningThresholds: [75, 90] },
  ];
  return {
    ...terms,
    endDate: base.endDate,
    autoRenew: false,
    monthlyFee: { amountMinor: base.feeMinor, currency: base.currency },
    services,
    sla: {
      ...terms.sla,
      phoneAnswer: { percent: '80', withinSeconds: 20 },
      availability: services.slice(0, 1).map((service) => ({
        service,
        targetPercent: '99.95',
        creditBands: bands('99.95'),
        monthlyCapPercent: '30',
      })),
      incidentPenalties: [{ priority: 'P1', amountMinor: base.currency === 'MXN' ? '5000000' : '500000' }],
    },
  };
}

function demoContracts(calendars: Map<string, string>): DemoContract[] {
  const uk = calendars.get('UK business hours') ?? null;
  const mexico = calendars.get('Mexico City business hours') ?? null;
  return [
    {
      account: 'Northbank',
      reference: 'MSA-NB-2024',
      terms: terms(
        {
          title: 'Northbank payments support agreement',
          startDate: '2024-01-01',
          endDate: '2026-12-31',
          currency: 'GBP',
          feeMinor: '1850000',
        },
        ['faster_payments', 'bacs_direct_debit', 'bacs_direct_credit', 'link_atm'],
        uk,
      ),
      activate: true,
      amendments: [
        {
          effectiveFrom: '2025-04-01',
          summary: 'Faster P1 resolution for Faster Payments outages; fee reviewed',
          change: (t) => {
            t.monthlyFee.amountMinor = '2100000';
            t.sla.policies[0]!.targets.P1.resolution = 120;
          },
        },
      ],
      changeRequest: {
        by: 'customer@northbank.test',
        title: 'Add open-banking API support from January',
        description: 'We launch our payment initiation API in Q1 and need it covered by the agreement.',
      },
    },
    {
      account: 'Thames Mutual Bank',
      reference: 'MSA-TMB-2025',
      terms: terms(
        {
          title: 'Thames Mutual service agreement',
          startDate: '2025-07-01',
          endDate: '2027-06-30',
          currency: 'GBP',
          feeMinor: '920000',
        },
        ['faster_payments', 'bacs_direct_debit'],
        uk,
      ),
      activate: true,
    },
    {
      account: 'Agua Metropolitana',
      reference: 'CS-AGM-2025',
      terms: terms(
        {
          title: 'Cobranza de servicios — Agua Metropolitana',
          startDate: '2025-02-01',
          endDate: '2027-01-31',
          currency: 'MXN',
          feeMinor: '18500000',
        },
        ['bill_payments'],
        mexico,
      ),
      activate: true,
    },
    {
      account: 'Emerald Card Services',
      reference: 'PILOT-ECS-2024',
      terms: terms(
        {
          title: 'Card processing pilot',
          startDate: '2024-03-01',
          endDate: '2025-02-28',
          currency: 'EUR',
          feeMinor: '450000',
        },
        ['card_issuing_processing'],
        uk,
      ),
      activate: true,
      expire: 'The pilot ended; the card programme moved to a full agreement under negotiation',
    },
    {
      account: 'Ledgerlite Payments',
      reference: 'MSA-LL-2027',
      terms: terms(
        {
          title: 'Ledgerlite payments agreement (draft)',
          startDate: '2027-01-01',
          endDate: '2028-12-31',
          currency: 'GBP',
          feeMinor: '640000',
        },
        ['faster_payments', 'open_banking_api'],
        uk,
      ),
    },
  ];
}

export async function seedDemoContracts(
  services: Services,
  accountIds: Map<string, string>,
  people: Map<string, RequestContext>,
  manager: RequestContext,
) {
  const calendars = new Map(
    (await services.calendars.list(manager, { limit: 200 })).items.map((c) => [c.name, c.id]),
  );
  const { contracts, changeRequests } = services.contracts;
  for (const demo of demoContracts(calendars)) {
    let contract = await contracts.create(manager, accountIds.get(demo.account)!, {
      reference: demo.reference,
      terms: demo.terms,
    });
    if (!demo.activate) continue;
    contract = await contracts.transition(manager, contract.id, contract.revision, { action: 'activate' });
    for (const amendment of demo.amendments ?? []) {
      const next = structuredClone(contract.terms);
      amendment.change(next);
      contract = await contracts.amend(manager, contract.id, contract.revision, {
        effectiveFrom: amendment.effectiveFrom,
        summary: amendment.summary,
        terms: next,
      });
    }
    if (demo.expire)
      await contracts.transition(manager, contract.id, contract.revision, {
        action: 'expire',
        reason: demo.expire,
      });
    if (demo.changeRequest) {
      const { by, ...request } = demo.changeRequest;
      await changeRequests.raise(people.get(by)!, contract.id, request);
    }
  }
}
