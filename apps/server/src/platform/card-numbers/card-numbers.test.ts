import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCardNumbers, hasIssuerPrefix, maskCardNumbers, passesLuhn } from './index.ts';

/** Appends the Luhn check digit to a body of digits. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error('unreachable');
}

describe('maskCardNumbers', () => {
  it.each([
    ['Visa 16, spaced', 'card 4111 1111 1111 1111 declined', 'card 411111******1111 declined'],
    ['Visa 13', 'pan=4222222222222.', 'pan=422222***2222.'],
    ['Visa 19', '4111111111111111110', '411111*********1110'],
    ['Mastercard 5-series, hyphens', 'MC 5555-5555-5555-4444', 'MC 555555******4444'],
    ['Mastercard 2-series', 'paid with 2223003122003222', 'paid with 222300******3222'],
    ['American Express 15', 'Amex 3782 822463 10005', 'Amex 378282*****0005'],
    ['Diners 14', '30569309025904', '305693****5904'],
    ['JCB', 'JCB: 3530111333300000', 'JCB: 353011******0000'],
    ['UnionPay 19', '6212345678901265 and 6250941006528599', '621234******1265 and 625094******8599'],
    ['Maestro', 'maestro 6759649826438453', 'maestro 675964******8453'],
  ])('masks %s to BIN and last four', (_name, text, expected) => {
    expect(maskCardNumbers(text)).toBe(expected);
  });

  it.each([
    ['a UETR', 'UETR 97ed4827-7b6f-4491-a06f-b548d5a7512d'],
    ['an all-digit UUID', '12345678-1234-4123-8123-123456789012'],
    ['a UK IBAN', 'GB29 NWBK 6016 1331 9268 19'],
    ['a German IBAN', 'DE89 3704 0044 0532 0130 00'],
    ['a compact IBAN', 'PL61109010140000071219812874'],
    ['a CLABE', 'CLABE 032180000118359719'],
    ['a sort code and account number', 'sort code 60-16-13 31926819'],
    ['an epoch timestamp in ms', 'at 1716800000000'],
    ['a compact timestamp', '20240527123456789'],
    ['a number glued to letters', 'REF4111111111111111X'],
    ['a Luhn-valid number with no issuer prefix', '1234567812345670'],
    ['an issuer prefix with a wrong length', '411111111111111'],
    ['a Luhn failure', '4111 1111 1111 1112'],
    ['a phone number', '+44 20 7946 0958'],
  ])('leaves %s alone', (_name, text) => {
    expect(maskCardNumbers(text)).toBe(text);
  });

  it('masks every card in a longer text and keeps the rest exactly', () => {
    const text = 'Customer says 4111111111111111 failed, retried with 5555 5555 5555 4444; ref PD-104233.';
    expect(maskCardNumbers(text)).toBe(
      'Customer says 411111******1111 failed, retried with 555555******4444; ref PD-104233.',
    );
  });

  it('never lets a valid card number through, whatever surrounds it (property)', () => {
    const issuerBody = fc.oneof(
      fc.stringMatching(/^4\d{14}$/),
      fc.stringMatching(/^5[1-5]\d{13}$/),
      fc
        .integer({ min: 2221, max: 2720 })
        .chain((p) => fc.stringMatching(/^\d{11}$/).map((rest) => `${p}${rest}`)),
      fc.stringMatching(/^3[47]\d{12}$/),
    );
    const filler = fc.stringMatching(/^[ a-z.,:;!?()]{0,20}$/);
    fc.assert(
      fc.property(filler, issuerBody, filler, (before, body, after) => {
        const pan = withCheckDigit(body);
        const masked = maskCardNumbers(`${before} ${pan} ${after}`);
        expect(masked).not.toContain(pan);
        expect(masked).toContain(`${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent and changes nothing in text without card numbers (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const once = maskCardNumbers(text);
        expect(maskCardNumbers(once)).toBe(once);
        if (findCardNumbers(text).length === 0) expect(once).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('issuer prefixes', () => {
  it('know the 2-series Mastercard bounds and 19-digit cards', () => {
    expect(hasIssuerPrefix('2220999999999999')).toBe(false);
    expect(hasIssuerPrefix('2221000000000000')).toBe(true);
    expect(hasIssuerPrefix('2720999999999999')).toBe(true);
    expect(hasIssuerPrefix('2721000000000000')).toBe(false);
    expect(hasIssuerPrefix('6212345678901234567')).toBe(true);
  });
});
