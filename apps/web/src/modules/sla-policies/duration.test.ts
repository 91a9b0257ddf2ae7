import { describe, expect, it } from 'vitest';
import { formatDuration, maxTargetMinutes, parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it.each([
    ['15m', 15],
    ['15 min', 15],
    ['4h', 240],
    ['1h 30m', 90],
    ['1h30m', 90],
    ['2d', 2880],
    ['1d 4h', 1680],
    [' 2D 1H 5M ', 2945],
    ['90', 90],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it('reads an empty text as "not measured"', () => {
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('   ')).toBeNull();
  });

  it.each(['2 days', 'h', '1.5h', '-5m', '0', '0m', '4h 2d', 'PT4H', `${maxTargetMinutes + 1}`])(
    'refuses %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [15, '15m'],
    [240, '4h'],
    [90, '1h 30m'],
    [2880, '2d'],
    [1690, '1d 4h 10m'],
  ])('writes %i minutes as %j', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it('writes "not measured" as the empty text, and reads back what it writes', () => {
    expect(formatDuration(null)).toBe('');
    for (const minutes of [1, 59, 61, 1439, 1441, 4321, maxTargetMinutes]) {
      expect(parseDuration(formatDuration(minutes))).toBe(minutes);
    }
  });
});
