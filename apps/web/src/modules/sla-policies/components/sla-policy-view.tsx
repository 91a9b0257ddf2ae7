import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { priorities, slaMetrics } from '@paydesk/shared';
import { useTranslation } from 'react-i18next';
import { LabelledValue } from '../../../ui/labelled-value.tsx';
import { formatDuration } from '../duration.ts';
import type { SlaPolicy } from '../sla-policy-types.ts';

interface SlaPolicyViewProps {
  policy: SlaPolicy;
  calendars: ReadonlyArray<{ id: string; name: string }>;
  services: ReadonlyArray<{ code: string; name: string }>;
}

/** One SLA policy, read-only: the target matrix first, then what it covers and what it does. */
export function SlaPolicyView({ policy, calendars, services }: SlaPolicyViewProps) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  const any = t('slaPolicies.any');
  const none = t('common.none');
  const list = (values: readonly string[], empty: string) => (values.length > 0 ? values.join(', ') : empty);
  const calendar =
    policy.calendarId === null
      ? t('slaPolicies.calendar24x7')
      : (calendars.find((candidate) => candidate.id === policy.calendarId)?.name ?? policy.calendarId);
  const serviceName = (code: string) => services.find((service) => service.code === code)?.name ?? code;

  return (
    <Stack gap="md" data-testid="sla-policy-view">
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder withColumnBorders data-testid="sla-policy-view-matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('slaPolicies.fields.priority')}</Table.Th>
              {slaMetrics.map((metric) => (
                <Table.Th key={metric}>{t(`slaPolicies.metrics.${metric}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {priorities.map((priority) => (
              <Table.Tr key={priority}>
                <Table.Th scope="row">{priority}</Table.Th>
                {slaMetrics.map((metric) => {
                  const minutes = policy.targets[priority][metric];
                  return (
                    <Table.Td
                      key={metric}
                      data-testid={`sla-view-${priority}-${metric}`}
                      data-minutes={minutes ?? ''}
                    >
                      {minutes === null ? (
                        <Text span c="dimmed" size="sm">
                          —
                        </Text>
                      ) : (
                        formatDuration(minutes)
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text c="dimmed" size="xs">
        {t('slaPolicies.dashMeansNotMeasured')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <LabelledValue label={t('slaPolicies.fields.calendar')} testId="sla-view-calendar">
          {calendar}
        </LabelledValue>
        <LabelledValue label={t('slaPolicies.fields.services')}>
          {list(policy.conditions.services.map(serviceName), any)}
        </LabelledValue>
        <LabelledValue label={t('slaPolicies.fields.caseTypes')}>
          {list(
            policy.conditions.caseTypes.map((type) => t(`slaPolicies.caseTypes.${type}`)),
            any,
          )}
        </LabelledValue>
        <LabelledValue label={t('slaPolicies.fields.channels')}>
          {list(
            policy.conditions.channels.map((channel) => t(`slaPolicies.channels.${channel}`)),
            any,
          )}
        </LabelledValue>
        <LabelledValue label={t('slaPolicies.fields.pauseStatuses')}>
          {list(
            policy.pauseStatuses.map((status) => t(`slaPolicies.pauseStatuses.${status}`)),
            none,
          )}
        </LabelledValue>
        <LabelledValue label={t('slaPolicies.fields.warningThresholds')}>
          {list(
            policy.warningThresholds.map((threshold) => percent.format(threshold / 100)),
            none,
          )}
        </LabelledValue>
        <LabelledValue label={t('slaPolicies.fields.breachActions')}>
          {list(
            policy.breachActions.map((action) => t(`slaPolicies.breachActions.${action}`)),
            none,
          )}
        </LabelledValue>
      </SimpleGrid>
    </Stack>
  );
}
