import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorAt } from '../../sla-policies/index.ts';
import type { Contract } from '../api/contracts-types.ts';
import { todayCivil } from '../civil-date.ts';
import { defaultContractTerms } from '../default-terms.ts';
import { useCreateContract } from '../hooks/use-contracts.ts';
import { problemsOf, problemsWithin, unplacedProblems } from '../terms-problems.ts';
import { ProblemList } from './problem-list.tsx';

interface NewContractModalProps {
  accountId: string;
  onClose: () => void;
  onCreated: (contract: Contract) => void;
}

/** Starts a draft from the default terms: what it is called, when it runs and in which currency it is billed. */
export function NewContractModal({ accountId, onClose, onCreated }: NewContractModalProps) {
  const { t } = useTranslation();
  const create = useCreateContract(accountId);
  const [reference, setReference] = useState('');
  const [title, setTitle] = useState('');
  const [startDate, setStartDate] = useState(todayCivil);
  const [endDate, setEndDate] = useState('');
  const [currency, setCurrency] = useState('GBP');
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const problems = problemsOf(create.error);
  const fieldError = (field: string, path: string) =>
    missing.has(field) ? t('common.required') : errorAt(problemsWithin(problems, path), '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = { reference: reference.trim(), title: title.trim(), startDate, currency };
    const empty = new Set(
      Object.entries(values)
        .filter(([, value]) => value === '')
        .map(([key]) => key),
    );
    setMissing(empty);
    if (empty.size > 0) return;
    const terms = { ...defaultContractTerms(values), endDate: endDate || null };
    create.mutate({ reference: values.reference, terms }, { onSuccess: onCreated });
  }

  return (
    <Modal opened onClose={onClose} title={t('contracts.create.title')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="contract-create-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('contracts.fields.reference')}
              description={t('contracts.referenceHint')}
              required
              maxLength={50}
              value={reference}
              onChange={(event) => setReference(event.currentTarget.value)}
              error={fieldError('reference', 'body/reference')}
              data-autofocus
              data-testid="contract-create-reference"
            />
            <TextInput
              label={t('contracts.fields.title')}
              required
              maxLength={200}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={fieldError('title', 'body/terms/title')}
              data-testid="contract-create-title"
            />
            <TextInput
              type="date"
              label={t('contracts.fields.startDate')}
              required
              value={startDate}
              onChange={(event) => setStartDate(event.currentTarget.value)}
              error={fieldError('startDate', 'body/terms/startDate')}
              data-testid="contract-create-start"
            />
            <TextInput
              type="date"
              label={t('contracts.fields.endDate')}
              description={t('contracts.terms.endDateHint')}
              value={endDate}
              onChange={(event) => setEndDate(event.currentTarget.value)}
              error={fieldError('endDate', 'body/terms/endDate')}
              data-testid="contract-create-end"
            />
            <TextInput
              label={t('contracts.fields.currency')}
              description={t('contracts.create.currencyHint')}
              required
              maxLength={3}
              value={currency}
              onChange={(event) => setCurrency(event.currentTarget.value.toUpperCase())}
              error={fieldError('currency', 'body/terms/monthlyFee/currency')}
              data-testid="contract-create-currency"
            />
          </SimpleGrid>
          <ProblemList
            error={create.error}
            problems={unplacedProblems(problems)}
            testId="contract-create-error"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="contract-create-submit">
              {t('contracts.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
