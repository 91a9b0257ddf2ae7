import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.ts';

describe('login throttle', () => {
  it('lets `limit` attempts through per window and then says how long to wait', () => {
    const throttle = createLoginThrottle({ limit: 3, windowMs: 60_000 });
    const t0 = new Date('2026-01-01T00:00:00Z').getTime();
    expect([0, 10_000, 20_000].map((dt) => throttle.hit('10.0.0.1', new Date(t0 + dt)))).toEqual([0, 0, 0]);
    expect(throttle.hit('10.0.0.1', new Date(t0 + 30_000))).toBe(30);
    expect(throttle.hit('10.0.0.2', new Date(t0 + 30_000))).toBe(0);
    expect(throttle.hit('10.0.0.1', new Date(t0 + 60_001))).toBe(0);
  });
});
