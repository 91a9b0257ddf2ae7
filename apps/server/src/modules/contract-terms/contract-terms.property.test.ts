import { isDeepStrictEqual } from 'node:util';
import { breachActions, caseChannels, caseTypes, pausableCaseStatuses, priorities } from '@paydesk/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffContractTerms,
  effectiveVersion,
  serviceCredit,
  validateContractTerms,
  type AvailabilityTarget,
  type ContractTerms,
  type SlaPolicy,
} from './index.ts';

/**
 * Properties of the diff, the service credit and the version in force, on generated terms. Values
 * come from small pools so that two generated terms often agree in part, which is where a diff can
 * go wrong.
 */

const services = ['bacs', 'faster_payments', 'card_acquiring', 'open_banking'] as const;
const calendarIds = ['6f1c2a7e-1111-4222-8333-444455556666', '0b8e6d9a-2222-4333-8444-555566667777'];

/** A subset of `values`, in their order. */
const orderedSubset = <T>(values: readonly T[]) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: values.length - 1 }), { maxLength: values.length })
    .map((indexes) => [...indexes].sort((a, b) => a - b).map((index) => values[index]!));
/** A subset of `values`, in any order. */
const subset = <T>(values: readonly T[]) => fc.shuffledSubarray([...values]);

const minutes = fc.option(fc.constantFrom(15, 60, 90, 240, 1440, 2880), { nil: null });
const metricTargets = fc.record({
  firstResponse: minutes,
  nextResponse: minutes,
  resolution: minutes,
  periodicUpdate: minutes,
});
const policy: fc.Arbitrary<SlaPolicy> = fc.record({
  name: fc.constantFrom('Standard', 'Critical payments', 'Weekend'),
  calendarId: fc.option(fc.constantFrom(...calendarIds), { nil: null }),
  conditions: fc.record({
    services: subset(services),
    caseTypes: subset(caseTypes.slice(0, 3)),
    channels: subset(caseChannels),
  }),
  targets: fc.record({ P1: metricTargets, P2: metricTargets, P3: metricTargets, P4: metricTargets }),
  pauseStatuses: subset(pausableCaseStatuses),
  warningThresholds: orderedSubset([50, 75, 90]),
  breachActions: subset(breachActions),
});

const percent = (thousandths: number) => {
  const whole = Math.floor(thousandths / 1000);
  const fraction = String(thousandths % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
};

/**
 * A credit table as contracts write them: from the target down, each band starting where the one
 * above ends, the lowest without a lower bound, and the credit never falling as uptime falls.
 */
const creditTable = fc
  .record({
    target: fc.integer({ min: 90_000, max: 100_000 }),
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 89_999 }), { maxLength: 3 }),
    credits: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 4, maxLength: 4 }),
    cap: fc.integer({ min: 1, max: 100_000 }),
    service: fc.constantFrom(...services),
  })
  .map(({ target, cuts, credits, cap, service }): AvailabilityTarget => {
    const bounds = [target, ...cuts.sort((a, b) => b - a)];
    const ascendingCredits = credits.sort((a, b) => a - b);
    return {
      service,
      targetPercent: percent(target),
      creditBands: bounds.map((max, i) => ({
        minPercent: i + 1 < bounds.length ? percent(bounds[i + 1]!) : null,
        maxPercent: percent(max),
        creditPercent: percent(ascendingCredits[i]!),
      })),
      monthlyCapPercent: percent(cap),
    };
  });

const terms: fc.Arbitrary<ContractTerms> = fc.record({
  title: fc.constantFrom('Northbank payments', 'Northbank payments (renewed)'),
  startDate: fc.constantFrom('2026-01-01', '2026-04-01'),
  endDate: fc.option(fc.constantFrom('2027-12-31', '2028-12-31'), { nil: null }),
  noticePeriodDays: fc.constantFrom(30, 90),
  autoRenew: fc.boolean(),
  monthlyFee: fc.record({
    amountMinor: fc.constantFrom('0', '1200000'),
    currency: fc.constantFrom('GBP', 'JPY'),
  }),
  services: subset(services),
  notes: fc.constantFrom('', 'Quarterly reviews.'),
  sla: fc.record({
    policies: fc.uniqueArray(policy, { selector: (p) => p.name, maxLength: 3 }),
    phoneAnswer: fc.option(
      fc.record({ percent: fc.constantFrom('80', '90'), withinSeconds: fc.constantFrom(20, 30) }),
      { nil: null },
    ),
    availability: fc.uniqueArray(creditTable, { selector: (t) => t.service, maxLength: 2 }),
    incidentPenalties: fc.uniqueArray(
      fc.record({ priority: fc.constantFrom(...priorities), amountMinor: fc.constantFrom('10000', '50000') }),
      { selector: (p) => p.priority, maxLength: 3 },
    ),
  }),
});

/**
 * `base` with, at every object field and array item, a chance of `other`'s value instead: terms that
 * differ from `base` in a few places, or not at all.
 */
function blend(base: unknown, other: unknown, takeOther: () => boolean): unknown {
  if (takeOther()) return structuredClone(other);
  if (Array.isArray(base) && Array.isArray(other) && base.length === other.length)
    return base.map((item, i) => blend(item, other[i], takeOther));
  if (base && other && typeof base === 'object' && typeof other === 'object' && !Array.isArray(base))
    return Object.fromEntries(
      Object.entries(base).map(([key, value]) => [
        key,
        blend(value, (other as Record<string, unknown>)[key], takeOther),
      ]),
    );
  return structuredClone(base);
}

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const keysAreUnique = (t: ContractTerms) =>
  validateContractTerms(t, { isCurrency: () => true }).every(
    (problem) => !/earlier|twice/.test(problem.message),
  );

const nearbyTerms = fc
  .tuple(terms, terms, fc.array(fc.boolean(), { minLength: 1 }), fc.integer({ min: 2, max: 30 }))
  .map(([base, other, coins, odds]) => {
    // A cheap stream of biased coins: mostly keep `base`, sometimes take `other`.
    let next = 0;
    const takeOther = () => coins[next++ % coins.length]! && next % odds === 0;
    return [base, blend(base, other, takeOther) as ContractTerms] as const;
  })
  .filter(([, changed]) => keysAreUnique(changed));

describe('diffContractTerms (properties)', () => {
  it('finds nothing between terms and a copy of them', () => {
    fc.assert(
      fc.property(terms, (t) => {
        expect(diffContractTerms(t, t)).toEqual([]);
        expect(diffContractTerms(t, structuredClone(t))).toEqual([]);
      }),
    );
  });

  it('finds something exactly when the terms differ', () => {
    let equalPairs = 0;
    fc.assert(
      fc.property(nearbyTerms, ([before, after]) => {
        // As JSON: the generator's objects have no prototype, the blended ones do.
        const equal = isDeepStrictEqual(asJson(before), asJson(after));
        if (equal) equalPairs++;
        expect(diffContractTerms(before, after).length === 0).toBe(equal);
      }),
      { numRuns: 500 },
    );
    // Both sides of "exactly when" were exercised.
    expect(equalPairs).toBeGreaterThan(0);
    expect(equalPairs).toBeLessThan(500);
  });

  it('gives each change a distinct path, a label, and values fitting its kind', () => {
    fc.assert(
      fc.property(fc.oneof(nearbyTerms, fc.tuple(terms, terms)), ([before, after]) => {
        const changes = diffContractTerms(before, after);
        expect(new Set(changes.map((c) => c.path)).size).toBe(changes.length);
        for (const change of changes) {
          expect(change.label).not.toBe('');
          expect(change.before === null).toBe(change.kind === 'added');
          expect(change.after === null).toBe(change.kind === 'removed');
          if (change.kind === 'changed') expect(change.before).not.toBe(change.after);
        }
        expect(diffContractTerms(before, after)).toEqual(changes);
      }),
    );
  });
});

describe('serviceCredit (properties)', () => {
  const uptime = fc.integer({ min: 0, max: 100_000_000 }).map((millionths) => {
    const text = String(millionths).padStart(7, '0');
    return `${text.slice(0, -6)}.${text.slice(-6)}`;
  });
  const fee = fc.bigInt({ min: 0n, max: 2n ** 63n - 1n });
  const capOf = (target: AvailabilityTarget, monthlyFee: bigint) => {
    const [whole, fraction = ''] = target.monthlyCapPercent.split('.');
    const thousandths = BigInt(whole!) * 1000n + BigInt(fraction.padEnd(3, '0'));
    return (monthlyFee * thousandths + 50_000n) / 100_000n;
  };

  it('generates tables that validation accepts', () => {
    fc.assert(
      fc.property(creditTable, (table) => {
        const t: ContractTerms = { ...fc.sample(terms, 1)[0]!, services: [] };
        t.sla.availability = [table];
        expect(validateContractTerms(t, { isCurrency: () => true })).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('never credits less for a lower uptime', () => {
    fc.assert(
      fc.property(creditTable, uptime, uptime, fee, (table, a, b, monthlyFee) => {
        const [lower, higher] = Number(a) <= Number(b) ? [a, b] : [b, a];
        const atLower = serviceCredit(table, lower, monthlyFee);
        const atHigher = serviceCredit(table, higher, monthlyFee);
        expect(atLower.creditMinor >= atHigher.creditMinor).toBe(true);
        expect(Number(atLower.creditPercent)).toBeGreaterThanOrEqual(Number(atHigher.creditPercent));
      }),
    );
  });

  it('never credits above the cap, nor anything at or above the target', () => {
    fc.assert(
      fc.property(creditTable, uptime, fee, (table, measured, monthlyFee) => {
        const credit = serviceCredit(table, measured, monthlyFee);
        expect(credit.creditMinor <= capOf(table, monthlyFee)).toBe(true);
        expect(Number(credit.creditPercent)).toBeLessThanOrEqual(Number(table.monthlyCapPercent));
        if (Number(measured) >= Number(table.targetPercent)) expect(credit.creditMinor).toBe(0n);
      }),
    );
  });
});

describe('effectiveVersion (properties)', () => {
  const date = fc
    .integer({ min: 0, max: 60 })
    .map((day) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10));
  const versions = fc.array(date, { maxLength: 8 }).chain((dates) =>
    fc.shuffledSubarray(
      dates.map((effectiveFrom, i) => ({ effectiveFrom, version: i + 1 })),
      { minLength: dates.length },
    ),
  );

  it('returns a version in force on the date, and none effective later by then', () => {
    fc.assert(
      fc.property(versions, date, (all, onDate) => {
        const found = effectiveVersion(all, onDate);
        const started = all.filter((v) => v.effectiveFrom <= onDate);
        if (found === undefined) {
          expect(started).toEqual([]);
          return;
        }
        expect(all).toContain(found);
        expect(found.effectiveFrom <= onDate).toBe(true);
        for (const other of started)
          expect(
            other.effectiveFrom < found.effectiveFrom ||
              (other.effectiveFrom === found.effectiveFrom && other.version <= found.version),
          ).toBe(true);
      }),
    );
  });
});
