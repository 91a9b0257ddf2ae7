import { describe, expect, it } from 'vitest';
import { formatMinutes, formatMoney } from './index.ts';
import { minorUnitDigits } from './terms-text.ts';

describe('formatMoney', () => {
  it.each([
    ['1200000', 'GBP', '12,000.00 GBP'],
    ['5', 'EUR', '0.05 EUR'],
    ['0', 'USD', '0.00 USD'],
    ['1500000', 'JPY', '1,500,000 JPY'],
    ['0', 'JPY', '0 JPY'],
    ['1234', 'KWD', '1.234 KWD'],
    ['9223372036854775807', 'USD', '92,233,720,368,547,758.07 USD'],
  ])('%s minor units of %s is %s', (amount, currency, text) => {
    expect(formatMoney(amount, currency)).toBe(text);
  });

  it('uses the minor unit of the currency', () => {
    expect([minorUnitDigits('GBP'), minorUnitDigits('JPY'), minorUnitDigits('BHD')]).toEqual([2, 0, 3]);
  });
});

describe('formatMinutes', () => {
  it.each([
    [45, '45 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [240, '4 h'],
    [1440, '1 d'],
    [2880, '2 d'],
    [1441, '1 d 1 min'],
    [1500, '1 d 1 h'],
    [525_600, '365 d'],
    [0, '0 min'],
  ])('%i minutes is %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
