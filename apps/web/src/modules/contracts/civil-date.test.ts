import { describe, expect, it } from 'vitest';
import { addYears, todayCivil } from './civil-date.ts';

describe('civil dates', () => {
  it('moves a date by whole years, keeping the last day of February', () => {
    expect(addYears('2026-12-31', 1)).toBe('2027-12-31');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('reads today on the local calendar', () => {
    expect(todayCivil(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
