import { describe, expect, it } from 'vitest';
import {
  businessTime,
  countdownTarget,
  dueTone,
  formatCountdown,
  relativeParts,
  soonWindowMs,
} from './due.ts';

const now = Date.parse('2026-03-02T10:00:00Z');
const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();

describe('dueTone', () => {
  it('is overdue once past, soon within the window, later beyond it', () => {
    expect(dueTone(at(-1000), now)).toBe('overdue');
    expect(dueTone(at(0), now)).toBe('soon');
    expect(dueTone(at(soonWindowMs), now)).toBe('soon');
    expect(dueTone(at(soonWindowMs + 1000), now)).toBe('later');
  });
});

describe('relativeParts', () => {
  it('takes the largest whole unit, keeping the sign', () => {
    expect(relativeParts(3 * 3_600_000 + 59 * 60_000)).toEqual({ value: 3, unit: 'hour' });
    expect(relativeParts(-2 * 86_400_000)).toEqual({ value: -2, unit: 'day' });
    expect(relativeParts(90_000)).toEqual({ value: 1, unit: 'minute' });
    expect(relativeParts(42_000)).toEqual({ value: 42, unit: 'second' });
  });
});

describe('countdownTarget', () => {
  it('counts to the due time, from the breach once breached, and to nothing while paused', () => {
    expect(countdownTarget({ dueAt: at(60_000), breachedAt: null })).toEqual({
      at: at(60_000),
      isBreach: false,
    });
    // Raised to a priority whose target was already used up: due at the change, breached before it.
    expect(countdownTarget({ dueAt: at(-60_000), breachedAt: at(-22 * 3_600_000) })).toEqual({
      at: at(-22 * 3_600_000),
      isBreach: true,
    });
    expect(countdownTarget({ dueAt: null, breachedAt: null })).toBeNull();
  });
});

describe('formatCountdown', () => {
  it('prints hours, minutes and seconds, negative once past', () => {
    expect(formatCountdown(2 * 3_600_000 + 5 * 60_000 + 9_000)).toBe('2:05:09');
    expect(formatCountdown(-(3 * 60_000 + 12_000))).toBe('-0:03:12');
    expect(formatCountdown(30 * 3_600_000)).toBe('30:00:00');
    expect(formatCountdown(999)).toBe('0:00:00');
  });
});

describe('businessTime', () => {
  it('writes whole minutes as the policies do, and a part-minute as under one', () => {
    expect(businessTime(4 * 3_600_000 + 30 * 60_000)).toBe('4h 30m');
    expect(businessTime(-45 * 60_000)).toBe('-45m');
    expect(businessTime(4_091)).toBe('<1m');
    expect(businessTime(0)).toBe('0m');
  });
});
