import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContractSummary } from '../api/contracts-types.ts';
import { ContractStatusBadge } from './contract-status-badge.tsx';
import { useContractFormat } from './use-contract-format.ts';

interface ContractTableProps {
  contracts: ContractSummary[];
  /** Off inside an account, where every row is that account's. */
  showAccount?: boolean;
}

export function ContractTable({ contracts, showAccount = true }: ContractTableProps) {
  const { t } = useTranslation();
  const { formatTerm } = useContractFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="contracts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contracts.fields.reference')}</Table.Th>
            <Table.Th>{t('contracts.fields.title')}</Table.Th>
            {showAccount ? <Table.Th>{t('contracts.fields.account')}</Table.Th> : null}
            <Table.Th>{t('contracts.fields.status')}</Table.Th>
            <Table.Th>{t('contracts.fields.term')}</Table.Th>
            <Table.Th>{t('contracts.fields.owner')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contracts.map((contract) => (
            <Table.Tr key={contract.id} data-testid="contract-row" data-reference={contract.reference}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/contracts/${contract.id}`}
                  fw={600}
                  size="sm"
                  data-testid="contract-link"
                >
                  {contract.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{contract.title}</Text>
              </Table.Td>
              {showAccount ? (
                <Table.Td>
                  <Anchor component={Link} to={`/accounts/${contract.accountId}`} size="sm">
                    {contract.accountName}
                  </Anchor>
                </Table.Td>
              ) : null}
              <Table.Td>
                <ContractStatusBadge status={contract.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatTerm(contract.startDate, contract.endDate)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{contract.owner?.displayName ?? '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
