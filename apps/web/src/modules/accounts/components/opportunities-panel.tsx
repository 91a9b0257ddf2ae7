import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OpportunityStatus } from '@paydesk/shared';
import { useOpportunities } from '../hooks/use-accounts.ts';
import { formatMoney } from '../money.ts';
import { NextStepEditor } from './next-step-editor.tsx';
import { OpportunityModal } from './opportunity-modal.tsx';
import { OpportunityStatusSelect } from './opportunity-status-select.tsx';
import { PanelState } from '../../../ui/panel-state.tsx';

const statusColours: Record<OpportunityStatus, string> = {
  open: 'blue',
  in_progress: 'indigo',
  won: 'teal',
  lost: 'red',
  parked: 'gray',
};

interface OpportunitiesPanelProps {
  accountId: string;
  /** Work the opportunities in place: status and next step (`opportunities:manage`). */
  canManage: boolean;
}

export function OpportunitiesPanel({ accountId, canManage }: OpportunitiesPanelProps) {
  const { t, i18n } = useTranslation();
  const opportunities = useOpportunities(accountId);
  const [raising, setRaising] = useState(false);
  const rows = opportunities.data?.items ?? [];

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setRaising(true)}
          data-testid="opportunity-raise"
        >
          {t('accounts.opportunities.raise')}
        </Button>
      </Group>
      <PanelState
        isPending={opportunities.isPending}
        error={opportunities.error}
        isEmpty={rows.length === 0}
        emptyText={t('accounts.opportunities.empty')}
        testId="opportunities"
      >
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" data-testid="opportunities-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounts.opportunities.title')}</Table.Th>
                <Table.Th>{t('accounts.opportunities.status')}</Table.Th>
                <Table.Th ta="right">{t('accounts.opportunities.value')}</Table.Th>
                <Table.Th>{t('accounts.opportunities.raisedTo')}</Table.Th>
                <Table.Th>{t('accounts.opportunities.nextStep')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-testid="opportunity-row" data-status={row.status}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {row.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('accounts.opportunities.raisedBy', { name: row.raisedBy.displayName })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {canManage ? (
                      <OpportunityStatusSelect opportunity={row} />
                    ) : (
                      <Badge variant="light" color={statusColours[row.status]}>
                        {t(`accounts.opportunities.statuses.${row.status}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    <Text size="sm" data-testid="opportunity-value">
                      {row.value ? formatMoney(row.value, i18n.language) : t('common.none')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`accounts.opportunities.audiences.${row.raisedTo}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {canManage ? (
                      <NextStepEditor opportunity={row} />
                    ) : (
                      <Text size="sm" c={row.nextStep ? undefined : 'dimmed'}>
                        {row.nextStep || t('common.none')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </PanelState>
      {raising ? <OpportunityModal accountId={accountId} onClose={() => setRaising(false)} /> : null}
    </>
  );
}
