import { describe, expect, it } from 'vitest';
import { agreementStatus } from './agreement-status.ts';

describe('agreementStatus', () => {
  const agreement = { effectiveFrom: '2026-01-01', effectiveTo: '2027-01-01' };

  it('is scheduled before the start, in force from it, ended on the end date', () => {
    expect(agreementStatus(agreement, '2025-12-31')).toBe('scheduled');
    expect(agreementStatus(agreement, '2026-01-01')).toBe('in_force');
    expect(agreementStatus(agreement, '2026-12-31')).toBe('in_force');
    expect(agreementStatus(agreement, '2027-01-01')).toBe('ended');
  });

  it('never ends without an end date', () => {
    expect(agreementStatus({ effectiveFrom: '2026-01-01', effectiveTo: null }, '2099-01-01')).toBe(
      'in_force',
    );
  });
});
