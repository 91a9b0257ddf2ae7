import type { Money } from './api/accounts-types.ts';

/** How many minor digits a currency has (GBP 2, JPY 0, BHD 3), as Intl knows it. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * Formats exact minor units in the person's language without passing through a float: the
 * amount is split into major and minor parts with BigInt and handed to Intl as a decimal string.
 */
export function formatMoney(money: Money, language: string): string {
  const digits = minorDigits(money.currency);
  const minor = BigInt(money.amountMinor);
  const negative = minor < 0n;
  const absolute = negative ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  const major = absolute / scale;
  const fraction = (absolute % scale).toString().padStart(digits, '0');
  const decimal = `${negative ? '-' : ''}${major.toString()}${digits > 0 ? `.${fraction}` : ''}`;
  try {
    const format = new Intl.NumberFormat(language, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    // Intl accepts a decimal string exactly (ES2023 "Intl.NumberFormat v3").
    return format.format(decimal as unknown as number);
  } catch {
    return `${decimal} ${money.currency}`;
  }
}

/**
 * Parses what a person typed ("1250", "1,250.50", "1250,5") into minor units, or null when it is
 * not an amount with at most the currency's number of minor digits.
 */
export function parseMoneyInput(text: string, currency: string): string | null {
  const digits = minorDigits(currency);
  const cleaned = text.replace(/[\s\u00a0']/g, '');
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(cleaned.replace(/[.,](?=\d{3}(?:[.,]|$))/g, ''));
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return minor.toString();
}
