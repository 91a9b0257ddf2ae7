import { formatScaled, parseScaled, TERMS_DECIMALS, thousandthsOf, UPTIME_DECIMALS } from './decimal.ts';
import type { AvailabilityTarget } from './terms-schema.ts';

/** Band bounds (3 decimals) are scaled up to the uptime's 6 decimals for comparison. */
const TERMS_TO_UPTIME = 1000;
const HUNDRED_PERCENT_MILLIONTHS = 100 * 10 ** UPTIME_DECIMALS;

export interface ServiceCredit {
  /** The share of the monthly fee credited, after the cap: "10", "12.5". */
  creditPercent: string;
  /** That share of the fee in minor units, rounded half up to a whole unit. */
  creditMinor: bigint;
  /** Whether the monthly cap lowered the band's credit. */
  capped: boolean;
}

/**
 * The credit owed for a month's uptime of a service: the band with min ≤ uptime < max (no min = no
 * lower bound), as a percent of the monthly fee, at most `monthlyCapPercent`. An uptime at or above
 * the target, or in a gap between bands, owes nothing. `uptimePercent` is a decimal string with up to
 * 6 decimals (see `uptimePercent`); anything else is a programming error.
 */
export function serviceCredit(
  target: AvailabilityTarget,
  uptimePercent: string,
  monthlyFeeMinor: bigint,
): ServiceCredit {
  const uptime = parseScaled(uptimePercent, UPTIME_DECIMALS);
  if (uptime === undefined || uptime > HUNDRED_PERCENT_MILLIONTHS)
    throw new RangeError(
      `uptime "${uptimePercent}" is not a percent with at most ${UPTIME_DECIMALS} decimals`,
    );
  if (monthlyFeeMinor < 0n) throw new RangeError('the monthly fee cannot be negative');
  const scaled = (percent: string) => thousandthsOf(percent) * TERMS_TO_UPTIME;
  const band =
    uptime >= scaled(target.targetPercent)
      ? undefined
      : target.creditBands.find(
          (candidate) =>
            (candidate.minPercent === null || scaled(candidate.minPercent) <= uptime) &&
            uptime < scaled(candidate.maxPercent),
        );
  const bandCredit = band ? thousandthsOf(band.creditPercent) : 0;
  const cap = thousandthsOf(target.monthlyCapPercent);
  const credit = Math.min(bandCredit, cap);
  return {
    creditPercent: formatScaled(credit, TERMS_DECIMALS),
    // fee × thousandths / 100 000, half up (the fee is never negative).
    creditMinor: (monthlyFeeMinor * BigInt(credit) + 50_000n) / 100_000n,
    capped: bandCredit > cap,
  };
}

/**
 * Uptime over a period as the service-credit vectors give it: (minutes − downtime) / minutes × 100,
 * rounded half up to 6 decimals ("99.987599"). Whole minutes, as downtime is counted.
 */
export function uptimePercent(minutesInPeriod: number, downtimeMinutes: number): string {
  if (
    !Number.isSafeInteger(minutesInPeriod) ||
    !Number.isSafeInteger(downtimeMinutes) ||
    minutesInPeriod <= 0 ||
    downtimeMinutes < 0 ||
    downtimeMinutes > minutesInPeriod
  )
    throw new RangeError(`cannot have ${downtimeMinutes} minutes of downtime in ${minutesInPeriod}`);
  const minutes = BigInt(minutesInPeriod);
  const up =
    (BigInt(minutesInPeriod - downtimeMinutes) * BigInt(HUNDRED_PERCENT_MILLIONTHS) * 2n + minutes) /
    (2n * minutes);
  const text = up.toString().padStart(UPTIME_DECIMALS + 1, '0');
  return `${text.slice(0, -UPTIME_DECIMALS)}.${text.slice(-UPTIME_DECIMALS)}`;
}
