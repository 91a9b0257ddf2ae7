import type { SlaPolicy } from '../contract-terms/index.ts';

/**
 * A team's OLA for the SLA engine's tests: tighter than the customer's default policy (P2 first
 * response 20 minutes against 30), paused while waiting on the customer, one warning at 75 %.
 */
export function l1LondonOla(calendarId: string | null = null): SlaPolicy {
  return {
    name: 'L1 London OLA',
    calendarId,
    conditions: { services: [], caseTypes: [], channels: [] },
    targets: {
      P1: { firstResponse: 10, nextResponse: null, resolution: 180, periodicUpdate: null },
      P2: { firstResponse: 20, nextResponse: null, resolution: 360, periodicUpdate: null },
      P3: { firstResponse: 120, nextResponse: null, resolution: 2400, periodicUpdate: null },
      P4: { firstResponse: 240, nextResponse: null, resolution: 6000, periodicUpdate: null },
    },
    pauseStatuses: ['pending_customer'],
    warningThresholds: [75],
    breachActions: [],
  };
}
