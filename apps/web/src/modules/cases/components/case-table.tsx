import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Case } from '../api/cases-types.ts';
import { useNow } from '../hooks/use-now.ts';
import { CaseStatusBadge, PriorityBadge } from './case-badges.tsx';
import { DueLabel } from './due-label.tsx';

interface CaseTableProps {
  cases: Case[];
  timeZone: string;
  /** A customer's own requests need no account column. */
  withAccount: boolean;
}

export function CaseTable({ cases, timeZone, withAccount }: CaseTableProps) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="cases-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cases.fields.reference')}</Table.Th>
            <Table.Th>{t('cases.fields.subject')}</Table.Th>
            {withAccount ? <Table.Th>{t('cases.fields.account')}</Table.Th> : null}
            <Table.Th>{t('cases.fields.priority')}</Table.Th>
            <Table.Th>{t('cases.fields.status')}</Table.Th>
            <Table.Th>{t('cases.fields.assignee')}</Table.Th>
            <Table.Th>{t('cases.fields.nextDue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((item) => (
            <Table.Tr key={item.id} data-testid="case-row" data-case-reference={item.reference}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/cases/${item.reference}`}
                  fw={600}
                  size="sm"
                  ff="monospace"
                  style={{ whiteSpace: 'nowrap' }}
                  data-testid="case-link"
                >
                  {item.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2} data-testid="case-row-subject">
                  {item.subject}
                </Text>
              </Table.Td>
              {withAccount ? (
                <Table.Td>
                  <Text size="sm">{item.accountName}</Text>
                </Table.Td>
              ) : null}
              <Table.Td>
                <PriorityBadge priority={item.priority} />
              </Table.Td>
              <Table.Td>
                <CaseStatusBadge status={item.status} testId="case-row-status" />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={item.assignee ? undefined : 'dimmed'}>
                  {item.assignee?.displayName ?? t('cases.unassigned')}
                </Text>
              </Table.Td>
              <Table.Td>
                <DueLabel dueAt={item.nextDueAt} now={now} timeZone={timeZone} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
