import {
  Card,
  Group,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorAt, type PolicyFieldError } from '../../sla-policies/index.ts';
import type { ContractTerms } from '../api/contracts-types.ts';
import { problemsWithin } from '../terms-problems.ts';
import { MoneyInput } from './money-input.tsx';
import { SlaTermsEditor } from './sla-terms-editor.tsx';

interface TermsFormProps {
  value: ContractTerms;
  onChange: (next: ContractTerms) => void;
  /** Every problem of the last save, paths as the server wrote them (`body/terms/title`). */
  problems: readonly PolicyFieldError[];
  calendars: ReadonlyArray<{ id: string; name: string }>;
  services: ReadonlyArray<{ code: string; name: string }>;
}

/** The terms of a contract version: the commercial part, then its service levels. */
export function TermsForm({ value, onChange, problems, calendars, services }: TermsFormProps) {
  const { t } = useTranslation();
  const errors = problemsWithin(problems, 'body/terms');
  const set = <K extends keyof ContractTerms>(key: K, next: ContractTerms[K]) =>
    onChange({ ...value, [key]: next });
  const serviceOptions = services.map((service) => ({ value: service.code, label: service.name }));
  for (const code of value.services)
    if (!serviceOptions.some((option) => option.value === code))
      serviceOptions.push({ value: code, label: code });

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Title order={4} mb="sm">
          {t('contracts.terms.general')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <TextInput
            label={t('contracts.fields.title')}
            required
            maxLength={200}
            value={value.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={errorAt(errors, '/title')}
            data-testid="contract-terms-title"
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('contracts.fields.startDate')}
              required
              value={value.startDate}
              onChange={(event) => set('startDate', event.currentTarget.value)}
              error={errorAt(errors, '/startDate')}
              data-testid="contract-terms-start"
            />
            <TextInput
              type="date"
              label={t('contracts.fields.endDate')}
              description={t('contracts.terms.endDateHint')}
              value={value.endDate ?? ''}
              onChange={(event) => set('endDate', event.currentTarget.value || null)}
              error={errorAt(errors, '/endDate')}
              data-testid="contract-terms-end"
            />
          </Group>
          <Group grow align="flex-start">
            <NumberInput
              label={t('contracts.fields.noticePeriodDays')}
              min={0}
              max={730}
              allowDecimal={false}
              value={value.noticePeriodDays}
              onChange={(next) => set('noticePeriodDays', Number(next) || 0)}
              error={errorAt(errors, '/noticePeriodDays')}
              data-testid="contract-terms-notice"
            />
            <Switch
              mt={30}
              label={t('contracts.fields.autoRenew')}
              checked={value.autoRenew}
              onChange={(event) => set('autoRenew', event.currentTarget.checked)}
              data-testid="contract-terms-auto-renew"
            />
          </Group>
          <Group grow align="flex-start">
            <MoneyInput
              label={t('contracts.fields.monthlyFee')}
              required
              currency={value.monthlyFee.currency}
              value={value.monthlyFee.amountMinor}
              onChange={(amountMinor) =>
                set('monthlyFee', {
                  ...value.monthlyFee,
                  amountMinor: amountMinor ?? value.monthlyFee.amountMinor,
                })
              }
              error={errorAt(errors, '/monthlyFee/amountMinor')}
              testId="contract-terms-fee"
            />
            <TextInput
              label={t('contracts.fields.currency')}
              maxLength={3}
              value={value.monthlyFee.currency}
              onChange={(event) =>
                set('monthlyFee', { ...value.monthlyFee, currency: event.currentTarget.value.toUpperCase() })
              }
              error={errorAt(errors, '/monthlyFee/currency')}
              data-testid="contract-terms-currency"
            />
          </Group>
          <MultiSelect
            label={t('contracts.fields.services')}
            data={serviceOptions}
            value={value.services}
            onChange={(next) => set('services', next)}
            searchable
            error={errorAt(errors, '/services')}
            data-testid="contract-terms-services"
          />
        </SimpleGrid>
        <Textarea
          mt="sm"
          label={t('contracts.fields.notes')}
          maxLength={10_000}
          autosize
          minRows={2}
          value={value.notes}
          onChange={(event) => set('notes', event.currentTarget.value)}
          error={errorAt(errors, '/notes')}
          data-testid="contract-terms-notes"
        />
      </Card>
      <Card withBorder padding="lg">
        <SlaTermsEditor
          value={value.sla}
          onChange={(sla) => set('sla', sla)}
          currency={value.monthlyFee.currency}
          calendars={calendars}
          services={services}
          errors={problemsWithin(errors, '/sla')}
        />
      </Card>
    </Stack>
  );
}
