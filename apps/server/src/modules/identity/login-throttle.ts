/**
 * Sign-in attempts per source IP in a sliding window, on top of the per-user lockout: the lockout
 * stops guessing one password, this stops spraying one password over many accounts. Kept in memory:
 * per process, reset by a restart, which is the right trade for a brake (not an audit record).
 */
export interface LoginThrottle {
  /** Seconds to wait, or 0 when the attempt may go ahead (and is then counted). */
  hit(ip: string, now: Date): number;
}

export function createLoginThrottle(options: { limit: number; windowMs: number }): LoginThrottle {
  const attempts = new Map<string, number[]>();
  return {
    hit(ip, now) {
      const since = now.getTime() - options.windowMs;
      const recent = (attempts.get(ip) ?? []).filter((t) => t > since);
      if (recent.length >= options.limit) {
        attempts.set(ip, recent);
        return Math.max(1, Math.ceil((recent[0]! + options.windowMs - now.getTime()) / 1000));
      }
      recent.push(now.getTime());
      attempts.set(ip, recent);
      if (attempts.size > 10_000) pruneOlderThan(attempts, since);
      return 0;
    },
  };
}

function pruneOlderThan(attempts: Map<string, number[]>, since: number) {
  for (const [ip, times] of attempts) {
    if (times.every((t) => t <= since)) attempts.delete(ip);
  }
}
