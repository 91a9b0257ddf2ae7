/**
 * Percentages travel as decimal strings ("99.95") and are compared and multiplied as integers of a
 * fixed scale, never as floats: 99.95 is not exactly representable, and an uptime of 99.99 must land
 * in the band that starts at 99.99, not the one below it.
 */

/** Terms carry at most 3 decimals; measured uptime at most 6. */
export const TERMS_DECIMALS = 3;
export const UPTIME_DECIMALS = 6;

/** `text` as an integer count of 10^-decimals; undefined when it is not a plain decimal of that precision. */
export function parseScaled(text: string, decimals: number): number | undefined {
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  if (!match || (match[2]?.length ?? 0) > decimals) return undefined;
  const scaled = Number(match[1]) * 10 ** decimals + Number((match[2] ?? '').padEnd(decimals, '0'));
  return Number.isSafeInteger(scaled) ? scaled : undefined;
}

/** A percent of the terms (schema-checked) in thousandths: "99.95" → 99950. */
export function thousandthsOf(percent: string): number {
  const scaled = parseScaled(percent, TERMS_DECIMALS);
  if (scaled === undefined) throw new RangeError(`"${percent}" is not a percent with at most 3 decimals`);
  return scaled;
}

/** The shortest decimal string of a scaled integer: (99950, 3) → "99.95", (10000, 3) → "10". */
export function formatScaled(scaled: number, decimals: number): string {
  const whole = Math.floor(scaled / 10 ** decimals);
  const fraction = String(scaled % 10 ** decimals)
    .padStart(decimals, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** The largest amount a bigint column holds, 2^63 − 1. */
export const MAX_AMOUNT_MINOR = 2n ** 63n - 1n;
