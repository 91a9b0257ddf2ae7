import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Account } from '../api/accounts-types.ts';
import { useCountryName } from './labels.ts';

interface AccountTableProps {
  accounts: Account[];
}

export function AccountTable({ accounts }: AccountTableProps) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounts.fields.name')}</Table.Th>
            <Table.Th>{t('accounts.fields.kind')}</Table.Th>
            <Table.Th>{t('accounts.fields.segment')}</Table.Th>
            <Table.Th>{t('accounts.fields.country')}</Table.Th>
            <Table.Th>{t('accounts.fields.owner')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={account.id} data-testid="account-row" data-account-name={account.name}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/accounts/${account.id}`}
                  fw={600}
                  size="sm"
                  data-testid="account-link"
                >
                  {account.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {account.legalName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`accounts.kinds.${account.kind}`)}</Text>
              </Table.Td>
              <Table.Td>
                {account.segment ? (
                  <Badge variant="light" color="gray">
                    {t(`accounts.segments.${account.segment}`)}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('common.none')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{countryName(account.countryCode)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={account.owner ? undefined : 'dimmed'}>
                  {account.owner?.displayName ?? t('accounts.noOwner')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
