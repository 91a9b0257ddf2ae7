import type { Language } from '@paydesk/shared';
import { useTranslation } from 'react-i18next';
import { matchLanguage } from './language.ts';

export function useCurrentLanguage(): Language {
  const { i18n } = useTranslation();
  return matchLanguage(i18n.language) ?? 'en';
}
