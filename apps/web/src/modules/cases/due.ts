import { formatDuration } from '../sla-policies/index.ts';

/** How close a due time is, for colouring it: past, within the warning window, or later. */
export type DueTone = 'overdue' | 'soon' | 'later';

/** A case due within this long is flagged amber in the queue. */
export const soonWindowMs = 60 * 60_000;

export function dueTone(dueAt: string, now: number): DueTone {
  const left = Date.parse(dueAt) - now;
  if (left < 0) return 'overdue';
  return left <= soonWindowMs ? 'soon' : 'later';
}

export const dueToneColors: Record<DueTone, string | undefined> = {
  overdue: 'red',
  soon: 'orange',
  later: undefined,
};

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** The largest whole unit of a distance in time, for Intl.RelativeTimeFormat ("in 3 hours"). */
export function relativeParts(ms: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  for (const [unit, size] of units) {
    if (Math.abs(ms) >= size) return { value: Math.trunc(ms / size), unit };
  }
  return { value: Math.trunc(ms / 1000), unit: 'second' };
}

/**
 * What a running clock's countdown counts to: its due time, or, once it has breached, the breach.
 * They differ after a priority change to a target already used up: the due time is then the change
 * (a breach never moves back), while the clock breached earlier under the target before it — so
 * "overdue by" counts from that breach, not from the change. Null for a clock not counting.
 */
export function countdownTarget(clock: {
  dueAt: string | null;
  breachedAt: string | null;
}): { at: string; isBreach: boolean } | null {
  if (clock.breachedAt !== null) return { at: clock.breachedAt, isBreach: true };
  return clock.dueAt === null ? null : { at: clock.dueAt, isBreach: false };
}

/** A countdown: `2:05:09`, `-0:03:12` once past; days are folded into hours (business time has no days). */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${sign}${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** Business time as the SLA policies write it ("4h 30m"); a part-minute still shows as something. */
export function businessTime(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const sign = ms < 0 ? '-' : '';
  return minutes === 0 && ms !== 0 ? `${sign}<1m` : `${sign}${formatDuration(minutes)}`;
}
