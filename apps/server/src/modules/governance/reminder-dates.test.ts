import { describe, expect, it } from 'vitest';
import { addDays, civilDateIn, isCivilDate, reminderFor } from './reminder-dates.ts';

describe('civilDateIn', () => {
  it("gives the date on the account's calendar, not UTC's", () => {
    const instant = new Date('2026-03-02T23:30:00Z');
    expect(civilDateIn('UTC', instant)).toBe('2026-03-02');
    expect(civilDateIn('Asia/Shanghai', instant)).toBe('2026-03-03');
    expect(civilDateIn('America/Mexico_City', new Date('2026-03-03T04:00:00Z'))).toBe('2026-03-02');
  });

  it('follows summer time: London is an hour ahead of UTC after the last Sunday of March', () => {
    expect(civilDateIn('Europe/London', new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(civilDateIn('Europe/London', new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });

  it('handles zones a day apart at the same instant', () => {
    const instant = new Date('2026-06-15T11:00:00Z');
    expect(civilDateIn('Pacific/Kiritimati', instant)).toBe('2026-06-16');
    expect(civilDateIn('Pacific/Pago_Pago', instant)).toBe('2026-06-15');
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('reminderFor', () => {
  const today = '2026-03-02';
  it('says nothing until three days before the due date', () => {
    expect(reminderFor('2026-03-06', today)).toBeNull();
    expect(reminderFor('2026-03-05', today)).toBe('due_soon');
  });

  it('counts the due date itself as due soon, and the day after as overdue', () => {
    expect(reminderFor('2026-03-02', today)).toBe('due_soon');
    expect(reminderFor('2026-03-01', today)).toBe('overdue');
  });
});

describe('isCivilDate', () => {
  it('accepts real dates only', () => {
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('2026-02-29')).toBe(false);
    expect(isCivilDate('2026-13-01')).toBe(false);
    expect(isCivilDate('2026-3-1')).toBe(false);
    expect(isCivilDate('01/03/2026')).toBe(false);
  });
});
