import { describe, expect, it } from 'vitest';
import { defaultContractTerms, diffContractTerms, type ContractTerms } from './index.ts';
import { businessCalendarId, northbankTerms } from './test-terms.ts';

/** The diff from Northbank's terms to the same after `change`. */
function diffAfter(change: (terms: ContractTerms) => void, options = {}) {
  const after = northbankTerms();
  change(after);
  return diffContractTerms(northbankTerms(), after, options);
}

describe('diffContractTerms', () => {
  it('finds nothing between equal terms, whatever their key order (jsonb does not keep it)', () => {
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, field]) => [key, reverseKeys(field)]),
            )
          : value;
    const terms = northbankTerms();
    expect(diffContractTerms(terms, northbankTerms())).toEqual([]);
    expect(diffContractTerms(terms, reverseKeys(terms) as ContractTerms)).toEqual([]);
  });

  it('describes a renewal with a new fee readably, in the order of the terms', () => {
    expect(
      diffAfter((terms) => {
        terms.endDate = null;
        terms.autoRenew = true;
        terms.noticePeriodDays = 1;
        terms.monthlyFee.amountMinor = '1350050';
        terms.title = 'Northbank payments services (renewed)';
      }),
    ).toEqual([
      {
        path: 'title',
        label: 'Title',
        kind: 'changed',
        before: 'Northbank payments services',
        after: 'Northbank payments services (renewed)',
      },
      { path: 'endDate', label: 'End date', kind: 'changed', before: '2028-12-31', after: 'open-ended' },
      {
        path: 'noticePeriodDays',
        label: 'Notice period',
        kind: 'changed',
        before: '90 days',
        after: '1 day',
      },
      { path: 'autoRenew', label: 'Renews automatically', kind: 'changed', before: 'no', after: 'yes' },
      {
        path: 'monthlyFee',
        label: 'Monthly fee',
        kind: 'changed',
        before: '12,000.00 GBP',
        after: '13,500.50 GBP',
      },
    ]);
  });

  it('formats money in the minor unit of each currency', () => {
    const [change] = diffAfter((terms) => (terms.monthlyFee = { amountMinor: '1500000', currency: 'JPY' }));
    expect(change).toMatchObject({ before: '12,000.00 GBP', after: '1,500,000 JPY' });
    const [dinar] = diffAfter((terms) => (terms.monthlyFee = { amountMinor: '5', currency: 'KWD' }));
    expect(dinar?.after).toBe('0.005 KWD');
    const [huge] = diffAfter((terms) => (terms.monthlyFee.amountMinor = '9223372036854775807'));
    expect(huge?.after).toBe('92,233,720,368,547,758.07 GBP');
  });

  it('lists services comma-joined, "none" when there are none', () => {
    expect(diffAfter((terms) => (terms.services = []))).toEqual([
      {
        path: 'services',
        label: 'Services',
        kind: 'changed',
        before: 'faster_payments, card_acquiring, bacs',
        after: 'none',
      },
    ]);
  });

  it('names a policy target by policy, priority and clock, in hours and minutes', () => {
    expect(
      diffAfter((terms) => {
        const standard = terms.sla.policies[0]!;
        standard.targets.P1.resolution = 90;
        standard.targets.P3.resolution = 45;
        standard.targets.P4.periodicUpdate = 2 * 1440 + 4 * 60;
        standard.targets.P2.nextResponse = null;
      }),
    ).toEqual([
      {
        path: 'sla.policies[Standard].targets.P1.resolution',
        label: 'Policy “Standard”: P1 resolution',
        kind: 'changed',
        before: '4 h',
        after: '1 h 30 min',
      },
      {
        path: 'sla.policies[Standard].targets.P2.nextResponse',
        label: 'Policy “Standard”: P2 next response',
        kind: 'changed',
        before: '2 h',
        after: 'not measured',
      },
      {
        path: 'sla.policies[Standard].targets.P3.resolution',
        label: 'Policy “Standard”: P3 resolution',
        kind: 'changed',
        before: '2 d',
        after: '45 min',
      },
      {
        path: 'sla.policies[Standard].targets.P4.periodicUpdate',
        label: 'Policy “Standard”: P4 periodic update',
        kind: 'changed',
        before: 'not measured',
        after: '2 d 4 h',
      },
    ]);
  });

  it('shows a calendar by name when told its name, and 24×7 for none', () => {
    const names = (id: string) => (id === businessCalendarId ? 'London business hours' : undefined);
    expect(diffAfter((terms) => (terms.sla.policies[0]!.calendarId = null), { calendarName: names })).toEqual(
      [
        {
          path: 'sla.policies[Standard].calendarId',
          label: 'Policy “Standard”: calendar',
          kind: 'changed',
          before: 'London business hours',
          after: '24×7',
        },
      ],
    );
    expect(diffAfter((terms) => (terms.sla.policies[0]!.calendarId = null))[0]?.before).toBe(
      businessCalendarId,
    );
  });

  it('describes changed conditions, pauses, warnings and breach actions', () => {
    expect(
      diffAfter((terms) => {
        const critical = terms.sla.policies[1]!;
        critical.conditions.channels = [];
        critical.conditions.caseTypes.push('payment_investigation');
        critical.pauseStatuses = [];
        critical.warningThresholds = [50, 75, 90];
        critical.breachActions = ['reassign'];
      }).map(({ label, before, after }) => `${label}: ${before} → ${after}`),
    ).toEqual([
      'Policy “Critical payments”: case types: incident → incident, payment_investigation',
      'Policy “Critical payments”: channels: phone, api → any',
      'Policy “Critical payments”: clocks paused in: pending_customer → none',
      'Policy “Critical payments”: warnings at: 50 %, 80 % → 50 %, 75 %, 90 %',
      'Policy “Critical payments”: on breach: raise_priority, notify_manager → reassign',
    ]);
  });

  it('makes an added or a removed policy one change with a summary', () => {
    const changes = diffAfter((terms) => {
      terms.sla.policies.splice(1, 1);
      terms.sla.policies.push({
        ...defaultContractTerms({ title: 'x', startDate: '2026-01-01', currency: 'GBP' }).sla.policies[0]!,
        name: 'Weekend',
      });
    });
    expect(changes).toEqual([
      {
        path: 'sla.policies[Critical payments]',
        label: 'Policy “Critical payments”',
        kind: 'removed',
        before:
          '24×7; services faster_payments; case types incident; channels phone, api; ' +
          'P1 first response 10 min, next response 30 min, resolution 2 h, periodic update 30 min; ' +
          'P2 first response 15 min, next response 1 h, resolution 4 h, periodic update 1 h; ' +
          'P3 first response 1 h, next response 4 h, resolution 1 d; ' +
          'P4 first response 4 h, resolution 3 d; ' +
          'clocks paused in pending_customer; warnings at 50 %, 80 %; on breach raise_priority, notify_manager',
        after: null,
      },
      {
        path: 'sla.policies[Weekend]',
        label: 'Policy “Weekend”',
        kind: 'added',
        before: null,
        after:
          '24×7; any case; ' +
          'P1 first response 15 min, next response 1 h, resolution 4 h, periodic update 1 h; ' +
          'P2 first response 30 min, next response 2 h, resolution 8 h, periodic update 2 h; ' +
          'P3 first response 4 h, next response 8 h, resolution 2 d, periodic update 1 d; ' +
          'P4 first response 8 h, next response 1 d, resolution 5 d; ' +
          'clocks paused in pending_customer, on_hold; warnings at 50 %, 75 %, 90 %; on breach notify_manager',
      },
    ]);
  });

  it('reports a change in the order of policies, which decides the first match', () => {
    expect(diffAfter((terms) => terms.sla.policies.reverse())).toEqual([
      {
        path: 'sla.policies',
        label: 'Order of policies',
        kind: 'changed',
        before: 'Standard, Critical payments',
        after: 'Critical payments, Standard',
      },
    ]);
  });

  it('treats a renamed policy as one removed and one added', () => {
    expect(
      diffAfter((terms) => (terms.sla.policies[0]!.name = 'Business hours')).map(
        ({ path, kind }) => `${kind} ${path}`,
      ),
    ).toEqual(['removed sla.policies[Standard]', 'added sla.policies[Business hours]']);
  });

  it('describes the phone answering target appearing, changing and going', () => {
    expect(diffAfter((terms) => (terms.sla.phoneAnswer = { percent: '90', withinSeconds: 30 }))).toEqual([
      {
        path: 'sla.phoneAnswer',
        label: 'Phone answering',
        kind: 'changed',
        before: '80 % within 20 s',
        after: '90 % within 30 s',
      },
    ]);
    expect(diffAfter((terms) => (terms.sla.phoneAnswer = null))[0]).toMatchObject({
      kind: 'removed',
      after: null,
    });
    expect(
      diffContractTerms(
        { ...northbankTerms(), sla: { ...northbankTerms().sla, phoneAnswer: null } },
        northbankTerms(),
      )[0],
    ).toMatchObject({
      kind: 'added',
      before: null,
      after: '80 % within 20 s',
    });
  });

  it('describes availability by service: target, bands and cap', () => {
    expect(
      diffAfter((terms) => {
        const fasterPayments = terms.sla.availability[0]!;
        fasterPayments.targetPercent = '99.99';
        fasterPayments.creditBands[0]!.maxPercent = '99.99';
        fasterPayments.monthlyCapPercent = '100';
      }),
    ).toEqual([
      {
        path: 'sla.availability[faster_payments].targetPercent',
        label: 'Availability of faster_payments: target',
        kind: 'changed',
        before: '99.95 %',
        after: '99.99 %',
      },
      {
        path: 'sla.availability[faster_payments].creditBands',
        label: 'Availability of faster_payments: credit bands',
        kind: 'changed',
        before: '99.5 % to 99.95 %: 10 %, 99 % to 99.5 %: 25 %, below 99 %: 50 %',
        after: '99.5 % to 99.99 %: 10 %, 99 % to 99.5 %: 25 %, below 99 %: 50 %',
      },
      {
        path: 'sla.availability[faster_payments].monthlyCapPercent',
        label: 'Availability of faster_payments: monthly credit cap',
        kind: 'changed',
        before: '50 %',
        after: '100 %',
      },
    ]);
  });

  it('summarises a new availability target in one line', () => {
    expect(diffAfter((terms) => terms.sla.availability.splice(1, 1))).toEqual([
      {
        path: 'sla.availability[card_acquiring]',
        label: 'Availability of card_acquiring',
        kind: 'removed',
        before: 'target 99.9 %; credit bands 99 % to 99.9 %: 5 %, below 99 %: 15 %; monthly credit cap 15 %',
        after: null,
      },
    ]);
  });

  it('shows a change of notation, since the stored terms differ', () => {
    expect(diffAfter((terms) => (terms.sla.availability[0]!.targetPercent = '99.950'))[0]).toMatchObject({
      before: '99.95 %',
      after: '99.950 %',
    });
  });

  it('formats penalties in the currency of the version they belong to', () => {
    expect(
      diffAfter((terms) => {
        terms.monthlyFee.currency = 'JPY';
        terms.sla.incidentPenalties[0]!.amountMinor = '20000';
        terms.sla.incidentPenalties.pop();
        terms.sla.incidentPenalties.push({ priority: 'P3', amountMinor: '5000' });
      }),
    ).toEqual([
      {
        path: 'monthlyFee',
        label: 'Monthly fee',
        kind: 'changed',
        before: '12,000.00 GBP',
        after: '1,200,000 JPY',
      },
      {
        path: 'sla.incidentPenalties[P1]',
        label: 'Penalty per P1 incident',
        kind: 'changed',
        before: '500.00 GBP',
        after: '20,000 JPY',
      },
      {
        path: 'sla.incidentPenalties[P2]',
        label: 'Penalty per P2 incident',
        kind: 'removed',
        before: '100.00 GBP',
        after: null,
      },
      {
        path: 'sla.incidentPenalties[P3]',
        label: 'Penalty per P3 incident',
        kind: 'added',
        before: null,
        after: '5,000 JPY',
      },
    ]);
  });

  it('shows every penalty again when the fee currency changes, since they are in it', () => {
    expect(
      diffAfter((terms) => (terms.monthlyFee.currency = 'EUR')).map(
        ({ label, before, after }) => `${label}: ${before} → ${after}`,
      ),
    ).toEqual([
      'Monthly fee: 12,000.00 GBP → 12,000.00 EUR',
      'Penalty per P1 incident: 500.00 GBP → 500.00 EUR',
      'Penalty per P2 incident: 100.00 GBP → 100.00 EUR',
    ]);
  });
});
