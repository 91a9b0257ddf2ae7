import fc from 'fast-check';
import { caseStatuses, impactLevels, priorities } from '@paydesk/shared';
import { describe, expect, it } from 'vitest';
import {
  allowedStatuses,
  caseNumberPart,
  checkReopen,
  checkTransition,
  formatCaseNumber,
  parseCaseNumber,
  priorityFor,
} from './case-rules.ts';

describe('priority matrix', () => {
  it('gives P1 only to high impact that is urgent, and P4 to what can wait', () => {
    expect(priorityFor('high', 'high')).toBe('P1');
    expect(priorityFor('high', 'medium')).toBe('P2');
    expect(priorityFor('medium', 'high')).toBe('P2');
    expect(priorityFor('medium', 'medium')).toBe('P3');
    expect(priorityFor('low', 'low')).toBe('P4');
  });

  it('never lowers the priority when impact or urgency rises', () => {
    const rank = (level: (typeof impactLevels)[number]) => impactLevels.indexOf(level);
    for (const impact of impactLevels)
      for (const urgency of impactLevels)
        for (const higher of impactLevels.filter((l) => rank(l) < rank(urgency)))
          expect(priorities.indexOf(priorityFor(impact, higher))).toBeLessThanOrEqual(
            priorities.indexOf(priorityFor(impact, urgency)),
          );
  });
});

describe('status transitions', () => {
  it('lets a waiting case come back to open and any open work be resolved', () => {
    expect(() => checkTransition('pending_customer', 'open')).not.toThrow();
    expect(() => checkTransition('on_hold', 'resolved')).not.toThrow();
    expect(() => checkTransition('resolved', 'open')).not.toThrow();
  });

  it('refuses a move the graph does not have and names the allowed ones', () => {
    expect(() => checkTransition('closed', 'resolved')).toThrow(/can become open/);
    expect(() => checkTransition('open', 'new')).toThrow(
      expect.objectContaining({ code: 'CASE_TRANSITION_FORBIDDEN' }),
    );
  });

  it('never leads back to new, and a closed case only reopens', () => {
    for (const status of caseStatuses) expect(allowedStatuses(status)).not.toContain('new');
    expect(allowedStatuses('closed')).toEqual(['open']);
  });

  it('reaches every status from new', () => {
    const seen = new Set(['new']);
    const queue = ['new'] as (typeof caseStatuses)[number][];
    while (queue.length > 0)
      for (const next of allowedStatuses(queue.shift()!))
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
    expect([...seen].sort()).toEqual([...caseStatuses].sort());
  });
});

describe('reopen window', () => {
  const resolved = new Date('2026-03-02T10:00:00Z');
  it('reopens within the window and refuses after it', () => {
    expect(() => checkReopen(resolved, new Date('2026-03-16T10:00:00Z'), 14)).not.toThrow();
    expect(() => checkReopen(resolved, new Date('2026-03-16T10:00:01Z'), 14)).toThrow(
      expect.objectContaining({ code: 'CASE_REOPEN_WINDOW_PASSED' }),
    );
  });
});

describe('case numbers', () => {
  it('read back what they print, with or without the prefix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 48 }), (number) => {
        expect(parseCaseNumber(formatCaseNumber(number))).toBe(number);
        expect(parseCaseNumber(String(number))).toBe(number);
      }),
    );
    expect(parseCaseNumber('pd-104233 ')).toBe(104233);
    expect(parseCaseNumber('PD-0')).toBeUndefined();
    expect(parseCaseNumber('PD-12a')).toBeUndefined();
  });
});

describe('the case numbers search text can be part of', () => {
  const inRanges = (ranges: Array<[bigint, bigint]>, number: bigint) =>
    ranges.some(([from, to]) => from <= number && number <= to);

  it('reads "PD-1021", "D-1021" and "-1021" as the start of a number, whatever the case', () => {
    const ranges = [
      [1021n, 1021n],
      [10210n, 10219n],
      [102100n, 102199n],
    ];
    for (const text of ['PD-1021', 'pd-1021', 'D-1021', 'd-1021', '-1021'])
      expect((caseNumberPart(text) as { start: unknown[] }).start.slice(0, 3), text).toEqual(ranges);
  });

  it('leaves bare digits to be found anywhere, and refuses what no number contains', () => {
    expect(caseNumberPart('0212')).toEqual({ anywhere: '0212' });
    for (const text of ['TX1021', 'PD-10x', 'PD-', 'PD-0123', 'INC-4242', 'PD 1021', `PD-${'1'.repeat(16)}`])
      expect(caseNumberPart(text), text).toBeUndefined();
  });

  it('has a number in its ranges exactly when the number starts with the digits', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 15n - 1n }),
        fc.integer({ min: 1, max: 15 }),
        fc.bigInt({ min: 1n, max: 10n ** 15n - 1n }),
        (source, length, number) => {
          // A prefix of a real number half the time, any digits otherwise.
          const digits = String(source).slice(0, length);
          const { start } = caseNumberPart(`PD-${digits}`) as { start: Array<[bigint, bigint]> };
          for (const candidate of [number, BigInt(`${digits}${String(number).slice(digits.length)}`)])
            if (candidate < 10n ** 15n)
              expect(inRanges(start, candidate)).toBe(String(candidate).startsWith(digits));
        },
      ),
    );
  });
});
