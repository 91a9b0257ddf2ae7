import { Group, Select, TextInput } from '@mantine/core';
import { contractStatuses, type ContractStatus } from '@paydesk/shared';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface ContractFilterValues {
  q: string;
  status: ContractStatus | null;
  /** YYYY-MM-DD, or empty. */
  endingBefore: string;
}

export function ContractFilters(props: {
  value: ContractFilterValues;
  onChange: (next: ContractFilterValues) => void;
}) {
  const { value, onChange } = props;
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md" data-testid="contracts-filters">
      <TextInput
        flex="1 1 280px"
        label={t('contracts.filters.search')}
        placeholder={t('contracts.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={value.q}
        onChange={(event) => onChange({ ...value, q: event.currentTarget.value })}
        data-testid="contracts-search"
      />
      <Select
        w={190}
        label={t('contracts.fields.status')}
        placeholder={t('contracts.filters.any')}
        clearable
        data={contractStatuses.map((status) => ({ value: status, label: t(`contracts.statuses.${status}`) }))}
        value={value.status}
        onChange={(status) => onChange({ ...value, status: status as ContractStatus | null })}
        data-testid="contracts-filter-status"
      />
      <TextInput
        w={190}
        type="date"
        label={t('contracts.filters.endingBefore')}
        value={value.endingBefore}
        onChange={(event) => onChange({ ...value, endingBefore: event.currentTarget.value })}
        data-testid="contracts-filter-ending"
      />
    </Group>
  );
}
