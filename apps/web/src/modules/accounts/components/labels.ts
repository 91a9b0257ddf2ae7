import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The country's name in the interface language, or the code itself when Intl does not know it. */
export function useCountryName() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    } catch {
      names = null;
    }
    return (code: string) => {
      try {
        return names?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    };
  }, [i18n.language]);
}
