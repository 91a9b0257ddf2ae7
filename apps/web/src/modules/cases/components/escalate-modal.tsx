import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useVendors } from '../../agreements/index.ts';
import { useCurrentUser } from '../../identity/index.ts';
import type { Case, EscalationInput } from '../api/cases-types.ts';
import { useCaseAssignees, useEscalateCase } from '../hooks/use-case-work.ts';
import { useTeams } from '../hooks/use-cases.ts';

/** The four ways up: a tier, another team or a vendor (functional), a manager (hierarchical). */
export type EscalationChoice = 'tier' | 'team' | 'vendor' | 'manager';

interface EscalateModalProps {
  choice: EscalationChoice | null;
  item: Case;
  address: string;
  onClose: () => void;
}

export function EscalateModal({ choice, onClose, ...props }: EscalateModalProps) {
  const { t } = useTranslation();
  const tier = props.item.tier ?? 1;
  return (
    <Modal
      opened={choice !== null}
      onClose={onClose}
      title={choice ? t(`cases.escalate.titles.${choice}`, { from: tier, to: tier + 1 }) : ''}
      centered
    >
      {choice ? <EscalateForm key={choice} choice={choice} onClose={onClose} {...props} /> : null}
    </Modal>
  );
}

type Missing = 'teamId' | 'vendorId' | 'externalReference' | 'managerId' | 'reason';

function EscalateForm({
  choice,
  item,
  address,
  onClose,
}: Omit<EscalateModalProps, 'choice'> & { choice: EscalationChoice }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const escalate = useEscalateCase(address);
  const teams = useTeams(choice === 'tier' || choice === 'team');
  const vendors = useVendors();
  const assignees = useCaseAssignees(choice === 'manager' ? address : null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [vendorId, setVendorId] = useState<string | null>(null);
  const [externalReference, setExternalReference] = useState('');
  const [managerId, setManagerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Missing[]>([]);
  const tier = item.tier ?? 1;
  const hasLeads = (assignees.data?.items ?? []).some((person) => person.isLead && person.inTeam);
  const required = (field: Missing) => (missing.includes(field) ? t('common.required') : undefined);

  /** The request for the choice, or what is missing; the server checks the same and more. */
  function build(): EscalationInput | Missing[] {
    const why = reason.trim();
    const gaps: Missing[] = why ? [] : ['reason'];
    switch (choice) {
      case 'tier':
        return gaps.length ? gaps : { kind: 'tier', reason: why, ...(teamId ? { teamId } : {}) };
      case 'team':
        if (!teamId) gaps.unshift('teamId');
        return gaps.length || !teamId ? gaps : { kind: 'functional', teamId, reason: why };
      case 'vendor':
        if (!externalReference.trim()) gaps.unshift('externalReference');
        if (!vendorId) gaps.unshift('vendorId');
        return gaps.length || !vendorId
          ? gaps
          : { kind: 'functional', vendorId, externalReference: externalReference.trim(), reason: why };
      case 'manager':
        // Without a manager named, the server tells the leads of the case's team: there must be some.
        if (!managerId && !hasLeads) gaps.unshift('managerId');
        return gaps.length
          ? gaps
          : { kind: 'hierarchical', reason: why, ...(managerId ? { managerId } : {}) };
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = build();
    if (Array.isArray(input)) {
      setMissing(input);
      return;
    }
    setMissing([]);
    escalate.mutate({ version: item.version, input }, { onSuccess: onClose });
  }

  const teamOptions = (teams.data ?? [])
    .filter((team) => choice === 'tier' || team.id !== item.team?.id)
    .map((team) => ({ value: team.id, label: team.name }));

  return (
    <form onSubmit={submit} noValidate data-testid="case-escalate-form" data-choice={choice}>
      <Stack gap="sm">
        <ProblemAlert error={escalate.error} testId="case-escalate-error" />
        <Text size="sm" c="dimmed">
          {t(`cases.escalate.hints.${choice}`, { from: tier, to: tier + 1 })}
        </Text>
        {choice === 'tier' || choice === 'team' ? (
          <Select
            label={
              choice === 'tier' ? t('cases.escalate.nextTeam', { to: tier + 1 }) : t('cases.fields.team')
            }
            placeholder={
              choice === 'tier'
                ? item.team
                  ? t('cases.escalate.keepTeam', { team: item.team.name })
                  : t('cases.noTeam')
                : undefined
            }
            required={choice === 'team'}
            clearable={choice === 'tier'}
            searchable
            data={teamOptions}
            value={teamId}
            error={required('teamId')}
            onChange={setTeamId}
            comboboxProps={{ withinPortal: true }}
            data-testid="case-escalate-team"
          />
        ) : null}
        {choice === 'vendor' ? (
          <>
            <ProblemAlert error={vendors.error} />
            <Select
              label={t('cases.escalate.vendorField')}
              required
              searchable
              data={(vendors.data?.items ?? [])
                .filter((vendor) => vendor.isActive)
                .map((vendor) => ({ value: vendor.id, label: vendor.name }))}
              value={vendorId}
              error={required('vendorId')}
              onChange={setVendorId}
              comboboxProps={{ withinPortal: true }}
              data-testid="case-escalate-vendor"
            />
            <TextInput
              label={t('cases.escalate.externalReference')}
              description={t('cases.escalate.externalReferenceHint')}
              required
              maxLength={200}
              value={externalReference}
              error={required('externalReference')}
              onChange={(event) => setExternalReference(event.currentTarget.value)}
              data-testid="case-escalate-reference"
            />
          </>
        ) : null}
        {choice === 'manager' ? (
          <Select
            label={t('cases.escalate.managerField')}
            placeholder={hasLeads ? t('cases.escalate.teamLeads') : undefined}
            description={hasLeads ? undefined : t('cases.escalate.noLeads')}
            clearable
            searchable
            data={(assignees.data?.items ?? [])
              .filter((person) => person.id !== me.id)
              .map((person) => ({
                value: person.id,
                label: person.isLead
                  ? t('cases.assignees.lead', { name: person.displayName })
                  : person.displayName,
              }))}
            value={managerId}
            error={required('managerId')}
            onChange={setManagerId}
            comboboxProps={{ withinPortal: true }}
            data-testid="case-escalate-manager"
          />
        ) : null}
        <Textarea
          label={t('cases.escalate.reason')}
          placeholder={t('cases.escalate.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          error={required('reason')}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-testid="case-escalate-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={escalate.isPending} data-testid="case-escalate-submit">
            {t('cases.escalate.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
