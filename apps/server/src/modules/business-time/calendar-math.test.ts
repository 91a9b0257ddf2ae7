import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.ts';
import {
  actualElapsed,
  compileCalendar,
  compileCalendarHistory,
  formatInstant,
  parseInstant,
  type CalendarSpec,
  type WindowSpec,
} from './index.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;

function at(text: string): number {
  const instant = parseInstant(text);
  if (instant === undefined) throw new Error(`bad instant in test: ${text}`);
  return instant;
}

function weekdays(
  timeZone: string,
  windows: WindowSpec[],
  holidays: CalendarSpec['holidays'] = [],
): CalendarSpec {
  return {
    timeZone,
    week: { mon: windows, tue: windows, wed: windows, thu: windows, fri: windows },
    holidays,
  };
}

function everyDay(
  timeZone: string,
  windows: WindowSpec[],
  holidays: CalendarSpec['holidays'] = [],
): CalendarSpec {
  const w = windows;
  return { timeZone, week: { mon: w, tue: w, wed: w, thu: w, fri: w, sat: w, sun: w }, holidays };
}

/** addBusinessTime, printed in the calendar's zone. */
function due(spec: CalendarSpec, from: string, hours: number, pauses: Array<[string, string]> = []): string {
  const calendar = compileCalendar(spec);
  const pauseList = pauses.map(([start, end]) => ({ start: at(start), end: at(end) }));
  return formatInstant(
    calendar.addBusinessTime(at(from), Math.round(hours * HOUR), pauseList),
    calendar.timeZone,
  );
}

function elapsedHours(
  spec: CalendarSpec,
  from: string,
  to: string,
  pauses: Array<[string, string]> = [],
): number {
  const pauseList = pauses.map(([start, end]) => ({ start: at(start), end: at(end) }));
  return compileCalendar(spec).businessElapsed(at(from), at(to), pauseList) / HOUR;
}

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return isAppError(error) ? error.code : `not an AppError: ${String(error)}`;
  }
  return undefined;
}

const newYork9to5 = weekdays('America/New_York', [['09:00', '17:00']]);

describe('the due-time convention', () => {
  it('is due at a window close when the target runs out exactly there, not at the next open', () => {
    expect(due(newYork9to5, '2024-03-04T16:00:00-05:00', 1)).toBe('2024-03-04T17:00:00-05:00');
  });

  it('starts counting at the next open when the clock starts outside business hours', () => {
    expect(due(newYork9to5, '2024-03-02T10:00:00-05:00', 1)).toBe('2024-03-04T10:00:00-05:00');
  });

  it('is due at once for a zero target, even outside business hours', () => {
    expect(due(newYork9to5, '2024-03-02T10:00:00-05:00', 0)).toBe('2024-03-02T10:00:00-05:00');
  });

  it('treats windows as half-open: an instant at the close counts nothing after it', () => {
    expect(elapsedHours(newYork9to5, '2024-03-04T17:00:00-05:00', '2024-03-05T09:00:00-05:00')).toBe(0);
  });

  it('works in whole milliseconds', () => {
    const calendar = compileCalendar(newYork9to5);
    expect(calendar.addBusinessTime(at('2024-03-04T16:59:59.999-05:00'), 1)).toBe(
      at('2024-03-04T17:00:00-05:00'),
    );
    expect(calendar.addBusinessTime(at('2024-03-04T17:00:00-05:00'), 1)).toBe(
      at('2024-03-05T09:00:00.001-05:00'),
    );
  });

  it('crosses a lunch break between two windows of one day', () => {
    const split = weekdays('Europe/London', [
      ['09:00', '12:30'],
      ['13:30', '17:30'],
    ]);
    expect(due(split, '2024-03-04T11:00:00Z', 3)).toBe('2024-03-04T15:00:00+00:00');
    expect(elapsedHours(split, '2024-03-04T00:00:00Z', '2024-03-05T00:00:00Z')).toBe(7.5);
  });
});

describe('overnight windows', () => {
  const nights = weekdays('America/New_York', [['22:00', '06:00']]);

  it("run past midnight: Friday's night shift ends Saturday 06:00, Saturday has none", () => {
    expect(elapsedHours(nights, '2024-03-08T00:00:00-05:00', '2024-03-11T00:00:00-04:00')).toBe(6 + 8);
    expect(due(nights, '2024-03-08T23:00:00-05:00', 10)).toBe('2024-03-12T01:00:00-04:00');
  });

  it('lose their after-midnight part to a holiday on the next day', () => {
    const withSaturdayHoliday = weekdays('America/New_York', [['22:00', '06:00']], ['2024-03-09']);
    expect(due(withSaturdayHoliday, '2024-03-08T23:00:00-05:00', 1)).toBe('2024-03-09T00:00:00-05:00');
    expect(due(withSaturdayHoliday, '2024-03-08T23:00:00-05:00', 2)).toBe('2024-03-11T23:00:00-04:00');
  });

  it('are the same whether written as one window or split at midnight', () => {
    const split = everyDay('Europe/Warsaw', [
      ['00:00', '06:00'],
      ['22:00', '24:00'],
    ]);
    const whole = everyDay('Europe/Warsaw', [['22:00', '06:00']]);
    for (const [from, hours] of [
      ['2024-03-04T05:00:00+01:00', 4],
      ['2024-03-30T21:00:00+01:00', 13],
      ['2024-10-26T23:30:00+02:00', 20],
    ] as const)
      expect(due(split, from, hours)).toBe(due(whole, from, hours));
  });

  it('can cover a whole day when close equals open', () => {
    const allDayFromNine = weekdays('UTC', [['09:00', '09:00']]);
    expect(elapsedHours(allDayFromNine, '2024-03-04T09:00:00Z', '2024-03-05T09:00:00Z')).toBe(24);
  });
});

describe('year ends', () => {
  const withHolidays = weekdays(
    'America/New_York',
    [['09:00', '17:00']],
    [{ date: '2024-12-31', from: '13:00', to: '24:00' }, '2025-01-01'],
  );

  it('carries a target from one year into the next, skipping New Year', () => {
    expect(due(withHolidays, '2024-12-31T12:00:00-05:00', 3)).toBe('2025-01-02T11:00:00-05:00');
    expect(elapsedHours(withHolidays, '2024-12-30T00:00:00-05:00', '2025-01-03T00:00:00-05:00')).toBe(
      8 + 4 + 8,
    );
  });

  it('runs an overnight shift through midnight on 31 December', () => {
    expect(due(everyDay('Europe/Warsaw', [['22:00', '06:00']]), '2024-12-31T23:00:00+01:00', 2)).toBe(
      '2025-01-01T01:00:00+01:00',
    );
  });

  it('counts a leap day', () => {
    const always = { timeZone: 'UTC', always: true } as const;
    expect(elapsedHours(always, '2024-02-28T00:00:00Z', '2024-03-01T00:00:00Z')).toBe(48);
  });
});

describe('holidays', () => {
  it('remove a whole local day', () => {
    const calendar = weekdays('America/New_York', [['09:00', '17:00']], ['2024-05-27']);
    expect(due(calendar, '2024-05-24T16:00:00-04:00', 8)).toBe('2024-05-28T16:00:00-04:00');
  });

  it('remove part of a day, up to the end of the day with 24:00', () => {
    const eve = weekdays(
      'America/New_York',
      [['09:00', '17:00']],
      [{ date: '2024-12-24', from: '13:00', to: '24:00' }],
    );
    expect(due(eve, '2024-12-24T12:00:00-05:00', 2)).toBe('2024-12-25T10:00:00-05:00');
    expect(elapsedHours(eve, '2024-12-24T00:00:00-05:00', '2024-12-25T00:00:00-05:00')).toBe(4);
  });

  it('remove a stretch in the middle of a window', () => {
    const training = weekdays(
      'Europe/London',
      [['09:00', '17:00']],
      [{ date: '2024-03-05', from: '12:00', to: '14:00' }],
    );
    expect(due(training, '2024-03-05T11:00:00Z', 2)).toBe('2024-03-05T15:00:00+00:00');
  });

  it('may overlap one another and count once', () => {
    const twice = weekdays(
      'Europe/London',
      [['09:00', '17:00']],
      ['2024-03-05', { date: '2024-03-05', from: '10:00', to: '12:00' }],
    );
    expect(elapsedHours(twice, '2024-03-04T00:00:00Z', '2024-03-07T00:00:00Z')).toBe(16);
  });

  it('apply to 24×7 calendars too', () => {
    const always: CalendarSpec = { timeZone: 'America/New_York', always: true, holidays: ['2024-12-25'] };
    expect(due(always, '2024-12-24T23:00:00-05:00', 2)).toBe('2024-12-26T01:00:00-05:00');
  });
});

describe('24×7', () => {
  const always: CalendarSpec = { timeZone: 'Europe/London', always: true };

  it('counts real elapsed time', () => {
    const calendar = compileCalendar(always);
    const from = at('2024-06-01T10:30:00Z');
    expect(calendar.addBusinessTime(from, 1234567)).toBe(from + 1234567);
    expect(calendar.businessElapsed(from, from + 10 * 24 * HOUR)).toBe(10 * 24 * HOUR);
  });

  it('is 23 and 25 real hours on the DST change days', () => {
    expect(elapsedHours(always, '2024-03-31T00:00:00+00:00', '2024-04-01T00:00:00+01:00')).toBe(23);
    expect(elapsedHours(always, '2024-10-27T00:00:00+01:00', '2024-10-28T00:00:00+00:00')).toBe(25);
  });
});

describe('daylight saving time', () => {
  it('keeps a 09:00–17:00 window at 09:00–17:00 local on both sides of a change (New York)', () => {
    expect(due(newYork9to5, '2024-03-08T16:00:00-05:00', 2)).toBe('2024-03-11T10:00:00-04:00');
    expect(due(newYork9to5, '2024-11-01T16:00:00-04:00', 2)).toBe('2024-11-04T10:00:00-05:00');
  });

  for (const [zone, spring, autumn, springOffset, autumnOffset] of [
    ['America/New_York', '2024-03-09', '2024-11-02', ['-05:00', '-04:00'], ['-04:00', '-05:00']],
    ['Europe/London', '2024-03-30', '2024-10-26', ['+00:00', '+01:00'], ['+01:00', '+00:00']],
    ['Europe/Warsaw', '2024-03-30', '2024-10-26', ['+01:00', '+02:00'], ['+02:00', '+01:00']],
  ] as const) {
    it(`makes a 22:00–06:00 night 7 real hours in spring and 9 in autumn (${zone})`, () => {
      const nights = everyDay(zone, [['22:00', '06:00']]);
      const night = (date: string, [before, after]: readonly [string, string]) =>
        elapsedHours(nights, `${date}T20:00:00${before}`, `${nextDay(date)}T08:00:00${after}`);
      expect(night(spring, springOffset)).toBe(7);
      expect(night(autumn, autumnOffset)).toBe(9);
    });

    it(`makes a whole-day window 23 and 25 real hours (${zone})`, () => {
      const days = everyDay(zone, [['00:00', '24:00']]);
      const day = (date: string, [before, after]: readonly [string, string]) =>
        elapsedHours(
          days,
          `${nextDay(date)}T00:00:00${before}`,
          `${nextDay(nextDay(date))}T00:00:00${after}`,
        );
      expect(day(spring, springOffset)).toBe(23);
      expect(day(autumn, autumnOffset)).toBe(25);
    });
  }

  it('moves a window boundary in the spring gap forward by the gap (02:30 → 03:30 EDT)', () => {
    const sunday: CalendarSpec = { timeZone: 'America/New_York', week: { sun: [['02:30', '04:00']] } };
    expect(elapsedHours(sunday, '2024-03-10T00:00:00-05:00', '2024-03-11T00:00:00-04:00')).toBe(0.5);
    expect(due(sunday, '2024-03-10T00:00:00-05:00', 1 / 6)).toBe('2024-03-10T03:40:00-04:00');
  });

  it('takes the first occurrence of a repeated autumn time (01:30 EDT, not 01:30 EST)', () => {
    const sunday: CalendarSpec = { timeZone: 'America/New_York', week: { sun: [['01:30', '05:00']] } };
    expect(due(sunday, '2024-11-03T00:00:00-04:00', 1 / 60)).toBe('2024-11-03T01:31:00-04:00');
    expect(elapsedHours(sunday, '2024-11-03T00:00:00-04:00', '2024-11-04T00:00:00-05:00')).toBe(4.5);
  });
});

describe('Mexico City (no DST since the end of October 2022)', () => {
  const nights = everyDay('America/Mexico_City', [['22:00', '06:00']]);

  it('had its last change on 30 October 2022: that night is 9 hours', () => {
    expect(elapsedHours(nights, '2022-10-29T20:00:00-05:00', '2022-10-30T08:00:00-06:00')).toBe(9);
  });

  it('no longer changes on the old April date: the night of 1–2 April 2023 is 8 hours', () => {
    expect(elapsedHours(nights, '2023-04-01T20:00:00-06:00', '2023-04-02T08:00:00-06:00')).toBe(8);
    expect(due(nights, '2023-04-01T23:00:00-06:00', 5)).toBe('2023-04-02T04:00:00-06:00');
  });
});

describe('pauses', () => {
  it('push the due time out by the business time they cover', () => {
    expect(
      due(newYork9to5, '2024-03-04T09:00:00-05:00', 4, [
        ['2024-03-04T10:00:00-05:00', '2024-03-04T11:00:00-05:00'],
      ]),
    ).toBe('2024-03-04T14:00:00-05:00');
  });

  it('change nothing outside business hours', () => {
    expect(
      due(newYork9to5, '2024-03-04T16:00:00-05:00', 2, [
        ['2024-03-04T18:00:00-05:00', '2024-03-05T08:00:00-05:00'],
      ]),
    ).toBe('2024-03-05T10:00:00-05:00');
  });

  it('may span a close and the next open, start before the clock, and overlap (counted once)', () => {
    expect(
      due(newYork9to5, '2024-03-04T09:00:00-05:00', 8, [
        ['2024-03-04T16:00:00-05:00', '2024-03-05T10:00:00-05:00'],
        ['2024-03-05T09:30:00-05:00', '2024-03-05T09:45:00-05:00'],
        ['2024-03-04T08:00:00-05:00', '2024-03-04T09:30:00-05:00'],
      ]),
    ).toBe('2024-03-05T11:30:00-05:00');
  });

  it('are subtracted from elapsed business and actual time alike', () => {
    const pauses: Array<[string, string]> = [['2024-03-05T08:00:00-05:00', '2024-03-05T10:00:00-05:00']];
    expect(elapsedHours(newYork9to5, '2024-03-04T15:00:00-05:00', '2024-03-05T12:00:00-05:00', pauses)).toBe(
      4,
    );
    expect(
      actualElapsed(at('2024-03-04T15:00:00-05:00'), at('2024-03-05T12:00:00-05:00'), [
        { start: at(pauses[0]![0]), end: at(pauses[0]![1]) },
      ]) / HOUR,
    ).toBe(19);
  });

  it('refuses a pause that ends before it starts', () => {
    const calendar = compileCalendar(newYork9to5);
    const from = at('2024-03-04T09:00:00-05:00');
    expect(codeOf(() => calendar.addBusinessTime(from, HOUR, [{ start: from + HOUR, end: from }]))).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('the compiled range', () => {
  it('grows to reach far instants and long targets, both ways', () => {
    const calendar = compileCalendar(newYork9to5);
    const from = at('2024-03-04T09:00:00-05:00');
    const threeYears = 3 * 52 * 40 * HOUR;
    const far = calendar.addBusinessTime(from, threeYears);
    expect(calendar.businessElapsed(from, far)).toBe(threeYears);
    expect(calendar.businessElapsed(at('1975-01-06T09:00:00-05:00'), at('1975-01-06T17:00:00-05:00'))).toBe(
      8 * HOUR,
    );
    expect(due(newYork9to5, '2150-01-02T16:00:00-05:00', 2)).toBe('2150-01-05T10:00:00-05:00');
    expect(calendar.businessElapsed(from, far)).toBe(threeYears);
  });

  it('compiles the whole supported range of a calendar with many windows a day', () => {
    const windows: WindowSpec[] = [
      ['01:00', '02:00'],
      ['07:00', '08:00'],
      ['13:00', '14:00'],
      ['19:00', '20:00'],
    ];
    const spec: CalendarSpec = {
      timeZone: 'UTC',
      week: {
        sun: windows,
        mon: windows,
        tue: windows,
        wed: windows,
        thu: windows,
        fri: windows,
        sat: windows,
      },
    };
    // About 336,000 intervals: more than one call can take as arguments.
    const from = at('1970-01-01T00:00:00Z');
    const to = at('2199-12-31T00:00:00Z');
    expect(compileCalendar(spec).businessElapsed(from, to)).toBe(((to - from) / (24 * HOUR)) * 4 * HOUR);
  });

  it('refuses instants outside 1970 … 2199 and due times past 2199', () => {
    const calendar = compileCalendar(newYork9to5);
    expect(codeOf(() => calendar.addBusinessTime(at('1969-12-31T12:00:00Z'), HOUR))).toBe(
      'CALENDAR_OUT_OF_RANGE',
    );
    expect(
      codeOf(() => calendar.businessElapsed(at('2024-01-01T00:00:00Z'), at('2200-01-02T00:00:00Z'))),
    ).toBe('CALENDAR_OUT_OF_RANGE');
    expect(codeOf(() => calendar.addBusinessTime(at('2199-12-30T12:00:00Z'), 40 * HOUR))).toBe(
      'CALENDAR_OUT_OF_RANGE',
    );
  });

  it('refuses instants and durations that are not whole milliseconds, and spans that run backwards', () => {
    const calendar = compileCalendar(newYork9to5);
    const from = at('2024-03-04T09:00:00-05:00');
    expect(codeOf(() => calendar.addBusinessTime(Number.NaN, HOUR))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => calendar.addBusinessTime(from, 1.5))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => calendar.addBusinessTime(from, -MINUTE))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => calendar.businessElapsed(from, from - 1))).toBe('VALIDATION_FAILED');
  });
});

describe('a calendar that changed', () => {
  const office = weekdays('Europe/London', [['09:00', '17:30']]);
  const extended = weekdays('Europe/London', [['08:00', '20:00']]);
  // Longer hours from Wednesday 2024-03-06 12:00 (GMT).
  const change = at('2024-03-06T12:00Z');
  const calendar = compileCalendarHistory([
    { from: null, spec: office },
    { from: change, spec: extended },
  ]);

  it('counts each stretch by the hours in force then, a window cut by the change included', () => {
    // Tuesday 09:00–17:30; Wednesday 09:00–12:00 then 12:00–20:00; Thursday 08:00–20:00.
    expect(calendar.businessElapsed(at('2024-03-05T00:00Z'), at('2024-03-08T00:00Z'))).toBe(
      8.5 * HOUR + 11 * HOUR + 12 * HOUR,
    );
    // 8 hours from Wednesday 09:00: 3 before the change, 5 after it (until 17:00, not 17:30 on Tuesday's hours).
    expect(calendar.addBusinessTime(at('2024-03-06T09:00Z'), 8 * HOUR)).toBe(at('2024-03-06T17:00Z'));
    expect(calendar.spec).toMatchObject({ week: { mon: [['08:00', '20:00']] } });
  });

  it('stands as it was up to an instant: the change left out at and after it', () => {
    const before = calendar.inForceBefore(change);
    expect(before.spec).toMatchObject({ week: { mon: [['09:00', '17:30']] } });
    expect(before.addBusinessTime(at('2024-03-06T09:00Z'), 8 * HOUR)).toBe(
      compileCalendar(office).addBusinessTime(at('2024-03-06T09:00Z'), 8 * HOUR),
    );
    expect(calendar.inForceBefore(change)).toBe(before);
    expect(calendar.inForceBefore(change + 1)).toBe(calendar);
  });
});

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
}
