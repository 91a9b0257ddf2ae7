import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LabelledValue } from '../../../ui/labelled-value.tsx';
import { SlaPolicyView } from '../../sla-policies/index.ts';
import type { ContractTerms } from '../api/contracts-types.ts';
import { useContractFormat } from './use-contract-format.ts';

interface TermsViewProps {
  terms: ContractTerms;
  calendars: ReadonlyArray<{ id: string; name: string }>;
  services: ReadonlyArray<{ code: string; name: string }>;
}

/** The newest terms of a contract, read-only. */
export function TermsView({ terms, calendars, services }: TermsViewProps) {
  const { t } = useTranslation();
  const { formatCivilDate, formatFee } = useContractFormat();
  const serviceName = (code: string) => services.find((service) => service.code === code)?.name ?? code;
  // Percents are exact decimal strings ("99.95"), shown as written.
  const percent = (value: string) => `${value}%`;
  const { sla } = terms;

  return (
    <Stack gap="lg" data-testid="contract-terms-view">
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <LabelledValue label={t('contracts.fields.title')}>{terms.title}</LabelledValue>
          <LabelledValue label={t('contracts.fields.startDate')}>
            {formatCivilDate(terms.startDate)}
          </LabelledValue>
          <LabelledValue label={t('contracts.fields.endDate')}>
            {terms.endDate ? formatCivilDate(terms.endDate) : t('contracts.openEnded')}
          </LabelledValue>
          <LabelledValue label={t('contracts.fields.noticePeriodDays')}>
            {t('contracts.days', { count: terms.noticePeriodDays })}
          </LabelledValue>
          <LabelledValue label={t('contracts.fields.autoRenew')}>
            {terms.autoRenew ? t('contracts.autoRenewOn') : t('contracts.autoRenewOff')}
          </LabelledValue>
          <LabelledValue label={t('contracts.fields.monthlyFee')} testId="contract-view-fee">
            {formatFee(terms.monthlyFee)}
          </LabelledValue>
          <LabelledValue label={t('contracts.fields.services')}>
            {terms.services.length > 0 ? terms.services.map(serviceName).join(', ') : t('common.none')}
          </LabelledValue>
        </SimpleGrid>
        {terms.notes ? (
          <Stack gap={2} mt="md">
            <LabelledValue label={t('contracts.fields.notes')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {terms.notes}
              </Text>
            </LabelledValue>
          </Stack>
        ) : null}
      </Card>

      <Card withBorder padding="lg">
        <Stack gap="lg">
          <Title order={4}>{t('contracts.sla.policies')}</Title>
          {sla.policies.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('contracts.sla.noPolicies')}
            </Text>
          ) : null}
          {sla.policies.map((policy) => (
            <Stack
              key={policy.name}
              gap="xs"
              data-testid="contract-policy-view"
              data-policy-name={policy.name}
            >
              <Title order={5}>{policy.name}</Title>
              <SlaPolicyView policy={policy} calendars={calendars} services={services} />
            </Stack>
          ))}

          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <LabelledValue label={t('contracts.sla.phoneAnswer')} testId="contract-view-phone">
              {sla.phoneAnswer
                ? t('contracts.sla.phoneAnswerText', {
                    percent: sla.phoneAnswer.percent,
                    seconds: sla.phoneAnswer.withinSeconds,
                  })
                : t('common.none')}
            </LabelledValue>
            <LabelledValue label={t('contracts.sla.penalties')}>
              {sla.incidentPenalties.length > 0
                ? sla.incidentPenalties
                    .map(
                      (penalty) =>
                        `${penalty.priority}: ${formatFee({ amountMinor: penalty.amountMinor, currency: terms.monthlyFee.currency })}`,
                    )
                    .join(' · ')
                : t('common.none')}
            </LabelledValue>
          </SimpleGrid>

          <Title order={5}>{t('contracts.sla.availability')}</Title>
          {sla.availability.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('contracts.sla.noAvailability')}
            </Text>
          ) : (
            sla.availability.map((target) => (
              <Stack key={target.service} gap={4} data-testid="contract-availability-view">
                <Text size="sm" fw={600}>
                  {t('contracts.sla.availabilityText', {
                    service: serviceName(target.service),
                    target: percent(target.targetPercent),
                    cap: percent(target.monthlyCapPercent),
                  })}
                </Text>
                <Table withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('contracts.sla.bandFrom')}</Table.Th>
                      <Table.Th>{t('contracts.sla.bandTo')}</Table.Th>
                      <Table.Th>{t('contracts.sla.bandCredit')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {target.creditBands.map((band) => (
                      <Table.Tr key={`${band.minPercent ?? ''}-${band.maxPercent}`}>
                        <Table.Td>{band.minPercent === null ? '—' : percent(band.minPercent)}</Table.Td>
                        <Table.Td>{percent(band.maxPercent)}</Table.Td>
                        <Table.Td>{percent(band.creditPercent)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            ))
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
