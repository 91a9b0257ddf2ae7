import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { opportunityAudiences, type OpportunityAudience } from '@paydesk/shared';
import { useCreateOpportunity } from '../hooks/use-accounts.ts';
import { parseMoneyInput } from '../money.ts';

interface OpportunityModalProps {
  accountId: string;
  onClose: () => void;
}

interface FieldErrors {
  title?: string;
  amount?: string;
  currency?: string;
}

export function OpportunityModal({ accountId, onClose }: OpportunityModalProps) {
  const { t } = useTranslation();
  const create = useCreateOpportunity(accountId);
  const [title, setTitle] = useState('');
  const [raisedTo, setRaisedTo] = useState<OpportunityAudience>('account_manager');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('GBP');
  const [nextStep, setNextStep] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: FieldErrors = {};
    if (title.trim() === '') next.title = t('common.required');
    let amountMinor: string | null = null;
    if (amount.trim() !== '') {
      if (!/^[A-Za-z]{3}$/.test(currency.trim())) next.currency = t('accounts.opportunities.currencyInvalid');
      else {
        amountMinor = parseMoneyInput(amount, currency.trim().toUpperCase());
        if (amountMinor === null) next.amount = t('accounts.opportunities.amountInvalid');
      }
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    create.mutate(
      {
        title: title.trim(),
        raisedTo,
        description: description.trim(),
        nextStep: nextStep.trim(),
        value: amountMinor === null ? null : { amountMinor, currency: currency.trim().toUpperCase() },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('accounts.opportunities.raiseTitle')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="opportunity-form">
        <Stack gap="sm">
          <ProblemAlert error={create.error} testId="opportunity-form-error" />
          <TextInput
            label={t('accounts.opportunities.title')}
            required
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            data-autofocus
            data-testid="opportunity-title"
          />
          <Select
            label={t('accounts.opportunities.raisedTo')}
            data={opportunityAudiences.map((value) => ({
              value,
              label: t(`accounts.opportunities.audiences.${value}`),
            }))}
            value={raisedTo}
            onChange={(value) => setRaisedTo((value as OpportunityAudience | null) ?? 'account_manager')}
            allowDeselect={false}
            data-testid="opportunity-raised-to"
          />
          <Textarea
            label={t('accounts.opportunities.description')}
            autosize
            minRows={3}
            maxLength={10000}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            data-testid="opportunity-description"
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('accounts.opportunities.value')}
              description={t('accounts.opportunities.valueHint')}
              inputMode="decimal"
              value={amount}
              onChange={(event) => setAmount(event.currentTarget.value)}
              error={errors.amount}
              data-testid="opportunity-amount"
            />
            <TextInput
              label={t('accounts.opportunities.currency')}
              description={t('accounts.opportunities.currencyHint')}
              maxLength={3}
              value={currency}
              onChange={(event) => setCurrency(event.currentTarget.value.toUpperCase())}
              error={errors.currency}
              data-testid="opportunity-currency"
            />
          </Group>
          <TextInput
            label={t('accounts.opportunities.nextStep')}
            maxLength={1000}
            value={nextStep}
            onChange={(event) => setNextStep(event.currentTarget.value)}
            data-testid="opportunity-next-step"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="opportunity-submit">
              {t('accounts.opportunities.raise')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
