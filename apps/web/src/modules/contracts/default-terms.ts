import type { ContractTerms } from './api/contracts-types.ts';

/**
 * Where a new contract starts, as the server's `defaultContractTerms` has it: one 24×7 "Standard"
 * policy with common service-desk targets (minutes), clocks paused while waiting on the customer or
 * on hold, no fee, services or availability yet. Nothing in it binds until the contract is activated.
 */
export function defaultContractTerms(input: {
  title: string;
  startDate: string;
  currency: string;
}): ContractTerms {
  return {
    title: input.title,
    startDate: input.startDate,
    endDate: null,
    noticePeriodDays: 90,
    autoRenew: true,
    monthlyFee: { amountMinor: '0', currency: input.currency },
    services: [],
    notes: '',
    sla: {
      policies: [
        {
          name: 'Standard',
          calendarId: null,
          conditions: { services: [], caseTypes: [], channels: [] },
          targets: {
            P1: { firstResponse: 15, nextResponse: 60, resolution: 240, periodicUpdate: 60 },
            P2: { firstResponse: 30, nextResponse: 120, resolution: 480, periodicUpdate: 120 },
            P3: { firstResponse: 240, nextResponse: 480, resolution: 2880, periodicUpdate: 1440 },
            P4: { firstResponse: 480, nextResponse: 1440, resolution: 7200, periodicUpdate: null },
          },
          pauseStatuses: ['pending_customer', 'on_hold'],
          warningThresholds: [50, 75, 90],
          breachActions: ['notify_manager'],
        },
      ],
      phoneAnswer: null,
      availability: [],
      incidentPenalties: [],
    },
  };
}
