import { MS_PER_DAY, MS_PER_HOUR } from './civil-date.ts';

/**
 * IANA time zones through Node's ICU (`Intl`), so Paydesk follows the tz data Node ships and needs no
 * date library. Asking ICU costs microseconds, too slow to ask per window boundary, so each zone keeps
 * a table of its offset transitions, filled lazily in chunks of about 50 days: a lookup is then a map
 * read and a short scan.
 */

/** Chunks are aligned to 2^32 ms (about 49.7 days); each holds the transitions found inside it. */
const CHUNK_MS = 2 ** 32;
/**
 * ICU is sampled every 12 hours and each change is bisected to the millisecond. Two transitions less
 * than 12 hours apart that cancel each other out would go unseen; zones do not change that often.
 */
const SAMPLE_MS = 12 * MS_PER_HOUR;

interface OffsetChunk {
  /** Offset (ms to add to UTC to get local wall time) at the chunk's start. */
  readonly initial: number;
  /** Instants at which the offset changes inside the chunk, ascending, and the offset from each. */
  readonly at: readonly number[];
  readonly offsets: readonly number[];
}

/** One zone's offsets; shared by every calendar in that zone (see `timeZoneFor`). */
export class ZoneOffsets {
  readonly #format: Intl.DateTimeFormat;
  readonly #chunks = new Map<number, OffsetChunk>();

  constructor(readonly name: string) {
    this.#format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  }

  /** The zone's offset from UTC at an instant, in ms (New York in winter: -18_000_000). */
  offsetAt(instant: number): number {
    const key = Math.floor(instant / CHUNK_MS);
    const chunk = this.#chunks.get(key) ?? this.#fillChunk(key);
    let offset = chunk.initial;
    for (let i = 0; i < chunk.at.length && chunk.at[i]! <= instant; i++) offset = chunk.offsets[i]!;
    return offset;
  }

  /**
   * The instant at which the zone's clocks show a wall-clock time (`local` = that wall time read as if
   * it were UTC, in epoch ms). The two awkward cases follow RFC 5545 §3.3.5 (and Temporal's
   * 'compatible' disambiguation):
   * - a time that does not exist (skipped by a spring-forward change) is read with the offset in force
   *   before the change, which moves it forward by the size of the gap: 02:30 on the day New York goes
   *   from 02:00 EST to 03:00 EDT is 03:30 EDT;
   * - a time that happens twice (repeated by an autumn change) is its first occurrence: 01:30 on the
   *   day New York goes back from 02:00 EDT to 01:00 EST is 01:30 EDT (05:30Z), not 01:30 EST.
   */
  instantOf(local: number): number {
    // The instant lies within a day of the wall time (offsets are within -12 h … +14 h), so the
    // offsets a day either side are the only candidates: equal, or the two sides of a transition.
    const before = this.offsetAt(local - MS_PER_DAY);
    const after = this.offsetAt(local + MS_PER_DAY);
    const larger = Math.max(before, after);
    // The larger offset gives the earlier instant: the first occurrence of a repeated time.
    if (this.offsetAt(local - larger) === larger) return local - larger;
    const smaller = Math.min(before, after);
    if (this.offsetAt(local - smaller) === smaller) return local - smaller;
    return local - before;
  }

  /** The zone's wall-clock time at an instant, as epoch ms read as UTC. */
  localOf(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  #fillChunk(key: number): OffsetChunk {
    const start = key * CHUNK_MS;
    const end = start + CHUNK_MS;
    const initial = this.#askIcu(start);
    const at: number[] = [];
    const offsets: number[] = [];
    let time = start;
    let offset = initial;
    while (time < end) {
      const next = Math.min(time + SAMPLE_MS, end);
      const nextOffset = this.#askIcu(next);
      if (nextOffset === offset) {
        time = next;
        continue;
      }
      // The offset changes in (time, next]: find the first millisecond of the new offset.
      let low = time;
      let high = next;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (this.#askIcu(middle) === offset) low = middle;
        else high = middle;
      }
      offset = this.#askIcu(high);
      at.push(high);
      offsets.push(offset);
      time = high;
    }
    const chunk = { initial, at, offsets };
    this.#chunks.set(key, chunk);
    return chunk;
  }

  #askIcu(instant: number): number {
    const text = this.#format.format(instant);
    const match = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
    if (!match) throw new Error(`unexpected ICU offset format: ${text}`);
    if (match[1] === undefined) return 0;
    const magnitude =
      Number(match[2]) * MS_PER_HOUR + Number(match[3]) * 60_000 + Number(match[4] ?? 0) * 1000;
    return match[1] === '-' ? -magnitude : magnitude;
  }
}

const zones = new Map<string, ZoneOffsets>();

/**
 * The canonical name of a time zone ICU knows (`US/Eastern` → `America/New_York`), or undefined.
 * Offsets written as names (`+05:00`) are not zones and are refused.
 */
export function resolveTimeZone(name: string): string | undefined {
  if (!/^[A-Za-z]/.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The offsets of a zone by its canonical name (see `resolveTimeZone`); cached for the process. */
export function timeZoneFor(name: string): ZoneOffsets {
  let zone = zones.get(name);
  if (!zone) {
    zone = new ZoneOffsets(name);
    zones.set(name, zone);
  }
  return zone;
}

/**
 * ISO 8601 text of an instant with the zone's offset at that instant (`2024-05-28T13:00:00-04:00`);
 * milliseconds only when there are some, `+00:00` rather than `Z` so the zone's offset always shows.
 */
export function formatInstant(instant: number, timeZone: string): string {
  const offset = timeZoneFor(timeZone).offsetAt(instant);
  const local = new Date(instant + offset).toISOString();
  const wall = instant % 1000 === 0 ? local.slice(0, 19) : local.slice(0, 23);
  const magnitude = Math.abs(offset) / 1000;
  const hours = String(Math.floor(magnitude / 3600)).padStart(2, '0');
  const minutes = String(Math.floor(magnitude / 60) % 60).padStart(2, '0');
  const seconds = magnitude % 60;
  return `${wall}${offset < 0 ? '-' : '+'}${hours}:${minutes}${seconds ? `:${String(seconds).padStart(2, '0')}` : ''}`;
}

/** The calendar date (`YYYY-MM-DD`) it is in a zone at an instant: "today" for that zone. */
export function civilDateAt(instant: number, timeZone: string): string {
  const offset = timeZoneFor(timeZone).offsetAt(instant);
  return new Date(instant + offset).toISOString().slice(0, 10);
}
