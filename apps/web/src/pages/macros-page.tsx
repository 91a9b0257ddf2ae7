import { useTranslation } from 'react-i18next';
import { canWorkCases } from '../modules/cases/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { MacrosManager } from '../modules/macros/index.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ForbiddenPage } from './forbidden-page.tsx';

/** Macros, for the staff who work cases (customers never see them); reached from the case queue. */
export function MacrosPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!canWorkCases(me.role)) return <ForbiddenPage />;
  return (
    <>
      <PageHeader title={t('macros.title')} subtitle={t('macros.manage.subtitle')} />
      <MacrosManager />
    </>
  );
}
