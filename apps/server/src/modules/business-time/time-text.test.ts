import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, parseInstant } from './time-text.ts';

describe('parseInstant', () => {
  it('reads ISO 8601 instants with an offset or Z', () => {
    expect(parseInstant('2024-05-28T09:00:00-04:00')).toBe(Date.parse('2024-05-28T13:00:00Z'));
    expect(parseInstant('2024-05-28T13:00Z')).toBe(Date.parse('2024-05-28T13:00:00Z'));
    expect(parseInstant('2024-05-28T18:30:00.5+05:30')).toBe(Date.parse('2024-05-28T13:00:00.500Z'));
  });

  it('refuses impossible dates and times, and instants without an offset', () => {
    for (const text of [
      '2024-02-30T00:00:00Z',
      '2024-05-28T24:00:00Z',
      '2024-05-28T12:60:00Z',
      '2024-05-28T12:00:60Z',
      '2024-05-28T12:00:00',
      '2024-05-28',
      '2024-05-28 12:00:00Z',
      'tomorrow',
    ])
      expect(parseInstant(text), text).toBeUndefined();
  });
});

describe('parseDuration', () => {
  it('reads compact and ISO 8601 targets', () => {
    expect(parseDuration('8h')).toBe(8 * 3_600_000);
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('1h30m')).toBe(90 * 60_000);
    expect(parseDuration('1h 30m 15s')).toBe(90 * 60_000 + 15_000);
    expect(parseDuration('PT8H')).toBe(8 * 3_600_000);
    expect(parseDuration('PT1H30M')).toBe(90 * 60_000);
    expect(parseDuration('PT0.5S')).toBe(500);
    expect(parseDuration('0s')).toBe(0);
  });

  it('refuses days (ambiguous on a business calendar), units it does not know, and nothing', () => {
    for (const text of ['2d', 'P1D', 'P1DT2H', '8', '8 hours', '-1h', '', 'PT', 'h'])
      expect(parseDuration(text), text).toBeUndefined();
  });

  it('reads back what formatDuration writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 * 3_600_000 }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
      { numRuns: 300 },
    );
  });
});
