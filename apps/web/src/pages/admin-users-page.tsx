import { Button, Card, Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../modules/identity/index.ts';
import { UserTable, useUsers } from '../modules/users/index.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';

export function AdminUsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUsers();
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
      <Card withBorder padding={0}>
        {users.isPending ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : users.isError && rows.length === 0 ? (
          <Card.Section p="md">
            <ProblemAlert error={users.error} testId="users-error" />
          </Card.Section>
        ) : rows.length === 0 ? (
          <Text c="dimmed" size="sm" p="lg">
            {t('users.empty')}
          </Text>
        ) : (
          <UserTable users={rows} timeZone={me.timeZone} />
        )}
      </Card>
      {rows.length > 0 ? (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed" data-testid="users-count">
            {t('users.shown', { count: rows.length })}
          </Text>
          {users.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void users.fetchNextPage()}
              loading={users.isFetchingNextPage}
              data-testid="users-load-more"
            >
              {t('users.loadMore')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {users.isFetchNextPageError ? <ProblemAlert error={users.error} testId="users-error" /> : null}
    </>
  );
}
