/**
 * Term values as people read them in a comparison of two contract versions: English, exact (money
 * is never rounded through a float) and stable, so the same terms always print the same.
 */

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;

/** Digits after the decimal point in a currency's minor unit: GBP 2, JPY 0, KWD 3. */
export function minorUnitDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    // Not even a well-formed code: show the amount in the most common minor unit, cents.
    return 2;
  }
}

/** Minor units → "12,000.00 GBP", "1,500 JPY". Exact for any 19-digit amount. */
export function formatMoney(amountMinor: string, currency: string): string {
  const digits = minorUnitDigits(currency);
  const padded = amountMinor.padStart(digits + 1, '0');
  const whole = BigInt(padded.slice(0, padded.length - digits));
  const grouped = new Intl.NumberFormat('en', { useGrouping: true }).format(whole);
  return `${digits ? `${grouped}.${padded.slice(padded.length - digits)}` : grouped} ${currency}`;
}

/** Minutes → "2 d 4 h", "1 h 30 min", "45 min"; a day is 1440 minutes whatever the calendar. */
export function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const hours = Math.floor((minutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  const rest = minutes % MINUTES_PER_HOUR;
  const parts = [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 min';
}

/** "99.95" → "99.95 %": as written, so a change of notation ("99.950") still shows. */
export function formatPercent(percent: string): string {
  return `${percent} %`;
}

export function formatYesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** Comma-joined, or `empty` ("none", "any") for an empty list. */
export function formatList(values: readonly (string | number)[], empty: string): string {
  return values.length ? values.join(', ') : empty;
}

export function formatDays(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}
