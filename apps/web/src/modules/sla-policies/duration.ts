/**
 * SLA targets are whole minutes of business time. People write them as "15m", "4h", "1h 30m", "2d"
 * (a day is 24 hours: targets are counted on the policy's calendar, not in working days) or as a
 * plain number of minutes.
 */

const unitMinutes = { d: 24 * 60, h: 60, m: 1 } as const;
/** The longest target the API takes: a year of minutes. */
export const maxTargetMinutes = 525_600;

/**
 * The minutes `text` means: null for an empty text (not measured), undefined when it is not a
 * duration (or is zero, or is longer than a year).
 */
export function parseDuration(text: string): number | null | undefined {
  const compact = text.trim().toLowerCase();
  if (compact === '') return null;
  let minutes: number;
  if (/^[0-9]+$/.test(compact)) {
    minutes = Number(compact);
  } else {
    const parts = /^(?:([0-9]+)\s*d)?\s*(?:([0-9]+)\s*h)?\s*(?:([0-9]+)\s*m(?:in)?)?$/.exec(compact);
    if (!parts || (parts[1] === undefined && parts[2] === undefined && parts[3] === undefined))
      return undefined;
    minutes =
      Number(parts[1] ?? 0) * unitMinutes.d + Number(parts[2] ?? 0) * unitMinutes.h + Number(parts[3] ?? 0);
  }
  return minutes >= 1 && minutes <= maxTargetMinutes ? minutes : undefined;
}

/** "2d", "4h", "1h 30m", "45m"; the empty text for null (not measured). */
export function formatDuration(minutes: number | null): string {
  if (minutes === null) return '';
  const days = Math.floor(minutes / unitMinutes.d);
  const hours = Math.floor((minutes % unitMinutes.d) / unitMinutes.h);
  const rest = minutes % unitMinutes.h;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', rest ? `${rest}m` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0m';
}
