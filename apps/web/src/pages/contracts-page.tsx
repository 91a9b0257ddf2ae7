import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ContractFilters,
  ContractList,
  type ContractFilter,
  type ContractFilterValues,
} from '../modules/contracts/index.ts';
import { PageHeader } from '../ui/page-header.tsx';

const emptyFilter: ContractFilterValues = { q: '', status: null, endingBefore: '' };

/** Every contract the person may see, newest first. The route guard keeps it to the contracts area. */
export function ContractsPage() {
  const { t } = useTranslation();
  const [values, setValues] = useState(emptyFilter);
  const [q] = useDebouncedValue(values.q.trim(), 250);
  const filter = useMemo<ContractFilter>(
    () => ({
      ...(q ? { q } : {}),
      ...(values.status ? { status: values.status } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(values.endingBefore) ? { endingBefore: values.endingBefore } : {}),
    }),
    [q, values.status, values.endingBefore],
  );
  return (
    <>
      <PageHeader title={t('contracts.title')} subtitle={t('contracts.subtitle')} />
      <ContractFilters value={values} onChange={setValues} />
      <ContractList filter={filter} showAccount />
    </>
  );
}
