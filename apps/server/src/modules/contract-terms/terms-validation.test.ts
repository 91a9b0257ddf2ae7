import { describe, expect, it } from 'vitest';
import { calendarIdsOf, defaultContractTerms, validateContractTerms, type ContractTerms } from './index.ts';
import { businessCalendarId, northbankTerms } from './test-terms.ts';

const options = { isCurrency: (code: string) => ['GBP', 'EUR', 'JPY', 'USD'].includes(code) };

/** The problems of Northbank's terms after `change`. */
function problemsAfter(change: (terms: ContractTerms) => void) {
  const terms = northbankTerms();
  change(terms);
  return validateContractTerms(terms, options);
}

describe('validateContractTerms', () => {
  it('accepts realistic terms and the default terms', () => {
    expect(validateContractTerms(northbankTerms(), options)).toEqual([]);
    expect(
      validateContractTerms(
        defaultContractTerms({ title: 'New', startDate: '2026-03-01', currency: 'JPY' }),
        options,
      ),
    ).toEqual([]);
  });

  it('refuses dates that do not exist', () => {
    expect(
      problemsAfter((terms) => {
        terms.startDate = '2025-02-29';
        terms.endDate = '2026-13-01';
      }),
    ).toEqual([
      { path: 'body/terms/startDate', message: '2025-02-29 is not a calendar date' },
      { path: 'body/terms/endDate', message: '2026-13-01 is not a calendar date' },
    ]);
  });

  it('accepts a leap day', () => {
    expect(problemsAfter((terms) => (terms.startDate = '2028-02-29'))).toEqual([]);
  });

  it('refuses an end on or before the start, and allows an open end', () => {
    expect(problemsAfter((terms) => (terms.endDate = '2026-01-01'))).toEqual([
      { path: 'body/terms/endDate', message: 'must be after the start date (2026-01-01)' },
    ]);
    expect(problemsAfter((terms) => (terms.endDate = '2025-12-31'))).toHaveLength(1);
    expect(problemsAfter((terms) => (terms.endDate = null))).toEqual([]);
  });

  it('asks the caller whether the currency is in circulation', () => {
    expect(problemsAfter((terms) => (terms.monthlyFee.currency = 'HRK'))).toEqual([
      { path: 'body/terms/monthlyFee/currency', message: 'HRK is not an ISO 4217 currency in circulation' },
    ]);
  });

  it('refuses amounts past the largest bigint', () => {
    expect(
      problemsAfter((terms) => {
        terms.monthlyFee.amountMinor = '9223372036854775808';
        terms.sla.incidentPenalties[1]!.amountMinor = '9999999999999999999';
      }),
    ).toEqual([
      { path: 'body/terms/monthlyFee/amountMinor', message: 'must be at most 9223372036854775807' },
      {
        path: 'body/terms/sla/incidentPenalties/1/amountMinor',
        message: 'must be at most 9223372036854775807',
      },
    ]);
    expect(problemsAfter((terms) => (terms.monthlyFee.amountMinor = '9223372036854775807'))).toEqual([]);
  });

  it('reports a service listed twice at the repeat', () => {
    expect(problemsAfter((terms) => terms.services.push('faster_payments'))).toEqual([
      { path: 'body/terms/services/3', message: 'is listed twice' },
    ]);
  });

  it('refuses two policies whose names differ only in case or spacing', () => {
    expect(
      problemsAfter((terms) => terms.sla.policies.push({ ...terms.sla.policies[0]!, name: ' STANDARD ' })),
    ).toEqual([
      {
        path: 'body/terms/sla/policies/2/name',
        message: 'has the name of an earlier policy (names are compared ignoring case)',
      },
    ]);
  });

  it('refuses repeated values in a policy’s lists', () => {
    expect(
      problemsAfter((terms) => {
        const policy = terms.sla.policies[1]!;
        policy.conditions.services.push('faster_payments');
        policy.conditions.caseTypes.push('incident');
        policy.conditions.channels.push('api');
        policy.pauseStatuses.push('pending_customer');
        policy.breachActions.push('notify_manager');
      }).map((problem) => problem.path),
    ).toEqual([
      'body/terms/sla/policies/1/conditions/services/1',
      'body/terms/sla/policies/1/conditions/caseTypes/1',
      'body/terms/sla/policies/1/conditions/channels/2',
      'body/terms/sla/policies/1/pauseStatuses/1',
      'body/terms/sla/policies/1/breachActions/2',
    ]);
  });

  it('wants warning thresholds strictly ascending', () => {
    expect(problemsAfter((terms) => (terms.sla.policies[0]!.warningThresholds = [50, 90, 75, 75]))).toEqual([
      {
        path: 'body/terms/sla/policies/0/warningThresholds/2',
        message: 'must be above the threshold before it (90): thresholds ascend',
      },
      {
        path: 'body/terms/sla/policies/0/warningThresholds/3',
        message: 'must be above the threshold before it (75): thresholds ascend',
      },
    ]);
  });

  it('refuses a phone answering share of 0 %', () => {
    expect(
      problemsAfter((terms) => (terms.sla.phoneAnswer = { percent: '0.000', withinSeconds: 20 })),
    ).toEqual([{ path: 'body/terms/sla/phoneAnswer/percent', message: 'must be above 0 and at most 100' }]);
  });

  it('refuses a second availability target for a service and a zero target or cap', () => {
    expect(
      problemsAfter((terms) => {
        const [first] = terms.sla.availability;
        terms.sla.availability.push({
          ...first!,
          creditBands: [],
          targetPercent: '0',
          monthlyCapPercent: '0',
        });
      }),
    ).toEqual([
      {
        path: 'body/terms/sla/availability/2/service',
        message: 'has the service of an earlier availability target',
      },
      { path: 'body/terms/sla/availability/2/targetPercent', message: 'must be above 0 and at most 100' },
      { path: 'body/terms/sla/availability/2/monthlyCapPercent', message: 'must be above 0 and at most 100' },
    ]);
  });

  describe('credit bands', () => {
    const bandProblems = (bands: ContractTerms['sla']['availability'][number]['creditBands']) =>
      problemsAfter((terms) => (terms.sla.availability[0]!.creditBands = bands));

    it('refuses a band whose max is not above its min', () => {
      expect(bandProblems([{ minPercent: '99.9', maxPercent: '99.9', creditPercent: '10' }])).toEqual([
        {
          path: 'body/terms/sla/availability/0/creditBands/0/maxPercent',
          message: 'must be above minPercent (and above 0)',
        },
      ]);
      expect(bandProblems([{ minPercent: null, maxPercent: '0', creditPercent: '10' }])).toHaveLength(1);
    });

    it('refuses a band reaching above the target (99.95)', () => {
      expect(bandProblems([{ minPercent: '99.9', maxPercent: '99.99', creditPercent: '10' }])).toEqual([
        {
          path: 'body/terms/sla/availability/0/creditBands/0/maxPercent',
          message: 'must not be above the target (99.95 %): credit is owed only below it',
        },
      ]);
    });

    it('compares as decimals, not as text: 99.950 is the target', () => {
      expect(bandProblems([{ minPercent: '99.9', maxPercent: '99.950', creditPercent: '10' }])).toEqual([]);
    });

    it('reports overlapping bands, also ones that are not neighbours', () => {
      expect(
        bandProblems([
          { minPercent: '99', maxPercent: '99.95', creditPercent: '10' },
          { minPercent: '99.5', maxPercent: '99.9', creditPercent: '25' },
        ]),
      ).toEqual([
        {
          path: 'body/terms/sla/availability/0/creditBands/1',
          message: 'overlaps band 0 (99 % to 99.95 %): an uptime would have two credits',
        },
      ]);
      expect(
        bandProblems([
          { minPercent: '90', maxPercent: '99.95', creditPercent: '10' },
          { minPercent: '95', maxPercent: '99', creditPercent: '20' },
          { minPercent: null, maxPercent: '94', creditPercent: '30' },
        ]).map((problem) => problem.path),
      ).toEqual([
        'body/terms/sla/availability/0/creditBands/1',
        'body/terms/sla/availability/0/creditBands/2',
      ]);
    });

    it('allows gaps between bands and bands in any order', () => {
      expect(
        bandProblems([
          { minPercent: null, maxPercent: '95', creditPercent: '100' },
          { minPercent: '99', maxPercent: '99.9', creditPercent: '10' },
        ]),
      ).toEqual([]);
    });

    it('refuses a lower band that credits less than a higher one', () => {
      expect(
        bandProblems([
          { minPercent: '99', maxPercent: '99.95', creditPercent: '25' },
          { minPercent: null, maxPercent: '99', creditPercent: '10' },
        ]),
      ).toEqual([
        {
          path: 'body/terms/sla/availability/0/creditBands/1/creditPercent',
          message:
            'must not be below the 25 % of band 0 (99 % to 99.95 %): a lower uptime never earns less credit',
        },
      ]);
    });
  });

  it('reports every problem at once', () => {
    expect(
      problemsAfter((terms) => {
        terms.endDate = '2020-01-01';
        terms.monthlyFee.currency = 'XXX';
        terms.services.push('bacs');
      }),
    ).toHaveLength(3);
  });
});

describe('calendarIdsOf', () => {
  it('lists each business calendar once and leaves out 24×7 policies', () => {
    const terms = northbankTerms();
    terms.sla.policies.push({ ...terms.sla.policies[0]!, name: 'Out of hours' });
    expect(calendarIdsOf(terms)).toEqual([businessCalendarId]);
    expect(
      calendarIdsOf(defaultContractTerms({ title: 'x', startDate: '2026-01-01', currency: 'GBP' })),
    ).toEqual([]);
  });
});
