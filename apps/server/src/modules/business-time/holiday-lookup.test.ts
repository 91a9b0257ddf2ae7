import { describe, expect, it } from 'vitest';
import { compileCalendar, compileCalendarHistory, holidaysBetween, parseInstant } from './index.ts';

function at(text: string): number {
  const instant = parseInstant(text);
  if (instant === undefined) throw new Error(`bad instant in test: ${text}`);
  return instant;
}

const london = compileCalendar({
  timeZone: 'Europe/London',
  week: { mon: [['09:00', '17:30']], tue: [['09:00', '17:30']] },
  holidays: [
    { date: '2024-04-01', name: 'Easter Monday' },
    '2024-03-29',
    { date: '2024-12-24', from: '13:00', to: '24:00', name: 'Christmas Eve' },
  ],
});

describe('holidaysBetween', () => {
  it('gives the holidays overlapping a span as local days, in order, across a DST change', () => {
    expect(holidaysBetween(london, at('2024-03-28T12:00Z'), at('2024-04-03T12:00Z'))).toEqual([
      {
        date: '2024-03-29',
        name: null,
        start: at('2024-03-29T00:00Z'),
        end: at('2024-03-30T00:00Z'),
        isWholeDay: true,
      },
      {
        // After the change to BST on 31 March: the local day starts at 23:00Z.
        date: '2024-04-01',
        name: 'Easter Monday',
        start: at('2024-03-31T23:00Z'),
        end: at('2024-04-01T23:00Z'),
        isWholeDay: true,
      },
    ]);
  });

  it('gives part-day holidays their hours and leaves out those outside the span', () => {
    expect(holidaysBetween(london, at('2024-12-24T15:00Z'), at('2024-12-25T00:00Z'))).toEqual([
      {
        date: '2024-12-24',
        name: 'Christmas Eve',
        start: at('2024-12-24T13:00Z'),
        end: at('2024-12-25T00:00Z'),
        isWholeDay: false,
      },
    ]);
    expect(holidaysBetween(london, at('2024-12-24T00:00Z'), at('2024-12-24T13:00Z'))).toEqual([]);
  });

  it('reads each era of a calendar that changed: a holiday added later counts from the change on', () => {
    const before = { timeZone: 'Europe/London', week: { mon: [['09:00', '17:30']] as const } };
    const changed = compileCalendarHistory([
      { from: null, spec: before },
      // Made at noon on the day itself: the morning was already worked under the old calendar.
      {
        from: at('2024-05-06T11:00Z'),
        spec: { ...before, holidays: [{ date: '2024-05-06', name: 'Early May' }, '2024-05-27'] },
      },
    ]);
    expect(holidaysBetween(changed, at('2024-05-01T00:00Z'), at('2024-06-01T00:00Z'))).toEqual([
      {
        date: '2024-05-06',
        name: 'Early May',
        start: at('2024-05-06T11:00Z'),
        end: at('2024-05-06T23:00Z'),
        isWholeDay: false,
      },
      {
        date: '2024-05-27',
        name: null,
        start: at('2024-05-26T23:00Z'),
        end: at('2024-05-27T23:00Z'),
        isWholeDay: true,
      },
    ]);
    // The maths agrees: 08:00–11:00Z counted on the 6th, nothing after; the 13th counts in full.
    expect(changed.businessElapsed(at('2024-05-06T00:00Z'), at('2024-05-07T00:00Z'))).toBe(3 * 3_600_000);
  });
});
