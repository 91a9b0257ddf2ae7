import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Date formatting in the interface language and, when known, the person's own time zone. */
export function useFormatters(timeZone?: string | null) {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : undefined;
    const dateTime = new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(zone ? { timeZone: zone } : {}),
    });
    const date = new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'medium',
      ...(zone ? { timeZone: zone } : {}),
    });
    return {
      formatDateTime: (iso: string) => dateTime.format(new Date(iso)),
      formatDate: (iso: string) => date.format(new Date(iso)),
    };
  }, [i18n.language, timeZone]);
}
