import type { PausableCaseStatus } from './cases.ts';
import type { BreachAction } from './contracts.ts';

/**
 * Where a new contract starts: one 24×7 "Standard" policy with common service-desk targets (minutes),
 * clocks paused while waiting on the customer or on hold, no fee, services or availability yet. The
 * account manager edits from here; nothing in it binds until the contract is activated. Shared so
 * that the web's new-contract form and the API start from the same terms; each side checks the
 * result against its own `ContractTerms` type.
 */
export function defaultContractTerms(input: { title: string; startDate: string; currency: string }) {
  const pauseStatuses: PausableCaseStatus[] = ['pending_customer', 'on_hold'];
  const breachActions: BreachAction[] = ['notify_manager'];
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
          pauseStatuses,
          warningThresholds: [50, 75, 90],
          breachActions,
        },
      ],
      phoneAnswer: null,
      availability: [],
      incidentPenalties: [],
    },
  };
}
