import { Button, Card, Center, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { canSeeArea } from '../app/navigation.ts';
import {
  AccountFilters,
  AccountTable,
  canManageAccounts,
  CreateAccountModal,
  useAccounts,
  type AccountFilter,
  type AccountFilterValues,
} from '../modules/accounts/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { ForbiddenPage } from './forbidden-page.tsx';

const emptyFilter: AccountFilterValues = { search: '', countryCode: '', kind: null, segment: null };

/** The searchable list is for staff; a customer reaches their own account from the dashboard. */
export function AccountsPage() {
  const me = useCurrentUser();
  return canSeeArea(me.role, 'accounts') ? <AccountList /> : <ForbiddenPage />;
}

function AccountList() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [values, setValues] = useState<AccountFilterValues>(emptyFilter);
  const [search] = useDebouncedValue(values.search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const countryCode = /^[A-Z]{2}$/.test(values.countryCode) ? values.countryCode : '';

  const filter = useMemo<AccountFilter>(
    () => ({
      ...(search ? { search } : {}),
      ...(countryCode ? { countryCode } : {}),
      ...(values.kind ? { kind: values.kind } : {}),
      ...(values.segment ? { segment: values.segment } : {}),
    }),
    [search, countryCode, values.kind, values.segment],
  );
  const accounts = useAccounts(filter);
  const rows = accounts.data?.pages.flatMap((page) => page.items) ?? [];
  const canCreate = canManageAccounts(me.role);

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        actions={
          canCreate ? (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
              data-testid="account-new"
            >
              {t('accounts.create.open')}
            </Button>
          ) : null
        }
      />
      <AccountFilters value={values} onChange={setValues} />
      <Card withBorder padding={0}>
        {accounts.isPending ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : accounts.isError && rows.length === 0 ? (
          <Card.Section p="md">
            <ProblemAlert error={accounts.error} testId="accounts-error" />
          </Card.Section>
        ) : rows.length === 0 ? (
          <Text c="dimmed" size="sm" p="lg" ta="center" data-testid="accounts-empty">
            {t('accounts.empty')}
          </Text>
        ) : (
          <AccountTable accounts={rows} />
        )}
      </Card>
      {accounts.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void accounts.fetchNextPage()}
            loading={accounts.isFetchingNextPage}
            data-testid="accounts-load-more"
          >
            {t('accounts.loadMore')}
          </Button>
        </Group>
      ) : null}
      {accounts.isFetchNextPageError ? <ProblemAlert error={accounts.error} testId="accounts-error" /> : null}
      {canCreate ? (
        <CreateAccountModal
          opened={creating}
          onClose={() => setCreating(false)}
          onCreated={(account) => {
            setCreating(false);
            void navigate(`/accounts/${account.id}`);
          }}
        />
      ) : null}
    </>
  );
}
