import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount, useAccounts } from '../../accounts/index.ts';

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
  const [picked, setPicked] = useState<ComboboxItem | null>(null);
  // An account picked here is named by its option; one given with the value (a link, a saved view) may be
  // on no page of search results, so it is looked up.
  const lookup = useAccount(value !== null && value !== picked?.value ? value : null);
  const selected = useMemo(() => {
    if (value === null) return null;
    if (value === picked?.value) return picked;
    return lookup.data ? { value: lookup.data.id, label: lookup.data.name } : null;
  }, [value, picked, lookup.data]);
  // Selecting puts the account's name in the search box: that is no new search.
  const query = debounced && debounced !== selected?.label ? debounced : '';
  const accounts = useAccounts(query ? { search: query } : {});
  const data = useMemo(() => {
    const found = (accounts.data?.pages.flatMap((page) => page.items) ?? []).map((account) => ({
      value: account.id,
      label: account.name,
    }));
    return selected && !found.some((option) => option.value === selected.value)
      ? [selected, ...found]
      : found;
  }, [accounts.data, selected]);

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
