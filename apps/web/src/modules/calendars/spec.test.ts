import { describe, expect, it } from 'vitest';
import {
  addHoliday,
  addWindow,
  checkDraft,
  copyMondayToWeekdays,
  fromDraft,
  holidaysAdded,
  holidaysOf,
  isCivilDate,
  isOvernight,
  mergeHolidays,
  minutesOf,
  placeServerProblems,
  removeHoliday,
  removeWindow,
  setWindow,
  sortHolidays,
  splitDuration,
  templateDraft,
  toDraft,
  weekRuns,
} from './spec.ts';

describe('calendar spec helpers', () => {
  it('groups consecutive days with the same hours', () => {
    const day = [['09:00', '17:30'] as const];
    const runs = weekRuns({
      timeZone: 'UTC',
      week: { mon: day, tue: day, wed: day, thu: [['22:00', '06:00']], fri: day },
    });
    expect(runs.map((run) => [run.from, run.to])).toEqual([
      ['mon', 'wed'],
      ['thu', 'thu'],
      ['fri', 'fri'],
    ]);
  });

  it('knows overnight windows', () => {
    expect(isOvernight(['22:00', '06:00'])).toBe(true);
    expect(isOvernight(['09:00', '24:00'])).toBe(false);
    expect(isOvernight(['09:00', '17:00'])).toBe(false);
  });

  it('puts upcoming holidays first', () => {
    const holidays = holidaysOf({
      timeZone: 'UTC',
      always: true,
      holidays: ['2026-12-25', { date: '2025-12-25', name: 'Christmas Day' }, '2027-01-01'],
    });
    const { upcoming, past } = sortHolidays(holidays, '2026-06-01');
    expect(upcoming.map((h) => h.date)).toEqual(['2026-12-25', '2027-01-01']);
    expect(past.map((h) => h.name)).toEqual(['Christmas Day']);
  });

  it('splits seconds into hours and minutes', () => {
    expect(splitDuration(28_800)).toEqual({ hours: 8, minutes: 0 });
    expect(splitDuration(5_400)).toEqual({ hours: 1, minutes: 30 });
  });
});

describe('editing a calendar spec', () => {
  it('starts from a template', () => {
    const business = templateDraft('business', 'Europe/Warsaw');
    expect(fromDraft(business)).toEqual({
      timeZone: 'Europe/Warsaw',
      week: {
        mon: [['09:00', '17:30']],
        tue: [['09:00', '17:30']],
        wed: [['09:00', '17:30']],
        thu: [['09:00', '17:30']],
        fri: [['09:00', '17:30']],
        sat: [],
        sun: [],
      },
    });
    expect(fromDraft(templateDraft('always', 'UTC'))).toEqual({ timeZone: 'UTC', always: true });
    expect(checkDraft(templateDraft('empty', 'UTC'))).toEqual([{ field: 'week', kind: 'emptyWeek' }]);
  });

  it('round-trips a stored spec, writing a whole unnamed day as its date', () => {
    const spec = {
      timeZone: 'Europe/London',
      week: { mon: [['09:00', '17:30'] as const], sat: [['22:00', '06:00'] as const] },
      holidays: ['2026-12-25', { date: '2026-12-24', from: '13:00', to: '24:00', name: 'Christmas Eve' }],
    };
    const spec2 = fromDraft(toDraft(spec));
    expect(spec2.week?.mon).toEqual([['09:00', '17:30']]);
    expect(spec2.week?.sat).toEqual([['22:00', '06:00']]);
    expect(spec2.week?.tue).toEqual([]);
    expect(spec2.holidays).toEqual(spec.holidays);
  });

  it('adds, changes and removes windows, and copies Monday to the weekdays', () => {
    let draft = templateDraft('empty', 'UTC');
    draft = addWindow(draft, 'mon');
    expect(draft.week.mon).toEqual([['09:00', '17:00']]);
    draft = addWindow(draft, 'mon');
    expect(draft.week.mon[1]).toEqual(['18:00', '19:00']);
    draft = setWindow(draft, 'mon', 1, ['22:00', '06:00']);
    draft = copyMondayToWeekdays(draft);
    expect(draft.week.fri).toEqual([
      ['09:00', '17:00'],
      ['22:00', '06:00'],
    ]);
    expect(draft.week.sat).toEqual([]);
    draft = removeWindow(draft, 'fri', 0);
    expect(draft.week.fri).toEqual([['22:00', '06:00']]);
    expect(draft.week.mon).toHaveLength(2);
  });

  it('keeps holidays in date order', () => {
    let draft = templateDraft('business', 'UTC');
    draft = addHoliday(draft, { date: '2026-12-26', name: null, from: null, to: null });
    draft = addHoliday(draft, { date: '2026-12-24', name: 'Eve', from: '13:00', to: '24:00' });
    expect(draft.holidays.map((h) => h.date)).toEqual(['2026-12-24', '2026-12-26']);
    expect(removeHoliday(draft, 0).holidays.map((h) => h.date)).toEqual(['2026-12-26']);
  });

  it('finds the holidays an import added', () => {
    const before = { timeZone: 'UTC', always: true, holidays: ['2026-12-25'] };
    const after = { ...before, holidays: ['2026-12-25', { date: '2027-12-25', name: 'Christmas' }] };
    expect(holidaysAdded(before, after)).toEqual([
      { date: '2027-12-25', name: 'Christmas', from: null, to: null },
    ]);
  });

  it('merges holidays the draft does not have yet', () => {
    const draft = toDraft({ timeZone: 'UTC', always: true, holidays: ['2026-12-25'] });
    const merged = mergeHolidays(draft, [
      { date: '2026-12-25', name: 'Christmas', from: null, to: null },
      { date: '2026-01-01', name: null, from: null, to: null },
    ]);
    expect(merged.holidays.map((h) => h.date)).toEqual(['2026-01-01', '2026-12-25']);
  });
});

describe('checking a calendar draft', () => {
  it('reads clock times, 24:00 only as a close', () => {
    expect(minutesOf('09:30', false)).toBe(570);
    expect(minutesOf('24:00', true)).toBe(1440);
    expect(minutesOf('24:00', false)).toBeUndefined();
    expect(minutesOf('24:30', true)).toBeUndefined();
    expect(minutesOf('9:00', false)).toBeUndefined();
  });

  it('knows real dates', () => {
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('2027-02-29')).toBe(false);
    expect(isCivilDate('2200-01-01')).toBe(false);
  });

  it('finds overlapping windows, overnight ones and across the end of the week too', () => {
    const draft = templateDraft('empty', 'UTC');
    draft.week.mon = [
      ['09:00', '17:00'],
      ['16:00', '18:00'],
    ];
    draft.week.tue = [['22:00', '06:00']];
    draft.week.wed = [['05:00', '09:00']];
    draft.week.sun = [['23:00', '10:00']];
    draft.week.thu = [['09:00', '24:00']];
    draft.week.fri = [['00:00', '08:00']];
    expect(checkDraft(draft)).toEqual([
      { field: 'week/mon/0', kind: 'overlap', other: 'sun 23:00–10:00' },
      { field: 'week/mon/1', kind: 'overlap', other: 'mon 09:00–17:00' },
      { field: 'week/wed/0', kind: 'overlap', other: 'tue 22:00–06:00' },
    ]);
  });

  it('finds bad times and holiday hours', () => {
    const draft = templateDraft('empty', 'UTC');
    draft.week.mon = [['24:00', '08:00']];
    draft.week.tue = [['9', '17:00']];
    draft.holidays = [
      { date: '2026-02-30', name: null, from: null, to: null },
      { date: '2026-03-01', name: null, from: '14:00', to: '13:00' },
    ];
    expect(checkDraft(draft)).toEqual([
      { field: 'week/mon/0', kind: 'openAt2400' },
      { field: 'week/tue/0', kind: 'timeInvalid' },
      { field: 'holidays/0', kind: 'dateInvalid' },
      { field: 'holidays/1', kind: 'holidayHours' },
    ]);
  });

  it("places the server's problems next to their fields", () => {
    const draft = templateDraft('business', 'UTC');
    const { byField, unplaced } = placeServerProblems(
      [
        { path: 'body/name', message: 'is already taken' },
        { path: 'body/spec/week/mon/0/1', message: '"25:00" is not a time HH:MM (or 24:00)' },
        { path: 'body/spec/week/sat/4', message: 'gone' },
        { path: 'body/spec/timeZone', message: 'unknown time zone' },
        { path: 'body/spec/holidays/0/to', message: 'must be after "from"' },
        { path: 'headers/if-match', message: 'required' },
      ],
      draft,
    );
    expect(byField).toEqual({
      name: ['is already taken'],
      'week/mon/0': ['"25:00" is not a time HH:MM (or 24:00)'],
      'week/sat': ['gone'],
      timeZone: ['unknown time zone'],
    });
    expect(unplaced.map((problem) => problem.path)).toEqual(['body/spec/holidays/0/to', 'headers/if-match']);
  });
});
