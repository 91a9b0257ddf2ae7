import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, parseMoneyInput } from './money.ts';

describe('formatMoney', () => {
  it('formats minor units in the language of the interface', () => {
    expect(formatMoney({ amountMinor: '125000', currency: 'GBP' }, 'en')).toBe('£1,250.00');
    expect(formatMoney({ amountMinor: '5', currency: 'USD' }, 'en')).toBe('$0.05');
    expect(formatMoney({ amountMinor: '125000', currency: 'JPY' }, 'en')).toBe('¥125,000');
    expect(formatMoney({ amountMinor: '1234', currency: 'BHD' }, 'en').replace(/\s/g, ' ')).toBe('BHD 1.234');
  });

  it('keeps every digit past what a float holds', () => {
    expect(formatMoney({ amountMinor: '9007199254740993', currency: 'EUR' }, 'en')).toBe(
      '€90,071,992,547,409.93',
    );
  });

  it('uses the separators of the language', () => {
    expect(formatMoney({ amountMinor: '1250050', currency: 'PLN' }, 'pl').replace(/\s/g, ' ')).toBe(
      '12 500,50 zł',
    );
  });
});

describe('parseMoneyInput', () => {
  it('turns what a person typed into minor units', () => {
    expect(minorDigits('GBP')).toBe(2);
    expect(parseMoneyInput('1250', 'GBP')).toBe('125000');
    expect(parseMoneyInput('1,250.5', 'GBP')).toBe('125050');
    expect(parseMoneyInput('1250,50', 'PLN')).toBe('125050');
    expect(parseMoneyInput('125000', 'JPY')).toBe('125000');
  });

  it('refuses more decimals than the currency has, and non-amounts', () => {
    expect(parseMoneyInput('1.234', 'JPY')).toBe('1234');
    expect(parseMoneyInput('1.5', 'JPY')).toBeNull();
    expect(parseMoneyInput('12.345', 'GBP')).toBe('1234500');
    expect(parseMoneyInput('abc', 'GBP')).toBeNull();
    expect(parseMoneyInput('-5', 'GBP')).toBeNull();
  });
});
