import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../app/i18n/locales/en.json';
import pl from '../../app/i18n/locales/pl.json';
import type { Escalation } from './api/cases-types.ts';
import { escalationTarget } from './escalation-text.ts';

let tEn: TFunction;
let tPl: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, pl: { translation: pl } },
    lng: 'en',
    fallbackLng: 'en',
    showSupportNotice: false,
  });
  tEn = instance.getFixedT('en');
  tPl = instance.getFixedT('pl');
});

const base: Escalation = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'tier',
  fromTier: 1,
  toTier: 2,
  fromTeam: { id: 't1', name: 'L1 Mexico' },
  toTeam: null,
  vendor: null,
  externalReference: null,
  manager: null,
  notifiedUserIds: [],
  reason: 'Needs scheme analysis',
  escalatedAt: '2026-11-23T09:00:00.000Z',
  escalatedBy: null,
};

describe('escalationTarget', () => {
  it('names the tier step, and the next tier’s team when there is one', () => {
    expect(escalationTarget(tEn, base)).toBe('from L1 to L2');
    expect(escalationTarget(tEn, { ...base, toTeam: { id: 't2', name: 'L2 Warsaw' } })).toBe(
      'from L1 to L2, to L2 Warsaw',
    );
  });

  it('names the team or the vendor with their reference for a functional escalation', () => {
    const functional = { ...base, kind: 'functional' as const, toTier: 1 };
    expect(escalationTarget(tEn, { ...functional, toTeam: { id: 't3', name: 'Shanghai desk' } })).toBe(
      'to Shanghai desk',
    );
    const vendor = { ...functional, vendor: { id: 'v', name: 'Visa' }, externalReference: 'VISA-1' };
    expect(escalationTarget(tEn, vendor)).toBe('to Visa, their reference VISA-1');
    expect(escalationTarget(tPl, vendor)).toBe('do Visa, ich numer VISA-1');
  });

  it('names the manager, or the team’s leads when none was named', () => {
    const hierarchical = { ...base, kind: 'hierarchical' as const, toTier: 1 };
    expect(escalationTarget(tEn, hierarchical)).toBe("to the team's leads");
    expect(
      escalationTarget(tEn, { ...hierarchical, manager: { id: 'm', displayName: 'Amelia Hughes' } }),
    ).toBe('to Amelia Hughes');
  });
});
