import { languages, type Language } from '@paydesk/shared';

const storageKey = 'paydesk.language';

/**
 * Each language named in itself, so a person finds theirs whatever language the screen is in.
 * These are deliberately not translated.
 */
export const languageNames: Record<Language, string> = {
  en: 'English',
  'es-MX': 'Español (México)',
  pl: 'Polski',
  'zh-CN': '简体中文',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag (`es`, `es-419`, `pl-PL`, `zh-Hans-CN`) to the nearest supported language. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  if (isLanguage(tag)) return tag;
  const primary = tag.toLowerCase().split('-')[0];
  return languages.find((language) => language.toLowerCase().split('-')[0] === primary) ?? null;
}

export function readStoredLanguage(): Language | null {
  try {
    return matchLanguage(localStorage.getItem(storageKey));
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Storage can be unavailable (private mode, policy); the choice then lasts for this page only.
  }
}

export function detectInitialLanguage(): Language {
  return (
    readStoredLanguage() ??
    navigator.languages.map(matchLanguage).find((language) => language !== null) ??
    'en'
  );
}
