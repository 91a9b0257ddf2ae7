import { Checkbox, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { caseStatuses, priorities, type CaseStatus, type Priority } from '@paydesk/shared';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AccountSelect } from './account-select.tsx';

export interface CaseFilterValues {
  q: string;
  status: CaseStatus[];
  priority: Priority | null;
  openOnly: boolean;
  accountId: string | null;
}

export const emptyCaseFilter: CaseFilterValues = {
  q: '',
  status: [],
  priority: null,
  openOnly: true,
  accountId: null,
};

interface CaseFiltersProps {
  value: CaseFilterValues;
  onChange: (next: CaseFilterValues) => void;
  /** Staff filter by account; a customer only ever sees their own. */
  withAccount: boolean;
}

export function CaseFilters({ value, onChange, withAccount }: CaseFiltersProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md" data-testid="cases-filters">
      <TextInput
        flex="1 1 240px"
        label={t('cases.filters.search')}
        placeholder={t('cases.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={value.q}
        onChange={(event) => onChange({ ...value, q: event.currentTarget.value })}
        data-testid="cases-search"
      />
      {withAccount ? (
        <AccountSelect
          w={220}
          label={t('cases.fields.account')}
          placeholder={t('cases.filters.any')}
          value={value.accountId}
          onChange={(accountId) => onChange({ ...value, accountId })}
          testId="cases-filter-account"
        />
      ) : null}
      <MultiSelect
        w={260}
        label={t('cases.fields.status')}
        placeholder={value.status.length ? undefined : t('cases.filters.any')}
        clearable
        data={caseStatuses.map((status) => ({ value: status, label: t(`cases.statuses.${status}`) }))}
        value={value.status}
        onChange={(status) => onChange({ ...value, status: status as CaseStatus[] })}
        data-testid="cases-filter-status"
      />
      <Select
        w={130}
        label={t('cases.fields.priority')}
        placeholder={t('cases.filters.any')}
        clearable
        data={priorities.map((priority) => ({ value: priority, label: t(`cases.priorities.${priority}`) }))}
        value={value.priority}
        onChange={(priority) => onChange({ ...value, priority: priority as Priority | null })}
        data-testid="cases-filter-priority"
      />
      <Checkbox
        mb={8}
        label={t('cases.filters.openOnly')}
        checked={value.openOnly}
        onChange={(event) => onChange({ ...value, openOnly: event.currentTarget.checked })}
        data-testid="cases-filter-open"
      />
    </Group>
  );
}
