import { languages } from '@paydesk/shared';
import { errorCodes } from '@paydesk/shared';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import esMX from './locales/es-MX.json';
import pl from './locales/pl.json';
import zhCN from './locales/zh-CN.json';

const catalogues: Record<(typeof languages)[number], unknown> = { en, 'es-MX': esMX, pl, 'zh-CN': zhCN };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
// Words that are the same in English and the language in question.
const sameAsEnglish = new Set(['Administrator', 'E-mail', 'Bank']);

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else for (const [k, v] of flatten(child, path)) out.set(k, v);
  }
  return out;
}

function baseKeys(flat: Map<string, string>): Set<string> {
  return new Set([...flat.keys()].map((key) => key.replace(pluralSuffix, '')));
}

const english = flatten(en);

describe.each(languages.filter((language) => language !== 'en'))('the %s catalogue', (language) => {
  const flat = flatten(catalogues[language]);

  it('has exactly the keys of the English one', () => {
    expect([...baseKeys(flat)].sort()).toEqual([...baseKeys(english)].sort());
  });

  it('has every plural form the language needs', () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const plurals = [...english.keys()].filter((key) => key.endsWith('_other'));
    for (const key of plurals) {
      const base = key.replace(pluralSuffix, '');
      for (const category of categories)
        expect(flat.has(`${base}_${category}`), `${base}_${category}`).toBe(true);
    }
  });

  it('is translated rather than copied from English', () => {
    const copied = [...flat].filter(([key, text]) => english.get(key) === text && !sameAsEnglish.has(text));
    expect(copied).toEqual([]);
  });

  it('keeps the interpolation placeholders of the English text', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of flat) {
      const source = english.get(key) ?? english.get(key.replace(pluralSuffix, '_other'));
      expect(placeholders(text), key).toEqual(placeholders(source ?? ''));
    }
  });
});

describe('the English catalogue', () => {
  it('has a message for every API error code', () => {
    for (const code of errorCodes) expect(english.has(`errors.${code}`), code).toBe(true);
  });
});
