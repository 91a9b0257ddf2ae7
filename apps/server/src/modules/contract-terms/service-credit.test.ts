import { describe, expect, it } from 'vitest';
import { serviceCredit, uptimePercent, type AvailabilityTarget } from './index.ts';
import { fasterPaymentsAvailability } from './test-terms.ts';

const fee = 1_200_000n; // 12,000.00 GBP

describe('serviceCredit', () => {
  const target = fasterPaymentsAvailability(); // 99.95 %: 10 % from 99.5, 25 % from 99, 50 % below; cap 50 %

  it.each([
    ['100', '0', 0n],
    ['99.95', '0', 0n],
    ['99.950000', '0', 0n],
    ['99.949999', '10', 120_000n],
    ['99.5', '10', 120_000n],
    ['99.499999', '25', 300_000n],
    ['99', '25', 300_000n],
    ['98.999999', '50', 600_000n],
    ['0', '50', 600_000n],
  ])('at %s %% uptime credits %s %% of the fee', (uptime, creditPercent, creditMinor) => {
    expect(serviceCredit(target, uptime, fee)).toEqual({ creditPercent, creditMinor, capped: false });
  });

  it('caps the credit at the monthly cap', () => {
    const capped: AvailabilityTarget = { ...target, monthlyCapPercent: '30' };
    expect(serviceCredit(capped, '90', fee)).toEqual({
      creditPercent: '30',
      creditMinor: 360_000n,
      capped: true,
    });
    expect(serviceCredit(capped, '99.2', fee)).toEqual({
      creditPercent: '25',
      creditMinor: 300_000n,
      capped: false,
    });
  });

  it('rounds half up to a whole minor unit', () => {
    const band = (creditPercent: string): AvailabilityTarget => ({
      ...target,
      creditBands: [{ minPercent: null, maxPercent: '99.95', creditPercent }],
      monthlyCapPercent: '100',
    });
    // 12.5 % of 1 001 = 125.125 → 125; 12.5 % of 1 004 = 125.5 → 126; 0.001 % of 49 999 = 0.49999 → 0.
    expect(serviceCredit(band('12.5'), '99', 1001n).creditMinor).toBe(125n);
    expect(serviceCredit(band('12.5'), '99', 1004n).creditMinor).toBe(126n);
    expect(serviceCredit(band('0.001'), '99', 49_999n).creditMinor).toBe(0n);
    expect(serviceCredit(band('0.001'), '99', 50_000n).creditMinor).toBe(1n);
  });

  it('is exact for the largest fee', () => {
    const max = 2n ** 63n - 1n;
    expect(serviceCredit(target, '98', max).creditMinor).toBe((max * 50n + 50n) / 100n);
  });

  it('owes nothing in a gap between bands', () => {
    const gapped: AvailabilityTarget = {
      ...target,
      creditBands: [
        { minPercent: '99', maxPercent: '99.95', creditPercent: '10' },
        { minPercent: null, maxPercent: '95', creditPercent: '50' },
      ],
    };
    expect(serviceCredit(gapped, '97', fee)).toEqual({ creditPercent: '0', creditMinor: 0n, capped: false });
  });

  it('refuses an uptime that is not a percent with up to 6 decimals', () => {
    for (const uptime of ['99.9999999', '100.1', '-1', '99,5', '', 'NaN'])
      expect(() => serviceCredit(target, uptime, fee), uptime).toThrow(RangeError);
    expect(() => serviceCredit(target, '99', -1n)).toThrow(RangeError);
  });
});

describe('uptimePercent', () => {
  it('rounds half up to 6 decimals', () => {
    expect(uptimePercent(40_320, 216)).toBe('99.464286');
    expect(uptimePercent(43_200, 0)).toBe('100.000000');
    expect(uptimePercent(43_200, 43_200)).toBe('0.000000');
    expect(uptimePercent(44_640, 2160)).toBe('95.161290');
  });

  it('refuses impossible periods', () => {
    expect(() => uptimePercent(0, 0)).toThrow(RangeError);
    expect(() => uptimePercent(100, 101)).toThrow(RangeError);
    expect(() => uptimePercent(100, -1)).toThrow(RangeError);
    expect(() => uptimePercent(100, 0.5)).toThrow(RangeError);
  });
});
