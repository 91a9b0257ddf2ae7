import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts } from '../../accounts/index.ts';

interface AccountSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  onChange: (accountId: string | null) => void;
  testId: string;
}

/** An account picked by typing part of its name; the server does the searching. */
export function AccountSelect({ value, onChange, testId, ...props }: AccountSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // Picking an option puts its name in the search box: that is no new search.
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const query = debounced && debounced !== picked?.label ? debounced : '';
  const accounts = useAccounts(query ? { search: query } : {});
  const data = useMemo(() => {
    const found = (accounts.data?.pages.flatMap((page) => page.items) ?? []).map((account) => ({
      value: account.id,
      label: account.name,
    }));
    return picked && value === picked.value && !found.some((option) => option.value === picked.value)
      ? [picked, ...found]
      : found;
  }, [accounts.data, picked, value]);

  return (
    <Select
      {...props}
      searchable
      clearable
      filter={({ options }) => options}
      nothingFoundMessage={accounts.isFetching ? t('common.loading') : t('cases.noAccounts')}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setPicked(id ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      data-testid={testId}
    />
  );
}
