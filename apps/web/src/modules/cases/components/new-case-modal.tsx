import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  caseChannels,
  caseTypes,
  impactLevels,
  priorities,
  type CaseChannel,
  type CaseType,
  type ImpactLevel,
  type Priority,
} from '@paydesk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useServiceCatalogue } from '../../contracts/index.ts';
import { useCurrentUser } from '../../identity/index.ts';
import type { Case, CreateCaseInput } from '../api/cases-types.ts';
import { useAccountContacts, useCreateCase, useTeams } from '../hooks/use-cases.ts';
import { canWorkCases } from '../permissions.ts';
import { priorityColors, priorityFor } from '../priority.ts';
import { AccountSelect } from './account-select.tsx';
import { AssigneeSelect } from './assignee-select.tsx';

interface NewCaseModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: Case) => void;
}

interface Draft {
  accountId: string | null;
  contactId: string | null;
  subject: string;
  description: string;
  type: CaseType | null;
  impact: ImpactLevel;
  urgency: ImpactLevel;
  override: boolean;
  priority: Priority | null;
  priorityReason: string;
  serviceCode: string | null;
  channel: CaseChannel;
  teamId: string | null;
  assigneeId: string | null;
}

const emptyDraft: Draft = {
  accountId: null,
  contactId: null,
  subject: '',
  description: '',
  type: null,
  impact: 'medium',
  urgency: 'medium',
  override: false,
  priority: null,
  priorityReason: '',
  serviceCode: null,
  channel: 'phone',
  teamId: null,
  assigneeId: null,
};

type FieldErrors = Partial<
  Record<'accountId' | 'subject' | 'description' | 'type' | 'priorityReason', string>
>;

/**
 * Staff log a case for any account, with its contact, triage and routing; a customer files a request
 * on their own account with what they know (subject, description, kind, impact and urgency).
 */
export function NewCaseModal({ opened, onClose, onCreated }: NewCaseModalProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isStaff = canWorkCases(me.role);
  const create = useCreateCase();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const accountId = isStaff ? draft.accountId : (me.account?.id ?? null);
  const contacts = useAccountContacts(isStaff && opened ? accountId : null);
  const services = useServiceCatalogue();
  const teams = useTeams(isStaff && opened);
  const matrixPriority = priorityFor(draft.impact, draft.urgency);
  const set = (patch: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...patch }));

  function close() {
    create.reset();
    setErrors({});
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!accountId) next.accountId = t('common.required');
    if (!draft.subject.trim()) next.subject = t('common.required');
    if (!draft.description.trim()) next.description = t('common.required');
    if (!draft.type) next.type = t('common.required');
    const overriding =
      isStaff && draft.override && draft.priority !== null && draft.priority !== matrixPriority;
    if (overriding && !draft.priorityReason.trim()) next.priorityReason = t('cases.create.reasonRequired');
    setErrors(next);
    if (Object.keys(next).length > 0 || !accountId || !draft.type) return;
    const input: CreateCaseInput = {
      accountId,
      subject: draft.subject.trim(),
      description: draft.description.trim(),
      type: draft.type,
      impact: draft.impact,
      urgency: draft.urgency,
      ...(draft.serviceCode ? { serviceCode: draft.serviceCode } : {}),
      ...(isStaff
        ? {
            channel: draft.channel,
            ...(draft.contactId ? { contactId: draft.contactId } : {}),
            ...(draft.teamId ? { teamId: draft.teamId } : {}),
            ...(draft.assigneeId ? { assigneeId: draft.assigneeId } : {}),
            ...(overriding && draft.priority
              ? { priority: draft.priority, priorityReason: draft.priorityReason.trim() }
              : {}),
          }
        : {}),
    };
    create.mutate(input, {
      onSuccess: (created) => {
        setDraft(emptyDraft);
        onCreated(created);
      },
    });
  }

  const levels = impactLevels.map((level) => ({ value: level, label: t(`cases.levels.${level}`) }));

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={isStaff ? t('cases.create.title') : t('cases.create.requestTitle')}
      size="xl"
      centered
    >
      <form onSubmit={submit} noValidate data-testid="case-create-form">
        <Stack gap="sm">
          <ProblemAlert error={create.error} testId="case-create-error" />
          {isStaff ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <AccountSelect
                label={t('cases.fields.account')}
                placeholder={t('cases.create.accountPlaceholder')}
                required
                value={draft.accountId}
                onChange={(id) => set({ accountId: id, contactId: null })}
                error={errors.accountId}
                testId="case-create-account"
              />
              <Select
                label={t('cases.fields.contact')}
                placeholder={
                  accountId ? t('cases.create.contactPlaceholder') : t('cases.create.accountFirst')
                }
                disabled={!accountId}
                searchable
                clearable
                data={(contacts.data ?? []).map((contact) => ({
                  value: contact.id,
                  label: `${contact.name} <${contact.email}>`,
                }))}
                value={draft.contactId}
                onChange={(contactId) => set({ contactId })}
                data-testid="case-create-contact"
              />
            </SimpleGrid>
          ) : null}
          <TextInput
            label={t('cases.fields.subject')}
            required
            maxLength={300}
            value={draft.subject}
            onChange={(event) => set({ subject: event.currentTarget.value })}
            error={errors.subject}
            data-autofocus
            data-testid="case-create-subject"
          />
          <Textarea
            label={t('cases.fields.description')}
            description={isStaff ? t('cases.create.descriptionHint') : undefined}
            required
            autosize
            minRows={4}
            maxRows={12}
            value={draft.description}
            onChange={(event) => set({ description: event.currentTarget.value })}
            error={errors.description}
            data-testid="case-create-description"
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('cases.fields.type')}
              required
              data={caseTypes.map((type) => ({ value: type, label: t(`slaPolicies.caseTypes.${type}`) }))}
              value={draft.type}
              onChange={(type) => set({ type: type as CaseType | null })}
              error={errors.type}
              data-testid="case-create-type"
            />
            <Select
              label={t('cases.fields.impact')}
              description={t('cases.create.impactHint')}
              allowDeselect={false}
              data={levels}
              value={draft.impact}
              onChange={(impact) => impact && set({ impact: impact as ImpactLevel })}
              data-testid="case-create-impact"
            />
            <Select
              label={t('cases.fields.urgency')}
              description={t('cases.create.urgencyHint')}
              allowDeselect={false}
              data={levels}
              value={draft.urgency}
              onChange={(urgency) => urgency && set({ urgency: urgency as ImpactLevel })}
              data-testid="case-create-urgency"
            />
          </SimpleGrid>
          <Group gap="xs" data-testid="case-create-matrix">
            <Text size="sm">{t('cases.create.resultingPriority')}</Text>
            <Badge color={priorityColors[matrixPriority]} data-testid="case-create-matrix-priority">
              {t(`cases.priorities.${matrixPriority}`)}
            </Badge>
          </Group>
          {isStaff ? (
            <>
              <Checkbox
                label={t('cases.create.override')}
                checked={draft.override}
                onChange={(event) => set({ override: event.currentTarget.checked })}
                data-testid="case-create-override"
              />
              {draft.override ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('cases.fields.priority')}
                    data={priorities.map((priority) => ({
                      value: priority,
                      label: t(`cases.priorities.${priority}`),
                    }))}
                    value={draft.priority ?? matrixPriority}
                    allowDeselect={false}
                    onChange={(priority) => set({ priority: priority as Priority | null })}
                    data-testid="case-create-priority"
                  />
                  <TextInput
                    label={t('cases.fields.priorityReason')}
                    maxLength={500}
                    value={draft.priorityReason}
                    onChange={(event) => set({ priorityReason: event.currentTarget.value })}
                    error={errors.priorityReason}
                    data-testid="case-create-priority-reason"
                  />
                </SimpleGrid>
              ) : null}
            </>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: isStaff ? 2 : 1 }}>
            <Select
              label={t('cases.fields.service')}
              placeholder={t('cases.create.servicePlaceholder')}
              searchable
              clearable
              data={(services.data ?? [])
                .filter((service) => service.isActive)
                .map((service) => ({ value: service.code, label: service.name }))}
              value={draft.serviceCode}
              onChange={(serviceCode) => set({ serviceCode })}
              data-testid="case-create-service"
            />
            {isStaff ? (
              <Select
                label={t('cases.fields.channel')}
                allowDeselect={false}
                data={caseChannels.map((channel) => ({
                  value: channel,
                  label: t(`slaPolicies.channels.${channel}`),
                }))}
                value={draft.channel}
                onChange={(channel) => channel && set({ channel: channel as CaseChannel })}
                data-testid="case-create-channel"
              />
            ) : null}
          </SimpleGrid>
          {isStaff ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('cases.fields.team')}
                placeholder={t('cases.noTeam')}
                clearable
                data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
                value={draft.teamId}
                onChange={(teamId) => set({ teamId })}
                data-testid="case-create-team"
              />
              <AssigneeSelect
                label={t('cases.fields.assignee')}
                value={draft.assigneeId}
                onChange={(assigneeId) => set({ assigneeId })}
                testId="case-create-assignee"
              />
            </SimpleGrid>
          ) : null}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="case-create-submit">
              {isStaff ? t('cases.create.submit') : t('cases.create.requestSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
