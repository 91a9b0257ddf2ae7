import { describe, expect, it } from 'vitest';
import { holidaysOf, isOvernight, sortHolidays, splitDuration, weekRuns } from './spec.ts';

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
