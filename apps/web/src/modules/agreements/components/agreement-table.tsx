import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../sla-policies/index.ts';
import { agreementStatus } from '../agreement-status.ts';
import type { Agreement } from '../api/agreements-types.ts';

interface AgreementTableProps {
  agreements: Agreement[];
  calendars: ReadonlyArray<{ id: string; name: string }>;
  /** Absent: the person may only read. */
  onEdit?: ((agreement: Agreement) => void) | undefined;
  onWithdraw?: ((agreement: Agreement) => void) | undefined;
}

const statusColours = { scheduled: 'blue', in_force: 'green', ended: 'gray' } as const;

/** OLAs or underpinning contracts: who promises, the P1 targets at a glance, the calendar and term. */
export function AgreementTable({ agreements, calendars, onEdit, onWithdraw }: AgreementTableProps) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const calendarName = (id: string | null) =>
    id === null ? t('slaPolicies.calendar24x7') : (calendars.find((c) => c.id === id)?.name ?? id);
  const target = (minutes: number | null) => (minutes === null ? '—' : formatDuration(minutes));

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" data-testid="agreements-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('agreements.fields.party')}</Table.Th>
            <Table.Th>{t('agreements.fields.name')}</Table.Th>
            <Table.Th>{t('agreements.fields.p1FirstResponse')}</Table.Th>
            <Table.Th>{t('agreements.fields.p1Resolution')}</Table.Th>
            <Table.Th>{t('slaPolicies.fields.calendar')}</Table.Th>
            <Table.Th>{t('agreements.fields.term')}</Table.Th>
            {onEdit ? <Table.Th aria-label={t('agreements.actions')} /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agreements.map((agreement) => {
            const status = agreementStatus(agreement, today);
            const p1 = agreement.policy.targets.P1;
            return (
              <Table.Tr key={agreement.id} data-testid="agreement-row" data-agreement-name={agreement.name}>
                <Table.Td>
                  <Text size="sm" fw={600} data-testid="agreement-party-name">
                    {agreement.team?.name ?? agreement.vendor?.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{agreement.name}</Text>
                  {agreement.reference ? (
                    <Text size="xs" c="dimmed" data-testid="agreement-row-reference">
                      {agreement.reference}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td data-testid="agreement-p1-first-response">{target(p1.firstResponse)}</Table.Td>
                <Table.Td data-testid="agreement-p1-resolution">{target(p1.resolution)}</Table.Td>
                <Table.Td data-testid="agreement-calendar">
                  {calendarName(agreement.policy.calendarId)}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={statusColours[status]} data-testid="agreement-status">
                    {t(`agreements.status.${status}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {agreement.effectiveTo
                      ? t('agreements.termBounded', {
                          from: agreement.effectiveFrom,
                          to: agreement.effectiveTo,
                        })
                      : t('agreements.termOpen', { from: agreement.effectiveFrom })}
                  </Text>
                </Table.Td>
                {onEdit ? (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => onEdit(agreement)}
                        data-testid="agreement-edit"
                      >
                        {t('agreements.edit.open')}
                      </Button>
                      {onWithdraw && status !== 'ended' ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => onWithdraw(agreement)}
                          data-testid="agreement-withdraw"
                        >
                          {t('agreements.withdraw.open')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
