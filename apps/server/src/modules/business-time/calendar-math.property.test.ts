import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileCalendar,
  compileCalendarHistory,
  type CalendarSpec,
  type Pause,
  type Weekday,
  type WindowSpec,
} from './index.ts';

/**
 * Properties of the business-time maths on fixed realistic calendars and random ones, checked against
 * an independent oracle that reads wall-clock time straight from `Intl` for each instant.
 *
 * Random calendars keep window and holiday boundaries at or after 04:00 (or at midnight) so that none
 * falls in a DST gap or repeat of the zones used, where the maths' documented mapping (forward / first
 * occurrence) and plain wall-clock membership legitimately differ; those cases have unit tests.
 */

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RANGE_START = Date.UTC(2023, 0, 1);
const RANGE_END = Date.UTC(2026, 0, 1);

const zones = [
  'America/New_York',
  'Europe/London',
  'Europe/Warsaw',
  'America/Mexico_City',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
] as const;
const weekdayNames: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const fixedCalendars: CalendarSpec[] = [
  {
    timeZone: 'America/Mexico_City',
    week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '18:00']]])),
    holidays: [
      '2024-02-05',
      '2024-03-18',
      '2024-05-01',
      '2024-09-16',
      '2024-11-18',
      '2024-12-25',
      '2025-01-01',
    ],
  },
  {
    timeZone: 'Europe/Warsaw',
    week: Object.fromEntries(weekdayNames.map((d) => [d, [['22:00', '06:00']]])),
    holidays: ['2024-12-25', { date: '2024-12-24', from: '18:00', to: '24:00' }],
  },
  {
    timeZone: 'America/New_York',
    week: {
      mon: [
        ['08:00', '12:00'],
        ['13:00', '17:30'],
      ],
      wed: [['09:00', '24:00']],
      thu: [['00:00', '05:00']],
      sat: [['10:00', '14:00']],
    },
    holidays: ['2024-05-27', { date: '2024-07-03', from: '12:00', to: '24:00' }],
  },
  { timeZone: 'Europe/London', always: true, holidays: ['2024-12-25', '2024-12-26'] },
];

/** Day windows within 08:00–20:00, and maybe a night window opening 20:00–23:45, closing 04:00–07:45. */
const dayWindows = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 32, max: 80 }), { maxLength: 4 }),
    fc.option(fc.tuple(fc.integer({ min: 80, max: 95 }), fc.integer({ min: 16, max: 31 }))),
  )
  .map(([boundaries, night]): WindowSpec[] => {
    const sorted = boundaries.map((q) => q * 15).sort((a, b) => a - b);
    const windows: WindowSpec[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) windows.push([clock(sorted[i]!), clock(sorted[i + 1]!)]);
    if (night) windows.push([clock(night[0] * 15), clock(night[1] * 15)]);
    return windows;
  });

const holidayArbitrary = fc.oneof(
  fc.integer({ min: RANGE_START / DAY, max: RANGE_END / DAY - 1 }).map((day) => isoDate(day)),
  fc
    .tuple(
      fc.integer({ min: RANGE_START / DAY, max: RANGE_END / DAY - 1 }),
      fc.integer({ min: 16, max: 95 }),
      fc.integer({ min: 1, max: 40 }),
    )
    .map(([day, from, length]) => ({
      date: isoDate(day),
      from: clock(from * 15),
      to: clock(Math.min(96, from + length) * 15),
    })),
);

const randomCalendar: fc.Arbitrary<CalendarSpec> = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    days: fc.array(dayWindows, { minLength: 7, maxLength: 7 }),
    holidays: fc.array(holidayArbitrary, { maxLength: 30 }),
  })
  .filter(({ days }) => days.some((windows) => windows.length > 0))
  .map(({ timeZone, days, holidays }) => ({
    timeZone,
    week: Object.fromEntries(weekdayNames.map((name, i) => [name, days[i]!])),
    holidays,
  }));

const calendarArbitrary = fc.oneof(fc.constantFrom(...fixedCalendars), randomCalendar);

/** Any millisecond, or one on a quarter-hour, which lands on window boundaries often. */
const instantArbitrary = fc.oneof(
  fc.integer({ min: RANGE_START, max: RANGE_END }),
  fc.integer({ min: RANGE_START / QUARTER, max: RANGE_END / QUARTER }).map((q) => q * QUARTER),
);
const durationArbitrary = fc.oneof(
  fc.integer({ min: 0, max: 300 * HOUR }),
  fc.integer({ min: 0, max: 1200 }).map((q) => q * QUARTER),
);
const pausesArbitrary = (from: number): fc.Arbitrary<Pause[]> =>
  fc.array(
    fc
      .tuple(fc.integer({ min: -2 * DAY, max: 10 * DAY }), fc.integer({ min: 0, max: 3 * DAY }))
      .map(([offset, length]) => ({ start: from + offset, end: from + offset + length })),
    { maxLength: 3 },
  );

const withPauses = <T extends { from: number }>(arbitrary: fc.Arbitrary<T>) =>
  arbitrary.chain((value) => pausesArbitrary(value.from).map((pauses) => ({ ...value, pauses })));

const runs = { numRuns: 300 };

describe('business-time maths (properties)', () => {
  it('elapsed(from, add(from, d)) = d, with and without pauses', () => {
    fc.assert(
      fc.property(
        withPauses(fc.record({ spec: calendarArbitrary, from: instantArbitrary, d: durationArbitrary })),
        ({ spec, from, d, pauses }) => {
          const calendar = compileCalendar(spec);
          expect(calendar.businessElapsed(from, calendar.addBusinessTime(from, d))).toBe(d);
          expect(calendar.businessElapsed(from, calendar.addBusinessTime(from, d, pauses), pauses)).toBe(d);
        },
      ),
      runs,
    );
  });

  it('add is monotonic in the duration and in the start', () => {
    fc.assert(
      fc.property(
        withPauses(
          fc.record({
            spec: calendarArbitrary,
            from: instantArbitrary,
            later: fc.integer({ min: 0, max: 5 * DAY }),
            d: durationArbitrary,
            more: durationArbitrary,
          }),
        ),
        ({ spec, from, later, d, more, pauses }) => {
          const calendar = compileCalendar(spec);
          const due = calendar.addBusinessTime(from, d, pauses);
          expect(calendar.addBusinessTime(from, d + more, pauses)).toBeGreaterThanOrEqual(due);
          expect(calendar.addBusinessTime(from + later, d, pauses)).toBeGreaterThanOrEqual(due);
        },
      ),
      runs,
    );
  });

  it('add(add(t, a), b) = add(t, a + b), with and without pauses', () => {
    fc.assert(
      fc.property(
        withPauses(
          fc.record({
            spec: calendarArbitrary,
            from: instantArbitrary,
            a: durationArbitrary,
            b: durationArbitrary,
          }),
        ),
        ({ spec, from, a, b, pauses }) => {
          const calendar = compileCalendar(spec);
          expect(calendar.addBusinessTime(calendar.addBusinessTime(from, a), b)).toBe(
            calendar.addBusinessTime(from, a + b),
          );
          expect(calendar.addBusinessTime(calendar.addBusinessTime(from, a, pauses), b, pauses)).toBe(
            calendar.addBusinessTime(from, a + b, pauses),
          );
        },
      ),
      runs,
    );
  });

  it('elapsed is additive over any split point, with and without pauses', () => {
    fc.assert(
      fc.property(
        withPauses(
          fc.record({
            spec: calendarArbitrary,
            from: instantArbitrary,
            first: fc.integer({ min: 0, max: 20 * DAY }),
            second: fc.integer({ min: 0, max: 20 * DAY }),
          }),
        ),
        ({ spec, from, first, second, pauses }) => {
          const calendar = compileCalendar(spec);
          const middle = from + first;
          const to = middle + second;
          for (const list of [[], pauses])
            expect(
              calendar.businessElapsed(from, middle, list) + calendar.businessElapsed(middle, to, list),
            ).toBe(calendar.businessElapsed(from, to, list));
        },
      ),
      runs,
    );
  });

  it('lands at the earliest instant the target is reached, never in a holiday, outside windows or in a pause', () => {
    fc.assert(
      fc.property(
        withPauses(
          fc.record({
            spec: calendarArbitrary,
            from: instantArbitrary,
            d: durationArbitrary.filter((d) => d > 0),
          }),
        ),
        ({ spec, from, d, pauses }) => {
          const calendar = compileCalendar(spec);
          const due = calendar.addBusinessTime(from, d, pauses);
          // The earliest such instant: a millisecond sooner, the target is not yet reached.
          expect(calendar.businessElapsed(from, due - 1, pauses)).toBe(d - 1);
          // The millisecond before the due time was counted: business time, not paused.
          expect(isBusinessTime(spec, due - 1)).toBe(true);
          expect(pauses.some((p) => p.start <= due - 1 && due - 1 < p.end)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts exactly the business quarter-hours the oracle sees', () => {
    fc.assert(
      fc.property(
        calendarArbitrary,
        fc.integer({ min: RANGE_START / QUARTER, max: RANGE_END / QUARTER }),
        fc.integer({ min: 0, max: 3 * 96 }),
        (spec, startQuarter, quarters) => {
          const from = startQuarter * QUARTER;
          const to = from + quarters * QUARTER;
          let expected = 0;
          for (let t = from; t < to; t += QUARTER) if (isBusinessTime(spec, t)) expected += QUARTER;
          expect(compileCalendar(spec).businessElapsed(from, to)).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('a calendar with a history of changes (properties)', () => {
  /**
   * Two or three changes in the order they were made, the later ones from quarter-hours within days
   * of `around` (where the instants under test are), so the spans measured cross them.
   */
  const historyAround = (around: number) =>
    fc.record({
      first: calendarArbitrary,
      later: fc.array(
        fc.record({
          spec: calendarArbitrary,
          from: fc
            .integer({ min: -2 * 96, max: 4 * 96 })
            .map((q) => Math.floor(around / QUARTER) * QUARTER + q * QUARTER),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    });
  type History = { first: CalendarSpec; later: Array<{ spec: CalendarSpec; from: number }> };
  const changesOf = ({ first, later }: History) => [{ from: null, spec: first }, ...later];

  /** The rules at an instant, read straight from the definition: the last change made in force by then. */
  function specAt(history: History, instant: number): CalendarSpec {
    let spec = history.first;
    for (const change of history.later) if (change.from <= instant) spec = change.spec;
    return spec;
  }

  it('counts each quarter-hour by the rules in force then', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            fc.integer({ min: RANGE_START / QUARTER, max: RANGE_END / QUARTER }),
            fc.integer({ min: 0, max: 3 * 96 }),
          )
          .chain(([startQuarter, quarters]) =>
            historyAround(startQuarter * QUARTER).map((history) => ({ history, startQuarter, quarters })),
          ),
        ({ history, startQuarter, quarters }) => {
          const from = startQuarter * QUARTER;
          const to = from + quarters * QUARTER;
          let expected = 0;
          for (let t = from; t < to; t += QUARTER)
            if (isBusinessTime(specAt(history, t), t)) expected += QUARTER;
          expect(compileCalendarHistory(changesOf(history)).businessElapsed(from, to)).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('measures time before a change as the calendar did before it, and elapsed(from, add(from, d)) = d across it', () => {
    fc.assert(
      fc.property(
        withPauses(
          fc
            .record({ from: instantArbitrary, d: durationArbitrary })
            .chain((value) => historyAround(value.from).map((history) => ({ ...value, history }))),
        ),
        ({ history, from, d, pauses }) => {
          const calendar = compileCalendarHistory(changesOf(history));
          const due = calendar.addBusinessTime(from, d, pauses);
          if (due > from) expect(calendar.businessElapsed(from, due, pauses)).toBe(d);
          const firstChange = Math.min(...history.later.map((change) => change.from));
          const until = Math.min(firstChange, due);
          if (until > from)
            expect(calendar.businessElapsed(from, until, pauses)).toBe(
              compileCalendar(history.first).businessElapsed(from, until, pauses),
            );
        },
      ),
      runs,
    );
  });
});

// ——— the oracle: wall-clock membership, from Intl directly ———

const formats = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: number, timeZone: string): { day: number; msOfDay: number } {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const ms = ((instant % 1000) + 1000) % 1000;
  return {
    day: Date.UTC(part('year'), part('month') - 1, part('day')) / DAY,
    msOfDay: ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + ms,
  };
}

function isBusinessTime(spec: CalendarSpec, instant: number): boolean {
  const { day, msOfDay } = wallClock(instant, spec.timeZone);
  const minutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
  for (const holiday of spec.holidays ?? []) {
    if (typeof holiday === 'string' || holiday.from === undefined) {
      if ((typeof holiday === 'string' ? holiday : holiday.date) === isoDate(day)) return false;
    } else if (
      holiday.date === isoDate(day) &&
      msOfDay >= minutes(holiday.from) * MINUTE &&
      msOfDay < minutes(holiday.to!) * MINUTE
    )
      return false;
  }
  if ('always' in spec) return true;
  const windowsOf = (d: number) => spec.week[weekdayNames[(((d + 4) % 7) + 7) % 7]!] ?? [];
  for (const [open, close] of windowsOf(day)) {
    const overnight = minutes(close) <= minutes(open);
    if (msOfDay >= minutes(open) * MINUTE && (overnight || msOfDay < minutes(close) * MINUTE)) return true;
  }
  for (const [open, close] of windowsOf(day - 1))
    if (minutes(close) <= minutes(open) && msOfDay < minutes(close) * MINUTE) return true;
  return false;
}

function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
