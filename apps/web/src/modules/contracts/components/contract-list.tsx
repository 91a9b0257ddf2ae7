import { Button, Card, Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { ContractFilter } from '../api/contracts-types.ts';
import { useContracts } from '../hooks/use-contracts.ts';
import { ContractTable } from './contract-table.tsx';

/** Contracts matching a filter, newest first, with "load more" over the server's cursor. */
export function ContractList({ filter, showAccount }: { filter: ContractFilter; showAccount: boolean }) {
  const { t } = useTranslation();
  const contracts = useContracts(filter);
  const rows = contracts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Card withBorder padding={0}>
        {contracts.isPending ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : contracts.isError && rows.length === 0 ? (
          <Card.Section p="md">
            <ProblemAlert error={contracts.error} testId="contracts-error" />
          </Card.Section>
        ) : rows.length === 0 ? (
          <Text c="dimmed" size="sm" p="lg" ta="center" data-testid="contracts-empty">
            {t('contracts.empty')}
          </Text>
        ) : (
          <ContractTable contracts={rows} showAccount={showAccount} />
        )}
      </Card>
      {contracts.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void contracts.fetchNextPage()}
            loading={contracts.isFetchingNextPage}
            data-testid="contracts-load-more"
          >
            {t('contracts.loadMore')}
          </Button>
        </Group>
      ) : null}
      {contracts.isFetchNextPageError ? (
        <ProblemAlert error={contracts.error} testId="contracts-error" />
      ) : null}
    </>
  );
}
