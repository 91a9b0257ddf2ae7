import { priorities, slaMetrics } from '@paydesk/shared';
import { MAX_AMOUNT_MINOR, formatScaled, thousandthsOf, TERMS_DECIMALS } from './decimal.ts';
import type { AvailabilityTarget, ContractTerms, SlaPolicy } from './terms-schema.ts';

/** One thing wrong with the terms, at a request path (`body/terms/sla/policies/0/name`). */
export interface TermsProblem {
  path: string;
  message: string;
}

export interface TermsValidationOptions {
  /** Whether a code is an ISO 4217 currency in circulation (the accounts module knows the list). */
  isCurrency: (code: string) => boolean;
}

const ROOT = 'body/terms';
const HUNDRED_PERCENT = 100_000;

type Report = (path: string, message: string) => void;

/**
 * The rules the schema cannot say: real dates in order, a known currency, unique names and codes,
 * ascending thresholds and credit bands that make sense. Expects terms that passed
 * `ContractTermsSchema`; returns every problem found, [] when the terms are valid.
 */
export function validateContractTerms(terms: ContractTerms, options: TermsValidationOptions): TermsProblem[] {
  const problems: TermsProblem[] = [];
  const report: Report = (path, message) => problems.push({ path: `${ROOT}/${path}`, message });

  if (!isCivilDate(terms.startDate)) report('startDate', `${terms.startDate} is not a calendar date`);
  if (terms.endDate !== null) {
    if (!isCivilDate(terms.endDate)) report('endDate', `${terms.endDate} is not a calendar date`);
    else if (terms.endDate <= terms.startDate)
      report('endDate', `must be after the start date (${terms.startDate})`);
  }
  if (!options.isCurrency(terms.monthlyFee.currency))
    report('monthlyFee/currency', `${terms.monthlyFee.currency} is not an ISO 4217 currency in circulation`);
  checkAmount(terms.monthlyFee.amountMinor, 'monthlyFee/amountMinor', report);
  reportDuplicates(terms.services, (code) => code, 'services', 'is listed twice', report);

  const { sla } = terms;
  reportDuplicates(
    sla.policies,
    (policy) => policy.name.trim().toLowerCase(),
    'sla/policies',
    'has the name of an earlier policy (names are compared ignoring case)',
    report,
    '/name',
  );
  sla.policies.forEach((policy, index) => checkPolicy(policy, `sla/policies/${index}`, report));
  if (sla.phoneAnswer) checkPositivePercent(sla.phoneAnswer.percent, 'sla/phoneAnswer/percent', report);
  reportDuplicates(
    sla.availability,
    (target) => target.service,
    'sla/availability',
    'has the service of an earlier availability target',
    report,
    '/service',
  );
  sla.availability.forEach((target, index) => checkAvailability(target, `sla/availability/${index}`, report));
  reportDuplicates(
    sla.incidentPenalties,
    (penalty) => penalty.priority,
    'sla/incidentPenalties',
    'has the priority of an earlier penalty',
    report,
    '/priority',
  );
  sla.incidentPenalties.forEach((penalty, index) =>
    checkAmount(penalty.amountMinor, `sla/incidentPenalties/${index}/amountMinor`, report),
  );
  return problems;
}

/** The distinct business calendars the terms' policies run on (the contracts module checks they exist). */
export function calendarIdsOf(terms: ContractTerms): string[] {
  const ids = terms.sla.policies.flatMap((policy) => (policy.calendarId === null ? [] : [policy.calendarId]));
  return [...new Set(ids)];
}

/**
 * One SLA policy's rules (the same for a contract's policies and for OLAs and underpinning
 * contracts), each problem at `pathPrefix` + its place in the policy (`body/policy/warningThresholds/1`).
 */
export function validateSlaPolicy(policy: SlaPolicy, pathPrefix: string): TermsProblem[] {
  const problems: TermsProblem[] = [];
  checkPolicy(policy, pathPrefix, (path, message) => problems.push({ path, message }));
  return problems;
}

function checkPolicy(policy: SlaPolicy, path: string, report: Report): void {
  const { conditions } = policy;
  const measuresSomething = priorities.some((priority) =>
    slaMetrics.some((metric) => policy.targets[priority][metric] !== null),
  );
  if (!measuresSomething) report(`${path}/targets`, 'must set at least one target');
  const same = (value: string) => value;
  reportDuplicates(conditions.services, same, `${path}/conditions/services`, 'is listed twice', report);
  reportDuplicates(conditions.caseTypes, same, `${path}/conditions/caseTypes`, 'is listed twice', report);
  reportDuplicates(conditions.channels, same, `${path}/conditions/channels`, 'is listed twice', report);
  reportDuplicates(policy.pauseStatuses, same, `${path}/pauseStatuses`, 'is listed twice', report);
  reportDuplicates(policy.breachActions, same, `${path}/breachActions`, 'is listed twice', report);
  policy.warningThresholds.forEach((threshold, index) => {
    const previous = policy.warningThresholds[index - 1];
    if (previous !== undefined && threshold <= previous)
      report(
        `${path}/warningThresholds/${index}`,
        `must be above the threshold before it (${previous}): thresholds ascend`,
      );
  });
}

/**
 * Bands are checked in thousandths of a percent. Gaps between bands are allowed (no credit there);
 * overlaps are not, since an uptime would then have two credits.
 */
function checkAvailability(target: AvailabilityTarget, path: string, report: Report): void {
  const targetPercent = thousandthsOf(target.targetPercent);
  checkPositivePercent(target.targetPercent, `${path}/targetPercent`, report);
  checkPositivePercent(target.monthlyCapPercent, `${path}/monthlyCapPercent`, report);
  const bands = target.creditBands.map((band, index) => ({
    index,
    min: band.minPercent === null ? -Infinity : thousandthsOf(band.minPercent),
    max: thousandthsOf(band.maxPercent),
    credit: thousandthsOf(band.creditPercent),
  }));
  for (const band of bands) {
    const bandPath = `${path}/creditBands/${band.index}`;
    if (band.max <= band.min || band.max === 0)
      report(`${bandPath}/maxPercent`, 'must be above minPercent (and above 0)');
    else if (band.max > targetPercent)
      report(
        `${bandPath}/maxPercent`,
        `must not be above the target (${target.targetPercent} %): credit is owed only below it`,
      );
  }
  // From the highest band down, against every band above: none may reach into it, and none may give
  // more credit (a lower uptime never earns less).
  const ordered = bands.filter((band) => band.min < band.max).sort((a, b) => b.max - a.max || b.min - a.min);
  ordered.forEach((band, position) => {
    const above = ordered.slice(0, position);
    if (above.length === 0) return;
    const bandPath = `${path}/creditBands/${band.index}`;
    const reaching = above.reduce((lowest, other) => (other.min < lowest.min ? other : lowest));
    const richest = above.reduce((highest, other) => (other.credit > highest.credit ? other : highest));
    if (band.max > reaching.min)
      report(
        bandPath,
        `overlaps band ${reaching.index} (${describeBand(reaching)}): an uptime would have two credits`,
      );
    else if (band.credit < richest.credit)
      report(
        `${bandPath}/creditPercent`,
        `must not be below the ${formatScaled(richest.credit, TERMS_DECIMALS)} % of band ${richest.index} (${describeBand(richest)}): a lower uptime never earns less credit`,
      );
  });
}

function describeBand(band: { min: number; max: number }): string {
  const max = `${formatScaled(band.max, TERMS_DECIMALS)} %`;
  return band.min === -Infinity ? `below ${max}` : `${formatScaled(band.min, TERMS_DECIMALS)} % to ${max}`;
}

/** The schema allows 0; a target, share or cap of 0 % means nothing. */
function checkPositivePercent(percent: string, path: string, report: Report): void {
  const value = thousandthsOf(percent);
  if (value <= 0 || value > HUNDRED_PERCENT) report(path, 'must be above 0 and at most 100');
}

function checkAmount(amountMinor: string, path: string, report: Report): void {
  if (BigInt(amountMinor) > MAX_AMOUNT_MINOR) report(path, `must be at most ${MAX_AMOUNT_MINOR}`);
}

/** Reports each item whose key an earlier item already has, at the later item's path. */
function reportDuplicates<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  path: string,
  message: string,
  report: Report,
  suffix = '',
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) report(`${path}/${index}${suffix}`, message);
    seen.add(key);
  });
}

/** `YYYY-MM-DD` naming a day that exists (`2025-02-29` does not). */
function isCivilDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return (
    /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text) &&
    !Number.isNaN(date.getTime()) &&
    date.toISOString().startsWith(text)
  );
}
