import { describe, expect, it } from 'vitest';
import { policyApplies } from './policy-conditions.ts';
import type { SlaPolicy } from './terms-schema.ts';
import { validateSlaPolicy } from './terms-validation.ts';

const unmeasured = { firstResponse: null, nextResponse: null, resolution: null, periodicUpdate: null };

function policy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    name: 'Standard',
    calendarId: null,
    conditions: { services: [], caseTypes: [], channels: [] },
    targets: {
      P1: { ...unmeasured, resolution: 240 },
      P2: unmeasured,
      P3: unmeasured,
      P4: unmeasured,
    },
    pauseStatuses: ['pending_vendor'],
    warningThresholds: [50, 75, 90],
    breachActions: ['notify_manager'],
    ...overrides,
  };
}

describe('policyApplies', () => {
  it('takes in any case when every condition list is empty', () => {
    expect(policyApplies(policy(), {})).toBe(true);
    expect(policyApplies(policy(), { serviceCode: 'bacs', caseType: 'refund', channel: 'phone' })).toBe(true);
  });

  it('takes in a case only when each non-empty list holds its value', () => {
    const cards = policy({
      conditions: { services: ['card_acquiring'], caseTypes: ['incident', 'dispute'], channels: [] },
    });
    expect(
      policyApplies(cards, { serviceCode: 'card_acquiring', caseType: 'dispute', channel: 'email' }),
    ).toBe(true);
    expect(policyApplies(cards, { serviceCode: 'bacs', caseType: 'dispute' })).toBe(false);
    expect(policyApplies(cards, { serviceCode: 'card_acquiring', caseType: 'question' })).toBe(false);
  });

  it('does not take in a case that leaves out a value the policy is restricted on', () => {
    const phoneOnly = policy({ conditions: { services: [], caseTypes: [], channels: ['phone'] } });
    expect(policyApplies(phoneOnly, { caseType: 'incident' })).toBe(false);
  });
});

describe('validateSlaPolicy', () => {
  it('finds nothing wrong with a sound policy', () => {
    expect(validateSlaPolicy(policy(), 'body/policy')).toEqual([]);
  });

  it('wants warning thresholds strictly ascending', () => {
    expect(validateSlaPolicy(policy({ warningThresholds: [75, 50, 50] }), 'body/policy')).toEqual([
      { path: 'body/policy/warningThresholds/1', message: expect.stringMatching(/above .*\(75\)/) },
      { path: 'body/policy/warningThresholds/2', message: expect.stringMatching(/above .*\(50\)/) },
    ]);
  });

  it('names a repeated condition, pause status or breach action', () => {
    expect(
      validateSlaPolicy(
        policy({
          conditions: { services: ['bacs', 'bacs'], caseTypes: [], channels: ['email', 'phone', 'email'] },
          breachActions: ['reassign', 'reassign'],
        }),
        '',
      ).map((problem) => problem.path),
    ).toEqual(['/conditions/services/1', '/conditions/channels/2', '/breachActions/1']);
  });

  it('refuses a policy that measures nothing', () => {
    expect(
      validateSlaPolicy(
        policy({ targets: { P1: unmeasured, P2: unmeasured, P3: unmeasured, P4: unmeasured } }),
        'body/policy',
      ),
    ).toEqual([{ path: 'body/policy/targets', message: 'must set at least one target' }]);
  });
});
