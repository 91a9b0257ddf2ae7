import { describe, expect, it } from 'vitest';
import { isCountryCode, isCurrencyCode } from './iso-codes.ts';

describe('ISO codes', () => {
  it('knows the countries of the demo customers and refuses reserved or made-up codes', () => {
    for (const code of ['GB', 'IE', 'PL', 'MX', 'CN', 'HK', 'US'])
      expect(isCountryCode(code), code).toBe(true);
    for (const code of ['UK', 'EU', 'XK', 'ZZ', 'XX', 'gb', 'GBR', ''])
      expect(isCountryCode(code), code).toBe(false);
  });

  it('has only codes the runtime can name, so a typo in the list cannot slip in', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const all = [...letters].flatMap((a) => [...letters].map((b) => a + b)).filter(isCountryCode);
    expect(all).toHaveLength(249);
    expect(all.filter((code) => names.of(code) === undefined)).toEqual([]);
  });

  it('accepts currencies in circulation and refuses withdrawn, fund and metal codes', () => {
    for (const code of ['GBP', 'EUR', 'PLN', 'MXN', 'CNY', 'JPY', 'XCG', 'ZWG'])
      expect(isCurrencyCode(code), code).toBe(true);
    for (const code of ['HRK', 'BGN', 'SLL', 'ZWL', 'CUC', 'XAU', 'XDR', 'XTS', 'MXV', 'XYZ', 'gbp']) {
      expect(isCurrencyCode(code), code).toBe(false);
    }
  });
});
