import { dayFromParts, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './civil-date.ts';

/**
 * Instants and SLA targets as people type them. Strict on purpose: `Date.parse` accepts
 * `2024-02-30` (as 1 March) and instants without an offset (read in the server's zone).
 */

/**
 * An ISO 8601 instant with an explicit offset or `Z` (`2024-05-28T09:00:00-04:00`,
 * `2024-05-28T13:00Z`, milliseconds optional) → epoch ms; undefined when malformed, impossible
 * (`2024-02-30`, `25:00`) or without an offset.
 */
export function parseInstant(text: string): number | undefined {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/.exec(
      text,
    );
  if (!match) return undefined;
  const day = dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  const [offsetHours, offsetMinutes] = [Number(match[10] ?? 0), Number(match[11] ?? 0)];
  if (
    day === undefined ||
    hours > 23 ||
    minutes > 59 ||
    seconds > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  )
    return undefined;
  const offset = (match[9] === '-' ? -1 : 1) * (offsetHours * MS_PER_HOUR + offsetMinutes * MS_PER_MINUTE);
  const milliseconds = Number((match[7] ?? '').padEnd(3, '0'));
  return (
    day * MS_PER_DAY + hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * 1000 + milliseconds - offset
  );
}

/**
 * An SLA target → ms: compact `8h`, `90m`, `1h30m`, `45s`, `1h 30m`, or ISO 8601 `PT8H`, `PT1H30M`,
 * `PT0.5S`. Days are refused on purpose (`2d`, `P1D`): with a business calendar "a day" could mean 24
 * hours or one working day, so a target says hours. Undefined when not understood.
 */
export function parseDuration(text: string): number | undefined {
  const compact = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+(?:\.\d{1,3})?)\s*s)?$/i.exec(text.trim());
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?$/i.exec(text.trim());
  const match = compact ?? iso;
  if (!match || text.trim() === '' || /^PT$/i.test(text.trim())) return undefined;
  const [hours, minutes, seconds] = [Number(match[1] ?? 0), Number(match[2] ?? 0), Number(match[3] ?? 0)];
  const ms = hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + Math.round(seconds * 1000);
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/** ms → the compact form `parseDuration` reads back: `1h30m`, `45s`, `0s`, `2.5s`. */
export function formatDuration(ms: number): string {
  const hours = Math.floor(ms / MS_PER_HOUR);
  const minutes = Math.floor((ms % MS_PER_HOUR) / MS_PER_MINUTE);
  const seconds = (ms % MS_PER_MINUTE) / 1000;
  const text = `${hours ? `${hours}h` : ''}${minutes ? `${minutes}m` : ''}${seconds ? `${seconds}s` : ''}`;
  return text || '0s';
}
