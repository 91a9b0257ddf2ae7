import { useEffect } from 'react';
import { applyLanguage } from '../../../app/i18n/i18n.ts';
import { matchLanguage } from '../../../app/i18n/language.ts';
import { useMe } from './use-me.ts';

/** Once someone is signed in, their stored language wins over this device's last choice. */
export function useSyncUserLanguage(): void {
  const { data: me } = useMe();
  const language = me ? matchLanguage(me.language) : null;
  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);
}
