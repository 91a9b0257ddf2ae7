/**
 * The card-number detector every free text passes before it is stored or logged (DESIGN.md: no
 * card number is ever stored in clear). A candidate is a maximal run of 13–19 digits, optionally
 * grouped by single spaces or hyphens, that stands alone (no letter, digit or hyphen touching
 * either end). It is a card number only if it also
 *   - starts with a real issuer prefix and has a length that issuer uses (Luhn alone would pass
 *     one random digit string in ten), and
 *   - passes the Luhn check.
 * Structural context keeps look-alikes untouched: a run inside an IBAN, a UK sort code followed by
 * an account number (12-34-56 12345678), and anything glued to letters or hyphens (UETRs and other
 * UUIDs, references). CLABEs and timestamps fail the prefix check: no issuer prefix starts with 0,
 * 1 or 20xx/19xx outside Mastercard's 2221–2720 and Mir's 2200–2204.
 *
 * A match is masked to BIN and last four: `4111 1111 1111 1111` → `411111******1111`.
 */

interface IssuerRange {
  from: number;
  to: number;
  /** How many leading digits `from`/`to` cover. */
  digits: number;
  lengths: readonly number[];
}

const range = (from: number, to: number, lengths: readonly number[]): IssuerRange => ({
  from,
  to,
  digits: String(from).length,
  lengths,
});
const span = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** Issuer prefixes (IIN ranges) with the lengths each uses; sources: the networks' public BIN guides. */
const issuerRanges: readonly IssuerRange[] = [
  range(4, 4, [13, 16, 19]), // Visa
  range(51, 55, [16]), // Mastercard
  range(2221, 2720, [16]), // Mastercard 2-series
  range(34, 34, [15]), // American Express
  range(37, 37, [15]),
  range(6011, 6011, span(16, 19)), // Discover
  range(644, 649, span(16, 19)),
  range(65, 65, span(16, 19)),
  range(62, 62, span(16, 19)), // UnionPay
  range(81, 81, span(16, 19)),
  range(3528, 3589, span(16, 19)), // JCB
  range(36, 36, span(14, 19)), // Diners Club
  range(300, 305, span(14, 19)),
  range(3095, 3095, span(14, 19)),
  range(38, 39, span(14, 19)),
  range(5018, 5018, span(13, 19)), // Maestro
  range(5020, 5020, span(13, 19)),
  range(5038, 5038, span(13, 19)),
  range(5893, 5893, span(13, 19)),
  range(6304, 6304, span(13, 19)),
  range(6759, 6759, span(13, 19)),
  range(6761, 6763, span(13, 19)),
  range(2200, 2204, span(16, 19)), // Mir
  range(60, 60, [16]), // RuPay
  range(508, 508, [16]),
  range(9792, 9792, [16]), // Troy
];

/** Maximal digit runs with single space/hyphen separators. */
const candidatePattern = /\d(?:[ -]?\d)*/g;
/** An IBAN: country, check digits, then 11–30 alphanumerics, optionally in groups of four. */
const ibanPattern = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const sortCodeAndAccount = /^\d{2}-\d{2}-\d{2}[ -]?\d{8}$/;

export interface CardNumberMatch {
  start: number;
  end: number;
  digits: string;
}

export function findCardNumbers(text: string): CardNumberMatch[] {
  const ibanSpans = [...text.matchAll(ibanPattern)].map((m) => [m.index, m.index + m[0].length] as const);
  const matches: CardNumberMatch[] = [];
  for (const m of text.matchAll(candidatePattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (touchesWord(text[start - 1]) || touchesWord(text[end])) continue;
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19) continue;
    if (sortCodeAndAccount.test(m[0])) continue;
    if (ibanSpans.some(([from, to]) => start >= from && end <= to)) continue;
    if (!hasIssuerPrefix(digits) || !passesLuhn(digits)) continue;
    matches.push({ start, end, digits });
  }
  return matches;
}

export function maskCardNumbers(text: string): string {
  const matches = findCardNumbers(text);
  if (matches.length === 0) return text;
  let masked = '';
  let from = 0;
  for (const match of matches) {
    masked += text.slice(from, match.start) + maskDigits(match.digits);
    from = match.end;
  }
  return masked + text.slice(from);
}

/** BIN (first six) and last four stay; the rest becomes `*`. */
export function maskDigits(digits: string): string {
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function hasIssuerPrefix(digits: string): boolean {
  return issuerRanges.some((r) => {
    const prefix = Number(digits.slice(0, r.digits));
    return prefix >= r.from && prefix <= r.to && r.lengths.includes(digits.length);
  });
}

function touchesWord(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9_-]/.test(char);
}

/**
 * Masks every string in a JSON value, except under keys that hold secrets the user typed
 * (passwords): those are never stored in clear anyway, and masking would change what they are.
 */
export function maskCardNumbersIn(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return /password/i.test(key) ? value : maskCardNumbers(value);
  if (Array.isArray(value)) return value.map((item) => maskCardNumbersIn(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskCardNumbersIn(v, k)]));
  }
  return value;
}
