import { Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/http/api-error.ts';
import { errorAt } from '../../sla-policies/index.ts';
import { conflictingContract } from '../api/contracts-api.ts';
import { contractsKeys } from '../api/contracts-keys.ts';
import type { Contract, ContractTerms } from '../api/contracts-types.ts';
import { addYears, todayCivil } from '../civil-date.ts';
import { useChangeTerms, useReplaceDraft } from '../hooks/use-contracts.ts';
import { problemsOf, problemsWithin, unplacedProblems } from '../terms-problems.ts';
import { ConflictAlert } from './conflict-alert.tsx';
import { ProblemList } from './problem-list.tsx';
import { TermsForm } from './terms-form.tsx';
import { TermsView } from './terms-view.tsx';

/** Amend (a new version from a date) or renew (a new version running to a later end date). */
export type TermsChangeKind = 'amend' | 'renew';

interface TermsTabProps {
  contract: Contract;
  canManage: boolean;
  /** An amendment or renewal being written; none: the terms are shown (or, for a draft, edited). */
  change: TermsChangeKind | null;
  onChangeDone: () => void;
  calendars: ReadonlyArray<{ id: string; name: string }>;
  services: ReadonlyArray<{ code: string; name: string }>;
}

/**
 * A draft's terms are edited in place; a contract in force changes only by an amendment or a
 * renewal, written in the same editor from its newest terms.
 */
export function TermsTab({ contract, canManage, change, onChangeDone, calendars, services }: TermsTabProps) {
  if (canManage && contract.status === 'draft')
    return <DraftEditor key={contract.id} contract={contract} calendars={calendars} services={services} />;
  if (canManage && change)
    return (
      <ChangeEditor
        key={`${contract.id}-${change}`}
        kind={change}
        contract={contract}
        onDone={onChangeDone}
        calendars={calendars}
        services={services}
      />
    );
  return <TermsView terms={contract.terms} calendars={calendars} services={services} />;
}

type EditorProps = Pick<TermsTabProps, 'contract' | 'calendars' | 'services'>;

function DraftEditor({ contract, calendars, services }: EditorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useReplaceDraft(contract.id);
  const [reference, setReference] = useState(contract.reference);
  const [terms, setTerms] = useState(contract.terms);
  // The revision the form was filled from: a save on top of anyone else's is a conflict.
  const [revision, setRevision] = useState(contract.revision);
  const [isSaved, setIsSaved] = useState(false);
  const conflict = conflictingContract(save.error);
  const problems = conflict ? [] : problemsOf(save.error);

  function load(current: Contract) {
    queryClient.setQueryData(contractsKeys.detail(current.id), current);
    save.reset();
    setReference(current.reference);
    setTerms(current.terms);
    setRevision(current.revision);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaved(false);
    save.mutate(
      { revision, input: { reference: reference.trim(), ownerId: contract.owner?.id ?? null, terms } },
      {
        onSuccess: (saved) => {
          load(saved);
          setIsSaved(true);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="contract-draft-form">
      <Stack gap="lg">
        <Card withBorder padding="lg">
          <TextInput
            label={t('contracts.fields.reference')}
            description={t('contracts.referenceHint')}
            required
            maxLength={50}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            error={errorAt(problemsWithin(problems, 'body/reference'), '')}
            data-testid="contract-draft-reference"
          />
        </Card>
        <TermsForm
          value={terms}
          onChange={(next) => {
            setIsSaved(false);
            setTerms(next);
          }}
          problems={problems}
          calendars={calendars}
          services={services}
        />
        {conflict ? (
          <ConflictAlert current={conflict} onReload={load} />
        ) : (
          <ProblemList
            error={save.error}
            problems={unplacedProblems(problems)}
            testId="contract-save-error"
          />
        )}
        <Group justify="flex-end">
          {isSaved ? (
            <Text size="sm" c="green" data-testid="contract-saved">
              {t('contracts.terms.saved')}
            </Text>
          ) : null}
          <Button type="submit" loading={save.isPending} data-testid="contract-draft-save">
            {t('contracts.terms.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ChangeEditor({
  kind,
  contract,
  onDone,
  calendars,
  services,
}: EditorProps & { kind: TermsChangeKind; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useChangeTerms(contract.id);
  const [terms, setTerms] = useState<ContractTerms>(() =>
    kind === 'renew' && contract.terms.endDate
      ? { ...contract.terms, endDate: addYears(contract.terms.endDate, 1) }
      : contract.terms,
  );
  const [effectiveFrom, setEffectiveFrom] = useState(() => (kind === 'amend' ? todayCivil() : ''));
  const [summary, setSummary] = useState('');
  const [revision, setRevision] = useState(contract.revision);
  const conflict = conflictingContract(save.error);
  const problems = conflict ? [] : problemsOf(save.error);
  const isDateRefused = isApiError(save.error) && save.error.code === 'CONTRACT_EFFECTIVE_DATE_INVALID';
  const dateError =
    errorAt(problemsWithin(problems, 'body/effectiveFrom'), '') ??
    (isDateRefused ? t('errors.CONTRACT_EFFECTIVE_DATE_INVALID') : undefined);

  function reload(current: Contract) {
    queryClient.setQueryData(contractsKeys.detail(current.id), current);
    save.reset();
    setTerms(current.terms);
    setRevision(current.revision);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { summary: summary.trim(), terms };
    save.mutate(
      kind === 'amend'
        ? { kind, revision, input: { ...input, effectiveFrom } }
        : { kind, revision, input: effectiveFrom ? { ...input, effectiveFrom } : input },
      { onSuccess: onDone },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="contract-change-form" data-kind={kind}>
      <Stack gap="lg">
        <Card withBorder padding="lg">
          <Title order={4} mb="sm">
            {t(`contracts.change.${kind}Title`, { reference: contract.reference })}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextInput
              type="date"
              label={t('contracts.fields.effectiveFrom')}
              description={t(`contracts.change.${kind}DateHint`)}
              required={kind === 'amend'}
              value={effectiveFrom}
              onChange={(event) => setEffectiveFrom(event.currentTarget.value)}
              error={dateError}
              data-testid="contract-change-effective"
            />
            <Textarea
              label={t('contracts.fields.summary')}
              description={t('contracts.change.summaryHint')}
              required
              maxLength={2000}
              autosize
              minRows={2}
              value={summary}
              onChange={(event) => setSummary(event.currentTarget.value)}
              error={errorAt(problemsWithin(problems, 'body/summary'), '')}
              data-testid="contract-change-summary"
            />
          </SimpleGrid>
        </Card>
        <TermsForm
          value={terms}
          onChange={setTerms}
          problems={problems}
          calendars={calendars}
          services={services}
        />
        {conflict ? (
          <ConflictAlert current={conflict} onReload={reload} />
        ) : isDateRefused && problems.length <= 1 ? null : (
          <ProblemList
            error={save.error}
            problems={unplacedProblems(problems)}
            testId="contract-save-error"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} data-testid="contract-change-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="contract-change-submit">
            {t(`contracts.change.${kind}Submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
