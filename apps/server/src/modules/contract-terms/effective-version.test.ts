import { describe, expect, it } from 'vitest';
import { effectiveVersion } from './index.ts';

const versions = [
  { version: 1, effectiveFrom: '2026-01-01' },
  { version: 3, effectiveFrom: '2026-06-01' },
  { version: 2, effectiveFrom: '2026-06-01' },
  { version: 4, effectiveFrom: '2027-01-01' },
];

describe('effectiveVersion', () => {
  it('is undefined before the first version takes effect, and for no versions', () => {
    expect(effectiveVersion(versions, '2025-12-31')).toBeUndefined();
    expect(effectiveVersion([], '2026-01-01')).toBeUndefined();
  });

  it('is the version effective latest on or before the date', () => {
    expect(effectiveVersion(versions, '2026-01-01')?.version).toBe(1);
    expect(effectiveVersion(versions, '2026-05-31')?.version).toBe(1);
    expect(effectiveVersion(versions, '2026-12-31')?.version).toBe(3);
    expect(effectiveVersion(versions, '2030-01-01')?.version).toBe(4);
  });

  it('takes the highest version of those effective the same day, in any order', () => {
    expect(effectiveVersion(versions, '2026-06-01')?.version).toBe(3);
    expect(effectiveVersion([...versions].reverse(), '2026-06-01')?.version).toBe(3);
  });

  it('returns the caller’s object', () => {
    const versionsWithTerms = versions.map((v) => ({ ...v, terms: { title: `v${v.version}` } }));
    expect(effectiveVersion(versionsWithTerms, '2026-07-01')).toBe(versionsWithTerms[1]);
  });
});
