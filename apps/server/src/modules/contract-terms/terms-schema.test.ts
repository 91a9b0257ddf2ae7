import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ContractTermsSchema, defaultContractTerms, SlaPolicySchema } from './index.ts';
import { northbankTerms } from './test-terms.ts';

/**
 * Whether the schema itself refuses Northbank's terms with the value at `path` (slash-separated)
 * replaced, or removed when `value` is undefined: before validateContractTerms looks at them.
 */
function refusesWith(path: string, value: unknown): boolean {
  const terms: unknown = northbankTerms();
  const keys = path.split('/');
  const last = keys.pop()!;
  const parent = keys.reduce((node, key) => (node as Record<string, unknown>)[key], terms) as Record<
    string,
    unknown
  >;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return !Value.Check(ContractTermsSchema, terms);
}

describe('ContractTermsSchema', () => {
  it('accepts realistic and default terms', () => {
    expect(Value.Check(ContractTermsSchema, northbankTerms())).toBe(true);
    expect(
      Value.Check(
        ContractTermsSchema,
        defaultContractTerms({ title: 'New', startDate: '2026-01-01', currency: 'EUR' }),
      ),
    ).toBe(true);
    expect(Value.Check(SlaPolicySchema, northbankTerms().sla.policies[1])).toBe(true);
  });

  it.each([
    ['discount', '5'],
    ['monthlyFee/vat', true],
    ['sla/policies/0/targets/P1/acknowledge', 5],
    ['sla/policies/0/targets/P5', northbankTerms().sla.policies[0]!.targets.P1],
    ['sla/policies/0/conditions/regions', []],
    ['sla/availability/0/creditBands/0/note', ''],
    ['sla/phoneAnswer/withinMinutes', 1],
    ['sla/incidentPenalties/0/currency', 'GBP'],
  ])('refuses the unknown field %s', (path, value) => {
    expect(refusesWith(path, value)).toBe(true);
  });

  it.each([
    'endDate',
    'sla/phoneAnswer',
    'sla/policies/0/targets/P4/resolution',
    'sla/policies/0/calendarId',
  ])('refuses terms without %s', (path) => {
    expect(refusesWith(path, undefined)).toBe(true);
  });

  it.each([
    ['a blank title', 'title', '  '],
    ['a date in another form', 'startDate', '01/02/2026'],
    ['a negative notice period', 'noticePeriodDays', -1],
    ['a notice period over two years', 'noticePeriodDays', 731],
    ['an amount as a number', 'monthlyFee/amountMinor', 1_200_000],
    ['an amount with a fraction', 'monthlyFee/amountMinor', '12000.00'],
    ['an amount of 20 digits', 'monthlyFee/amountMinor', '10000000000000000000'],
    ['an amount with a leading zero', 'monthlyFee/amountMinor', '0100'],
    ['a negative amount', 'sla/incidentPenalties/0/amountMinor', '-5'],
    ['a lower-case currency', 'monthlyFee/currency', 'gbp'],
    ['a service code with capitals', 'services/0', 'Faster_Payments'],
    ['a one-letter service code', 'services/0', 'f'],
    ['notes over 10 000 characters', 'notes', 'x'.repeat(10_001)],
    ['a target of 0 minutes', 'sla/policies/0/targets/P1/resolution', 0],
    ['a target of a fraction of a minute', 'sla/policies/0/targets/P1/resolution', 1.5],
    ['a target over a year', 'sla/policies/0/targets/P1/resolution', 525_601],
    ['an unknown case type', 'sla/policies/0/conditions/caseTypes', ['outage']],
    ['pausing in a status that is not a waiting one', 'sla/policies/0/pauseStatuses', ['open']],
    ['an unknown breach action', 'sla/policies/0/breachActions', ['page_ceo']],
    ['a warning at 100 %', 'sla/policies/0/warningThresholds', [100]],
    ['six warnings', 'sla/policies/0/warningThresholds', [10, 20, 30, 40, 50, 60]],
    ['a calendar id that is not a uuid', 'sla/policies/0/calendarId', 'london'],
    ['a percent as a number', 'sla/availability/0/targetPercent', 99.95],
    ['a percent over 100', 'sla/availability/0/targetPercent', '100.001'],
    ['a percent with 4 decimals', 'sla/availability/0/targetPercent', '99.9999'],
    ['a percent with a leading zero', 'sla/availability/0/monthlyCapPercent', '05'],
    ['a negative percent', 'sla/availability/0/creditBands/0/creditPercent', '-10'],
    ['an answer within 0 s', 'sla/phoneAnswer/withinSeconds', 0],
    ['a penalty for priority P5', 'sla/incidentPenalties/0/priority', 'P5'],
    ['21 policies', 'sla/policies', Array.from({ length: 21 }, () => northbankTerms().sla.policies[0])],
  ])('refuses %s', (_, path, value) => {
    expect(refusesWith(path, value)).toBe(true);
  });

  it.each(['0', '0.001', '9.5', '99.999', '100', '100.000'])('accepts the percent %s', (percent) => {
    expect(refusesWith('sla/availability/0/monthlyCapPercent', percent)).toBe(false);
  });

  it('is strict and described at every level, for clients and the API documentation', () => {
    const objects: Array<Record<string, unknown>> = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(collect);
      if (node === null || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema.type === 'object') objects.push(schema);
      Object.values(schema).forEach(collect);
    };
    collect(ContractTermsSchema);
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) {
      expect(object.additionalProperties, JSON.stringify(object.properties)).toBe(false);
      expect(object.description, JSON.stringify(object.properties)).toEqual(expect.any(String));
    }
  });
});
