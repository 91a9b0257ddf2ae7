import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseStatuses, priorities } from '@paydesk/shared';
import { compileCalendar, type BusinessCalendar } from '../business-time/index.ts';
import {
  computeClocks,
  computeUnderpinningClocks,
  explainClock,
  vendorEngagements,
  type CaseEvent,
  type ClockInput,
  type ClockState,
} from './index.ts';
import { allDay, londonOffice, MINUTE, policy } from './test-clocks.ts';

/**
 * Properties of the clocks over random case histories, on the London office calendar around the 2024
 * Easter holidays and the change to summer time, and on 24×7.
 */

const london = londonOffice();
const utc = allDay();

const change = fc.oneof(
  fc.record({ type: fc.constant('status_changed' as const), to: fc.constantFrom(...caseStatuses) }),
  fc.record({ type: fc.constant('priority_changed' as const), to: fc.constantFrom(...priorities) }),
  fc.record({ type: fc.constant('staff_replied' as const), public: fc.boolean() }),
  fc.record({ type: fc.constant('customer_replied' as const) }),
);

/** The changes, and escalations to one of two vendors (often followed by the move to pending_vendor). */
const vendorChange = fc.oneof(
  change,
  fc.record({ type: fc.constant('vendor_escalated' as const), vendorId: fc.constantFrom('visa', 'mc') }),
  fc.record({ type: fc.constant('status_changed' as const), to: fc.constant('pending_vendor' as const) }),
);

/** Gaps of whole minutes, sometimes with seconds, sometimes none (several events at one instant). */
const gap = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 600 }).map((minutes) => minutes * MINUTE),
  fc.integer({ min: 1, max: 4 * 24 * 3600 }).map((seconds) => seconds * 1000),
);

const historyOf = (step: typeof change | typeof vendorChange) =>
  fc
    .record({
      start: fc.integer({ min: Date.UTC(2024, 2, 18), max: Date.UTC(2024, 3, 8) }),
      status: fc.constantFrom(...caseStatuses),
      priority: fc.constantFrom(...priorities),
      steps: fc.array(fc.tuple(gap, step), { maxLength: 14 }),
      tail: gap,
    })
    .map(({ start, status, priority, steps, tail }) => {
      const events: CaseEvent[] = [{ type: 'opened', at: start, status, priority }];
      let time = start;
      for (const [delay, event] of steps) {
        time += delay;
        events.push({ ...event, at: time });
      }
      return { events, end: time + tail };
    });
const history = historyOf(change);

const input = fc.record({
  history,
  calendar: fc.constantFrom<BusinessCalendar>(london, utc),
  resolutionOnReopen: fc.constantFrom('resume' as const, 'reset' as const),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
});

type InputValue = typeof input extends fc.Arbitrary<infer T> ? T : never;

/** `now` anywhere from the opening to a while after the last event. */
function inputOf(
  { history, calendar, resolutionOnReopen, at }: InputValue,
  overrides: Partial<ClockInput> = {},
): ClockInput {
  const first = history.events[0]!.at;
  return {
    policy,
    calendar,
    events: history.events,
    now: Math.round(first + at * (history.end - first)),
    rules: { resolutionOnReopen },
    ...overrides,
  };
}
const keyOf = (state: ClockState) => `${state.metric}/${state.cycle}`;

describe('computeClocks, for any history', () => {
  it('gives the same clocks when replayed, on a freshly compiled calendar too', () => {
    fc.assert(
      fc.property(input, (value) => {
        const once = computeClocks(inputOf(value));
        expect(computeClocks(inputOf(value))).toEqual(once);
        expect(computeClocks(inputOf(value, { calendar: compileCalendar(value.calendar.spec) }))).toEqual(
          once,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('never rewrites the past when evaluated later: breaches, reached warnings and ended clocks stay', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 1, noNaN: true }), (value, later) => {
        const early = inputOf(value);
        const late = { ...early, now: Math.round(early.now + later * (value.history.end - early.now)) };
        const after = new Map(computeClocks(late).map((state) => [keyOf(state), state]));
        for (const before of computeClocks(early)) {
          const state = after.get(keyOf(before));
          expect(state, keyOf(before)).toBeDefined();
          expect(state!.startedAt).toBe(before.startedAt);
          expect(state!.businessElapsedMs).toBeGreaterThanOrEqual(before.businessElapsedMs);
          // What lay before the first evaluation, as seen by the later one, was already known then.
          const past = (instant: number | null) => (instant !== null && instant < early.now ? instant : null);
          expect(past(state!.breachedAt)).toBe(before.breachedAt);
          const pastWarnings = (clock: ClockState) =>
            clock.warnings.filter((warning) => warning.at < early.now);
          expect(pastWarnings(state!)).toEqual(pastWarnings(before));
          const isFinal = before.stoppedAt !== null;
          const canResume = before.metric === 'resolution' && value.resolutionOnReopen === 'resume';
          if (isFinal && !canResume) expect(state).toEqual(before);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is never due earlier, nor breached earlier, because of pauses', () => {
    fc.assert(
      fc.property(input, (value) => {
        const withPauses = computeClocks(inputOf(value));
        const without = new Map(
          computeClocks(inputOf(value, { policy: { ...policy, pauseStatuses: [] } })).map((s) => [
            keyOf(s),
            s,
          ]),
        );
        for (const paused of withPauses) {
          const free = without.get(keyOf(paused))!;
          expect(paused.businessElapsedMs).toBeLessThanOrEqual(free.businessElapsedMs);
          if (paused.dueAt !== null && free.dueAt !== null)
            expect(paused.dueAt).toBeGreaterThanOrEqual(free.dueAt);
          if (paused.breachedAt !== null) {
            expect(free.breachedAt).not.toBeNull();
            expect(paused.breachedAt).toBeGreaterThanOrEqual(free.breachedAt!);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts no more business time than actually passed, and keeps its numbers consistent', () => {
    fc.assert(
      fc.property(input, (value) => {
        const { now } = inputOf(value);
        for (const state of computeClocks(inputOf(value))) {
          const end = state.stoppedAt ?? now;
          expect(state.businessElapsedMs).toBeGreaterThanOrEqual(0);
          expect(state.businessElapsedMs).toBeLessThanOrEqual(end - state.startedAt);
          expect(state.remainingMs).toBe(state.targetMs - state.businessElapsedMs);
          if (state.breachedAt !== null) {
            expect(state.breachedAt).toBeGreaterThanOrEqual(state.startedAt);
            expect(state.breachedAt).toBeLessThan(end);
          }
          expect(state.status === 'paused').toBe(state.stoppedAt === null && state.dueAt === null);
          const instants = state.warnings.map((warning) => warning.at);
          expect(instants).toEqual([...instants].sort((a, b) => a - b));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is due at the start plus the target on 24×7 without pauses or priority changes', () => {
    fc.assert(
      fc.property(input, (value) => {
        const events = value.history.events.filter((event) => event.type !== 'priority_changed');
        const states = computeClocks(
          inputOf({ ...value, calendar: utc }, { events, policy: { ...policy, pauseStatuses: [] } }),
        );
        for (const state of states.filter((s) => s.pauses.length === 0)) {
          if (state.dueAt !== null) expect(state.dueAt).toBe(state.startedAt + state.targetMs);
          if (state.breachedAt !== null) expect(state.breachedAt).toBe(state.startedAt + state.targetMs);
          for (const warning of state.warnings)
            expect(warning.at).toBe(state.startedAt + (state.targetMs * warning.thresholdPercent) / 100);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('explainClock, for any clock', () => {
  it('covers the clock once, in order, and its counted time up to now is the elapsed time', () => {
    fc.assert(
      fc.property(input, (value) => {
        const { now, calendar } = inputOf(value);
        for (const state of computeClocks(inputOf(value))) {
          const { segments, from, to } = explainClock(state, calendar, now);
          expect(from).toBe(state.startedAt);
          if (state.stoppedAt !== null) expect(to).toBe(state.stoppedAt);
          if (state.status === 'running') expect(to).toBe(Math.max(state.dueAt!, now));
          if (to === from) continue;
          expect(segments[0]!.from).toBe(from);
          expect(segments.at(-1)!.to).toBe(to);
          segments.forEach((segment, i) => {
            expect(segment.to).toBeGreaterThan(segment.from);
            if (i > 0) expect(segment.from).toBe(segments[i - 1]!.to);
          });
          let counted = 0;
          for (const segment of segments)
            if (segment.kind === 'counted' && segment.from < now) counted += segment.businessMs;
          expect(counted).toBe(state.businessElapsedMs);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('computeUnderpinningClocks, for any history with vendor escalations', () => {
  const vendorInput = fc.record({
    history: historyOf(vendorChange),
    calendar: fc.constantFrom<BusinessCalendar>(london, utc),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const underpinning = (value: typeof vendorInput extends fc.Arbitrary<infer T> ? T : never) => {
    const { now, calendar, events } = inputOf({ ...value, resolutionOnReopen: 'resume' });
    const uc = { ...policy, pauseStatuses: ['pending_customer', 'on_hold'] as const };
    return vendorEngagements(events, now).map((engagement) => ({
      engagement,
      now,
      states: computeUnderpinningClocks({ policy: uc, calendar, events, now, cycle: engagement.cycle }),
    }));
  };

  it('starts each cycle at its escalation, ends it by the next one, and counts no time outside it', () => {
    fc.assert(
      fc.property(vendorInput, (value) => {
        const cycles = underpinning(value);
        cycles.forEach(({ engagement, now, states }, index) => {
          expect(states.length).toBeLessThanOrEqual(1);
          const [state] = states;
          if (!state) return;
          expect(state).toMatchObject({
            metric: 'resolution',
            cycle: engagement.cycle,
            startedAt: engagement.at,
          });
          const next = cycles[index + 1]?.engagement;
          if (next) {
            expect(state.stoppedAt).not.toBeNull();
            expect(state.stoppedAt!).toBeLessThanOrEqual(next.at);
          }
          const end = state.stoppedAt ?? now;
          expect(state.businessElapsedMs).toBeGreaterThanOrEqual(0);
          expect(state.businessElapsedMs).toBeLessThanOrEqual(end - state.startedAt);
          expect(state.remainingMs).toBe(state.targetMs - state.businessElapsedMs);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('moves none of the customer clocks', () => {
    fc.assert(
      fc.property(vendorInput, (value) => {
        const base = inputOf({ ...value, resolutionOnReopen: 'resume' });
        const events = base.events.filter((event) => event.type !== 'vendor_escalated');
        expect(computeClocks(base)).toEqual(computeClocks({ ...base, events }));
      }),
      { numRuns: 100 },
    );
  });
});
