import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/http/api-error.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { emptySlaPolicy, policyErrorsOf, SlaPolicyEditor, type SlaPolicy } from '../../sla-policies/index.ts';
import type { Agreement, AgreementInput, AgreementKind } from '../api/agreements-types.ts';
import { useSaveAgreement, useServiceCatalogue, useTeams, useVendors } from '../hooks/use-agreements.ts';

interface AgreementModalProps {
  opened: boolean;
  onClose: () => void;
  /** The agreement to edit; a new one when absent. */
  agreement?: Agreement | undefined;
  /** The kind a new agreement starts as. */
  kind: AgreementKind;
  calendars: ReadonlyArray<{ id: string; name: string }>;
}

interface Draft {
  kind: AgreementKind;
  partyId: string | null;
  name: string;
  reference: string;
  effectiveFrom: string;
  effectiveTo: string;
  policy: SlaPolicy;
}

function draftOf(agreement: Agreement | undefined, kind: AgreementKind): Draft {
  if (!agreement)
    return {
      kind,
      partyId: null,
      name: '',
      reference: '',
      effectiveFrom: new Date().toISOString().slice(0, 10),
      effectiveTo: '',
      policy: emptySlaPolicy(),
    };
  return {
    kind: agreement.kind,
    partyId: agreement.team?.id ?? agreement.vendor?.id ?? null,
    name: agreement.name,
    reference: agreement.reference,
    effectiveFrom: agreement.effectiveFrom,
    effectiveTo: agreement.effectiveTo ?? '',
    policy: agreement.policy,
  };
}

/** Creates or edits an OLA or an underpinning contract: who promises, when, and the SLA policy. */
export function AgreementModal(props: AgreementModalProps) {
  const { opened, onClose, agreement, kind, calendars } = props;
  const { t } = useTranslation();
  const save = useSaveAgreement();
  const teams = useTeams();
  const vendors = useVendors();
  const services = useServiceCatalogue();
  const [draft, setDraft] = useState(() => draftOf(agreement, kind));
  const [required, setRequired] = useState<Set<string>>(new Set());
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const serverError = (path: string) =>
    isApiError(save.error)
      ? save.error.problem?.errors?.find((problem) => problem.path === path)?.message
      : undefined;
  const fieldError = (field: string, path: string) =>
    required.has(field) ? t('common.required') : serverError(path);

  function close() {
    save.reset();
    setRequired(new Set());
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = new Set<string>();
    if (!draft.partyId) missing.add('party');
    if (draft.name.trim() === '') missing.add('name');
    if (draft.effectiveFrom === '') missing.add('effectiveFrom');
    setRequired(missing);
    if (missing.size > 0 || !draft.partyId) return;
    const input: AgreementInput = {
      kind: draft.kind,
      ...(draft.kind === 'ola' ? { teamId: draft.partyId } : { vendorId: draft.partyId }),
      name: draft.name.trim(),
      reference: draft.reference.trim(),
      policy: { ...draft.policy, name: draft.policy.name.trim() || draft.name.trim() },
      effectiveFrom: draft.effectiveFrom,
      effectiveTo: draft.effectiveTo === '' ? null : draft.effectiveTo,
    };
    save.mutate(agreement ? { id: agreement.id, version: agreement.version, input } : { input }, {
      onSuccess: close,
    });
  }

  const isOla = draft.kind === 'ola';
  const parties = isOla
    ? (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))
    : (vendors.data?.items ?? [])
        .filter((vendor) => vendor.isActive || vendor.id === draft.partyId)
        .map((vendor) => ({ value: vendor.id, label: vendor.name }));

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t(agreement ? 'agreements.edit.title' : 'agreements.create.title')}
      size="xl"
      centered
    >
      <form onSubmit={submit} noValidate data-testid="agreement-form">
        <Stack gap="sm">
          <ProblemAlert error={save.error} testId="agreement-form-error" />
          {agreement ? null : (
            <SegmentedControl
              value={draft.kind}
              onChange={(value) => setDraft((d) => ({ ...d, kind: value as AgreementKind, partyId: null }))}
              data={[
                { value: 'ola', label: t('agreements.kinds.ola') },
                { value: 'underpinning', label: t('agreements.kinds.underpinning') },
              ]}
              data-testid="agreement-kind"
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t(isOla ? 'agreements.fields.team' : 'agreements.fields.vendor')}
              required
              searchable
              data={parties}
              value={draft.partyId}
              onChange={(value) => set('partyId', value)}
              error={fieldError('party', isOla ? 'body/teamId' : 'body/vendorId')}
              data-testid="agreement-party"
            />
            <TextInput
              label={t('agreements.fields.name')}
              required
              maxLength={200}
              value={draft.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              error={fieldError('name', 'body/name')}
              data-testid="agreement-name"
            />
            {isOla ? null : (
              <TextInput
                label={t('agreements.fields.reference')}
                description={t('agreements.referenceHint')}
                maxLength={100}
                value={draft.reference}
                onChange={(event) => set('reference', event.currentTarget.value)}
                error={serverError('body/reference')}
                data-testid="agreement-reference"
              />
            )}
            <Group grow align="flex-start">
              <TextInput
                type="date"
                label={t('agreements.fields.effectiveFrom')}
                required
                value={draft.effectiveFrom}
                onChange={(event) => set('effectiveFrom', event.currentTarget.value)}
                error={fieldError('effectiveFrom', 'body/effectiveFrom')}
                data-testid="agreement-effective-from"
              />
              <TextInput
                type="date"
                label={t('agreements.fields.effectiveTo')}
                description={t('agreements.effectiveToHint')}
                value={draft.effectiveTo}
                onChange={(event) => set('effectiveTo', event.currentTarget.value)}
                error={serverError('body/effectiveTo')}
                data-testid="agreement-effective-to"
              />
            </Group>
          </SimpleGrid>
          <SlaPolicyEditor
            value={draft.policy}
            onChange={(policy) => set('policy', policy)}
            calendars={calendars}
            services={services.data ?? []}
            errors={policyErrorsOf(save.error, 'body/policy')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="agreement-submit">
              {t(agreement ? 'agreements.edit.submit' : 'agreements.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
