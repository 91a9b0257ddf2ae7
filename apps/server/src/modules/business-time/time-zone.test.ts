import { describe, expect, it } from 'vitest';
import { civilDateAt, formatInstant, resolveTimeZone, timeZoneFor } from './time-zone.ts';

const HOUR = 3_600_000;
const utc = (text: string) => Date.parse(text);
/** A wall-clock time written as ISO without an offset, as `instantOf` takes it. */
const wall = (text: string) => Date.parse(`${text}Z`);

describe('ZoneOffsets', () => {
  const newYork = timeZoneFor('America/New_York');

  it('reads offsets from ICU, changing at the exact instant', () => {
    expect(newYork.offsetAt(utc('2024-03-10T06:59:59.999Z'))).toBe(-5 * HOUR);
    expect(newYork.offsetAt(utc('2024-03-10T07:00:00Z'))).toBe(-4 * HOUR);
    expect(newYork.offsetAt(utc('2024-11-03T05:59:59.999Z'))).toBe(-4 * HOUR);
    expect(newYork.offsetAt(utc('2024-11-03T06:00:00Z'))).toBe(-5 * HOUR);
  });

  it('moves a wall time in the spring gap forward by the gap', () => {
    expect(newYork.instantOf(wall('2024-03-10T02:30:00'))).toBe(utc('2024-03-10T03:30:00-04:00'));
    expect(newYork.instantOf(wall('2024-03-10T02:00:00'))).toBe(utc('2024-03-10T03:00:00-04:00'));
    expect(newYork.instantOf(wall('2024-03-10T03:00:00'))).toBe(utc('2024-03-10T03:00:00-04:00'));
  });

  it('takes the first occurrence of a repeated autumn wall time', () => {
    expect(newYork.instantOf(wall('2024-11-03T01:30:00'))).toBe(utc('2024-11-03T01:30:00-04:00'));
    expect(newYork.instantOf(wall('2024-11-03T02:00:00'))).toBe(utc('2024-11-03T02:00:00-05:00'));
  });

  it('handles half-hour and 45-minute zones and half-hour DST (Kolkata, Chatham, Lord Howe)', () => {
    expect(timeZoneFor('Asia/Kolkata').offsetAt(utc('2024-06-01T00:00:00Z'))).toBe(5.5 * HOUR);
    expect(timeZoneFor('Pacific/Chatham').offsetAt(utc('2024-01-01T00:00:00Z'))).toBe(13.75 * HOUR);
    const lordHowe = timeZoneFor('Australia/Lord_Howe');
    expect(lordHowe.offsetAt(utc('2024-01-01T00:00:00Z'))).toBe(11 * HOUR);
    expect(lordHowe.offsetAt(utc('2024-07-01T00:00:00Z'))).toBe(10.5 * HOUR);
  });

  it('agrees with ICU that Mexico City has had no DST since 30 October 2022', () => {
    const mexico = timeZoneFor('America/Mexico_City');
    expect(mexico.offsetAt(utc('2022-07-01T12:00:00Z'))).toBe(-5 * HOUR);
    expect(mexico.offsetAt(utc('2022-10-30T06:59:59Z'))).toBe(-5 * HOUR);
    expect(mexico.offsetAt(utc('2022-10-30T07:00:00Z'))).toBe(-6 * HOUR);
    for (let month = 0; month < 36; month++)
      expect(mexico.offsetAt(Date.UTC(2023, month, 15, 12)), `2023 + ${month} months`).toBe(-6 * HOUR);
  });
});

describe('resolveTimeZone', () => {
  it('gives the canonical name of a known zone and undefined otherwise', () => {
    expect(resolveTimeZone('Europe/Warsaw')).toBe('Europe/Warsaw');
    expect(resolveTimeZone('US/Eastern')).toBe('America/New_York');
    expect(resolveTimeZone('Europe/Atlantis')).toBeUndefined();
    expect(resolveTimeZone('-03:00')).toBeUndefined();
  });
});

describe('formatInstant', () => {
  it("prints ISO 8601 with the zone's offset at that instant", () => {
    expect(formatInstant(utc('2024-05-28T17:00:00Z'), 'America/New_York')).toBe('2024-05-28T13:00:00-04:00');
    expect(formatInstant(utc('2024-01-28T17:00:00Z'), 'Europe/London')).toBe('2024-01-28T17:00:00+00:00');
    expect(formatInstant(utc('2024-01-28T17:00:00.250Z'), 'Asia/Kolkata')).toBe(
      '2024-01-28T22:30:00.250+05:30',
    );
  });
});

describe('civilDateAt', () => {
  it('is the date on the wall calendar of the zone, across midnight and DST', () => {
    const at = Date.parse('2026-03-29T23:30:00Z');
    expect(civilDateAt(at, 'Europe/London')).toBe('2026-03-30');
    expect(civilDateAt(at, 'America/Mexico_City')).toBe('2026-03-29');
    expect(civilDateAt(Date.parse('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-01');
  });
});
