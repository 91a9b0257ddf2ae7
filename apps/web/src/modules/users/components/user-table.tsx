import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import type { UserSummary } from '../api/users-types.ts';

interface UserTableProps {
  users: UserSummary[];
  timeZone: string;
}

export function UserTable({ users, timeZone }: UserTableProps) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useFormatters(timeZone);
  const now = Date.now();

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" striped highlightOnHover data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.columns.name')}</Table.Th>
            <Table.Th>{t('users.columns.role')}</Table.Th>
            <Table.Th>{t('users.columns.account')}</Table.Th>
            <Table.Th>{t('users.columns.status')}</Table.Th>
            <Table.Th>{t('users.columns.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
            return (
              <Table.Tr key={user.id} data-testid="user-row" data-user-email={user.email}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {user.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {user.email}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm">{t(`roles.${user.role}`)}</Text>
                    {user.tier ? (
                      <Badge size="xs" variant="light">
                        {t('tier', { tier: user.tier })}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={user.account ? undefined : 'dimmed'}>
                    {user.account ? user.account.name : t('users.operator')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {!user.isActive ? (
                    <Badge color="gray" variant="light">
                      {t('users.status.inactive')}
                    </Badge>
                  ) : locked && user.lockedUntil ? (
                    <Badge
                      color="orange"
                      variant="light"
                      title={t('users.lockedUntil', { date: formatDateTime(user.lockedUntil) })}
                    >
                      {t('users.status.locked')}
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light">
                      {t('users.status.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(user.createdAt)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
