import { languages, type Language } from '@paydesk/shared';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectInitialLanguage, storeLanguage } from './language.ts';
import en from './locales/en.json';
import esMX from './locales/es-MX.json';
import pl from './locales/pl.json';
import zhCN from './locales/zh-CN.json';

export const resources = {
  en: { translation: en },
  'es-MX': { translation: esMX },
  pl: { translation: pl },
  'zh-CN': { translation: zhCN },
} satisfies Record<Language, { translation: unknown }>;

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: detectInitialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...languages],
  load: 'currentOnly',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  showSupportNotice: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Switches the interface language and remembers it on this device. */
export async function applyLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
