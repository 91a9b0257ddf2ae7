import { defaultContractTerms } from './default-terms.ts';
import type { AvailabilityTarget, ContractTerms } from './terms-schema.ts';

/** Realistic terms for this module's tests: a payments customer with two policies and credits. */

export const businessCalendarId = '6f1c2a7e-1111-4222-8333-444455556666';

export function fasterPaymentsAvailability(): AvailabilityTarget {
  return {
    service: 'faster_payments',
    targetPercent: '99.95',
    creditBands: [
      { minPercent: '99.5', maxPercent: '99.95', creditPercent: '10' },
      { minPercent: '99', maxPercent: '99.5', creditPercent: '25' },
      { minPercent: null, maxPercent: '99', creditPercent: '50' },
    ],
    monthlyCapPercent: '50',
  };
}

export function northbankTerms(): ContractTerms {
  const terms = defaultContractTerms({
    title: 'Northbank payments services',
    startDate: '2026-01-01',
    currency: 'GBP',
  });
  const standard = terms.sla.policies[0]!;
  return {
    ...terms,
    endDate: '2028-12-31',
    noticePeriodDays: 90,
    autoRenew: false,
    monthlyFee: { amountMinor: '1200000', currency: 'GBP' },
    services: ['faster_payments', 'card_acquiring', 'bacs'],
    notes: 'Quarterly service reviews in London.',
    sla: {
      policies: [
        { ...standard, calendarId: businessCalendarId },
        {
          name: 'Critical payments',
          calendarId: null,
          conditions: { services: ['faster_payments'], caseTypes: ['incident'], channels: ['phone', 'api'] },
          targets: {
            P1: { firstResponse: 10, nextResponse: 30, resolution: 120, periodicUpdate: 30 },
            P2: { firstResponse: 15, nextResponse: 60, resolution: 240, periodicUpdate: 60 },
            P3: { firstResponse: 60, nextResponse: 240, resolution: 1440, periodicUpdate: null },
            P4: { firstResponse: 240, nextResponse: null, resolution: 4320, periodicUpdate: null },
          },
          pauseStatuses: ['pending_customer'],
          warningThresholds: [50, 80],
          breachActions: ['raise_priority', 'notify_manager'],
        },
      ],
      phoneAnswer: { percent: '80', withinSeconds: 20 },
      availability: [
        fasterPaymentsAvailability(),
        {
          service: 'card_acquiring',
          targetPercent: '99.9',
          creditBands: [
            { minPercent: '99', maxPercent: '99.9', creditPercent: '5' },
            { minPercent: null, maxPercent: '99', creditPercent: '15' },
          ],
          monthlyCapPercent: '15',
        },
      ],
      incidentPenalties: [
        { priority: 'P1', amountMinor: '50000' },
        { priority: 'P2', amountMinor: '10000' },
      ],
    },
  };
}
