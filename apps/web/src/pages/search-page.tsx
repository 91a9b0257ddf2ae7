import { useTranslation } from 'react-i18next';
import { canWorkCases, CaseSearchPanel } from '../modules/cases/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { PageHeader } from '../ui/page-header.tsx';

/** Case search for everyone: staff over every account, a customer over their own account's cases. */
export function SearchPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title={t('caseQueue.search.title')} subtitle={t('caseQueue.search.subtitle')} />
      <CaseSearchPanel withAccount={canWorkCases(me.role)} />
    </>
  );
}
