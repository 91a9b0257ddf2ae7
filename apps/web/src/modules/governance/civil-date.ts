import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Governance dates are civil dates on the account's calendar (YYYY-MM-DD): they are shown as
 * written, never shifted into the viewer's time zone. Timeline entries may also be instants.
 */
export function useCivilDateFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      formatCivilDate: (text: string) => date.format(new Date(`${text}T00:00:00Z`)),
      formatMoment: (text: string) =>
        /^\d{4}-\d{2}-\d{2}$/.test(text)
          ? date.format(new Date(`${text}T00:00:00Z`))
          : dateTime.format(new Date(text)),
    };
  }, [i18n.language]);
}
