import { describe, expect, it } from 'vitest';
import { eligibleMembers, nextInTurn, type Member } from './eligibility.ts';

const profile = (overrides: Partial<NonNullable<Member['profile']>> = {}) => ({
  serviceCodes: [],
  caseTypes: [],
  languages: ['en' as const],
  loadCap: 5,
  isAvailable: true,
  ...overrides,
});
const landing = { type: 'refund' as const, serviceCode: 'faster_payments', language: 'en' as const, tier: 1 };
const noLoad = new Map<string, number>();

describe('eligibleMembers', () => {
  it('keeps available agents with the language and a matching skill, under their cap', () => {
    const members: Member[] = [
      { id: 'a', tier: 1, profile: profile() },
      { id: 'b', tier: 1, profile: profile({ serviceCodes: ['faster_payments'] }) },
      { id: 'c', tier: 1, profile: profile({ caseTypes: ['refund'] }) },
      { id: 'd', tier: 1, profile: profile({ caseTypes: ['dispute'] }) },
      { id: 'e', tier: 1, profile: profile({ languages: ['pl'] }) },
      { id: 'f', tier: 1, profile: profile({ isAvailable: false }) },
      { id: 'g', tier: 1, profile: null },
      { id: 'h', tier: null, profile: profile({ loadCap: 2 }) },
    ];
    expect(eligibleMembers(members, landing, new Map([['h', 2]]))).toEqual({ ids: ['a', 'b', 'c'] });
  });

  it('says which condition left nobody', () => {
    const one = (p: Member['profile'], tier: number | null = 1): Member[] => [{ id: 'a', tier, profile: p }];
    expect(eligibleMembers([], landing, noLoad)).toEqual({ skipped: 'no team member has a routing profile' });
    expect(eligibleMembers(one(profile({ isAvailable: false })), landing, noLoad)).toEqual({
      skipped: 'no team member is available for routing',
    });
    expect(eligibleMembers(one(profile({ languages: ['zh-CN'] })), landing, noLoad)).toEqual({
      skipped: 'no available team member handles en',
    });
    expect(eligibleMembers(one(profile({ caseTypes: ['dispute'] })), landing, noLoad)).toEqual({
      skipped:
        'no available team member handling en has a skill for the faster_payments service or refund cases',
    });
    expect(eligibleMembers(one(profile(), 1), { ...landing, tier: 2 }, noLoad)).toEqual({
      skipped: 'no eligible team member works tier 2',
    });
    expect(eligibleMembers(one(profile({ loadCap: 1 })), landing, new Map([['a', 1]]))).toEqual({
      skipped: 'every eligible team member is at their load cap',
    });
  });
});

describe('nextInTurn', () => {
  it('goes round in id order after the last one assigned, wrapping around', () => {
    expect(nextInTurn(['c', 'a', 'b'], null)).toBe('a');
    expect(nextInTurn(['c', 'a', 'b'], 'a')).toBe('b');
    expect(nextInTurn(['c', 'a', 'b'], 'c')).toBe('a');
    // The last one assigned is no longer eligible: the next after them still takes the turn.
    expect(nextInTurn(['a', 'c'], 'b')).toBe('c');
  });
});
