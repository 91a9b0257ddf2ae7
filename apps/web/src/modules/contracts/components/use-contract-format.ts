import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../accounts/index.ts';
import type { ContractTerms } from '../api/contracts-types.ts';

/**
 * Contract dates are civil dates (YYYY-MM-DD) on the account's calendar: shown as written, never
 * shifted into the viewer's zone. Instants (uploads, decisions) are shown in the viewer's own.
 */
export function useContractFormat() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
    const moment = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    const formatCivilDate = (text: string) => date.format(new Date(`${text}T00:00:00Z`));
    return {
      formatCivilDate,
      formatMoment: (iso: string) => moment.format(new Date(iso)),
      formatTerm: (startDate: string, endDate: string | null) =>
        endDate
          ? t('contracts.term', { start: formatCivilDate(startDate), end: formatCivilDate(endDate) })
          : t('contracts.termOpen', { start: formatCivilDate(startDate) }),
      formatFee: (fee: ContractTerms['monthlyFee']) => formatMoney(fee, i18n.language),
    };
  }, [t, i18n.language]);
}
