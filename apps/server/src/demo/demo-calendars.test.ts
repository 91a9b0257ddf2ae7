import { describe, expect, it } from 'vitest';
import {
  compileCalendar,
  formatInstant,
  parseCalendarSpec,
  parseInstant,
} from '../modules/business-time/index.ts';
import { demoCalendars } from './demo-calendars.ts';

function dueOn(name: string, from: string, hours: number) {
  const calendar = compileCalendar(parseCalendarSpec(demoCalendars.find((c) => c.name === name)!.spec));
  return formatInstant(calendar.addBusinessTime(parseInstant(from)!, hours * 3_600_000), calendar.timeZone);
}

describe('demo calendars', () => {
  it('are all valid calendars', () => {
    for (const { spec } of demoCalendars) expect(() => parseCalendarSpec(spec)).not.toThrow();
  });

  it('skip Christmas and the Boxing Day substitute in the UK', () => {
    // 1.5 h on Thursday 24th; Friday 25th, the weekend and Monday 28th off; 6.5 h on Tuesday.
    expect(dueOn('UK business hours', '2026-12-24T16:00:00Z', 8)).toBe('2026-12-29T15:30:00+00:00');
  });

  it("skip Benito Juárez's birthday (third Monday of March) in Mexico City", () => {
    expect(dueOn('Mexico City business hours', '2026-03-13T17:00:00-06:00', 2)).toBe(
      '2026-03-17T10:00:00-06:00',
    );
  });
});
