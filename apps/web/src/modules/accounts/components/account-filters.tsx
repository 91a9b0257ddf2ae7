import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { accountKinds, accountSegments, type AccountKind, type AccountSegment } from '@paydesk/shared';

export interface AccountFilterValues {
  search: string;
  countryCode: string;
  kind: AccountKind | null;
  segment: AccountSegment | null;
}

interface AccountFiltersProps {
  value: AccountFilterValues;
  onChange: (next: AccountFilterValues) => void;
}

export function AccountFilters({ value, onChange }: AccountFiltersProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md" data-testid="accounts-filters">
      <TextInput
        flex="1 1 280px"
        label={t('accounts.filters.search')}
        placeholder={t('accounts.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={value.search}
        onChange={(event) => onChange({ ...value, search: event.currentTarget.value })}
        data-testid="accounts-search"
      />
      <Select
        w={190}
        label={t('accounts.fields.kind')}
        placeholder={t('accounts.filters.any')}
        clearable
        data={accountKinds.map((kind) => ({ value: kind, label: t(`accounts.kinds.${kind}`) }))}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: kind as AccountKind | null })}
        data-testid="accounts-filter-kind"
      />
      <Select
        w={170}
        label={t('accounts.fields.segment')}
        placeholder={t('accounts.filters.any')}
        clearable
        data={accountSegments.map((segment) => ({
          value: segment,
          label: t(`accounts.segments.${segment}`),
        }))}
        value={value.segment}
        onChange={(segment) => onChange({ ...value, segment: segment as AccountSegment | null })}
        data-testid="accounts-filter-segment"
      />
      <TextInput
        w={120}
        label={t('accounts.fields.countryCode')}
        placeholder={t('accounts.filters.countryPlaceholder')}
        maxLength={2}
        value={value.countryCode}
        onChange={(event) => onChange({ ...value, countryCode: event.currentTarget.value.toUpperCase() })}
        data-testid="accounts-filter-country"
      />
    </Group>
  );
}
