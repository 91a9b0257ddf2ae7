import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { compileCalendar, parseCalendarSpec } from './index.ts';

const nineToFive = [['09:00', '17:00']] as const;

/** The problems a calendar is refused for, as `path: message` lines. */
function problemsOf(input: unknown): string[] {
  try {
    parseCalendarSpec(input);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'CALENDAR_INVALID') throw error;
    return (error.extra.errors ?? []).map((e) => `${e.path}: ${e.message}`);
  }
  throw new Error('the calendar was accepted');
}

describe('parseCalendarSpec', () => {
  it('accepts the documented form and returns it normalised', () => {
    expect(
      parseCalendarSpec({
        timeZone: 'US/Eastern',
        week: { mon: nineToFive, fri: [['22:00', '06:00']] },
        holidays: [
          '2024-05-27',
          { date: '2024-12-24', from: '13:00', to: '24:00' },
          { date: '2024-12-25', name: 'Christmas' },
        ],
      }),
    ).toEqual({
      timeZone: 'America/New_York',
      week: { mon: nineToFive, tue: [], wed: [], thu: [], fri: [['22:00', '06:00']], sat: [], sun: [] },
      holidays: [
        '2024-05-27',
        { date: '2024-12-24', from: '13:00', to: '24:00' },
        { date: '2024-12-25', name: 'Christmas' },
      ],
    });
    expect(parseCalendarSpec({ timeZone: 'Europe/London', always: true })).toEqual({
      timeZone: 'Europe/London',
      always: true,
    });
  });

  it('refuses an unknown time zone and a fixed offset', () => {
    expect(problemsOf({ timeZone: 'Mars/Olympus_Mons', always: true })).toEqual([
      '/timeZone: unknown time zone "Mars/Olympus_Mons"',
    ]);
    expect(problemsOf({ timeZone: '+05:00', always: true })).toEqual([
      '/timeZone: unknown time zone "+05:00"',
    ]);
    expect(problemsOf({ always: true })).toEqual(['/timeZone: required: an IANA time zone name']);
  });

  it('refuses overlapping windows on one day, across midnight, and from Sunday into Monday', () => {
    expect(
      problemsOf({
        timeZone: 'UTC',
        week: {
          mon: [
            ['09:00', '13:00'],
            ['12:00', '17:00'],
          ],
          wed: [['22:00', '06:00']],
          thu: [['05:00', '09:00']],
          sun: [['23:00', '10:00']],
        },
      }),
    ).toEqual([
      '/week/mon/0: mon 09:00–13:00 overlaps sun 23:00–10:00',
      '/week/mon/1: mon 12:00–17:00 overlaps mon 09:00–13:00',
      '/week/thu/0: thu 05:00–09:00 overlaps wed 22:00–06:00',
    ]);
  });

  it('accepts windows that touch', () => {
    expect(() =>
      parseCalendarSpec({
        timeZone: 'UTC',
        week: {
          mon: [
            ['00:00', '12:00'],
            ['12:00', '24:00'],
          ],
          tue: [['18:00', '06:00']],
          wed: [['06:00', '18:00']],
        },
      }),
    ).not.toThrow();
  });

  it('refuses an empty week, or none', () => {
    const empty = 'the week has no business hours: give at least one window, or "always": true for 24×7';
    expect(problemsOf({ timeZone: 'UTC', week: {} })).toEqual([`/week: ${empty}`]);
    expect(problemsOf({ timeZone: 'UTC', week: { mon: [], sun: [] } })).toEqual([`/week: ${empty}`]);
    expect(problemsOf({ timeZone: 'UTC' })).toEqual([
      '/week: required: the weekly windows, or "always": true for 24×7',
    ]);
  });

  it('refuses malformed times, naming each', () => {
    expect(
      problemsOf({
        timeZone: 'UTC',
        week: {
          mon: [['9:00', '17:00']],
          tue: [['24:00', '06:00']],
          wed: [['09:00', '24:30']],
          thu: [['09:00']],
          fri: 'nine to five',
        },
      }),
    ).toEqual([
      '/week/mon/0/0: "9:00" is not a time HH:MM',
      '/week/tue/0/0: 24:00 can only close a window',
      '/week/wed/0/1: "24:30" is not a time HH:MM (or 24:00)',
      '/week/thu/0: a window is ["HH:MM", "HH:MM"]',
      '/week/fri: must be an array of ["HH:MM", "HH:MM"] windows',
    ]);
  });

  it('refuses holidays that are not dates or fall outside the calendar range (1970 … 2199)', () => {
    expect(
      problemsOf({
        timeZone: 'UTC',
        always: true,
        holidays: [
          '2024-02-30',
          '1969-12-31',
          '2200-01-01',
          { date: '2024-12-24', from: '13:00' },
          { date: '2024-12-24', from: '13:00', to: '12:00' },
          { date: '2024-12-24', from: '13:00', to: '24:00', note: 'x' },
          42,
        ],
      }),
    ).toEqual([
      '/holidays/0: "2024-02-30" is not a date YYYY-MM-DD',
      "/holidays/1: 1969-12-31 is outside the calendar's range (1970-01-01 … 2199-12-31)",
      "/holidays/2: 2200-01-01 is outside the calendar's range (1970-01-01 … 2199-12-31)",
      '/holidays/3: give both "from" and "to" for part of a day, or neither for the whole day',
      '/holidays/4/to: must be after "from" (13:00)',
      '/holidays/5/note: unknown field "note"',
      '/holidays/6: a holiday is "YYYY-MM-DD" or { "date", "from", "to", "name" }',
    ]);
  });

  it('refuses unknown fields and a 24×7 calendar with a week', () => {
    expect(
      problemsOf({ timeZone: 'UTC', always: true, week: { mon: nineToFive }, holiday: ['2024-01-01'] }),
    ).toEqual(['/holiday: unknown field "holiday"', '/week: a 24×7 calendar ("always": true) has no week']);
    expect(problemsOf({ timeZone: 'UTC', always: false })).toEqual([
      '/always: must be true (leave it out for a weekly calendar)',
    ]);
    expect(problemsOf({ timeZone: 'UTC', week: { monday: nineToFive, tue: nineToFive } })).toEqual([
      '/week/monday: unknown day "monday" (use mon, tue, wed, thu, fri, sat, sun)',
    ]);
    expect(problemsOf('09:00-17:00')).toEqual([': a calendar must be a JSON object']);
  });

  it('names the first problem in the message and counts the rest', () => {
    expect(() => parseCalendarSpec({ timeZone: 'Nowhere', week: {} })).toThrow(
      'The calendar is not valid: /timeZone: unknown time zone "Nowhere" (and 1 more)',
    );
  });

  it('is applied by compileCalendar too', () => {
    expect(() => compileCalendar({ timeZone: 'Nowhere', always: true })).toThrow(AppError);
  });
});
