import { Button, Card, Group, Menu, Select, Stack } from '@mantine/core';
import type { CaseStatus } from '@paydesk/shared';
import {
  IconArrowBigUpLines,
  IconArrowsSplit,
  IconBuildingStore,
  IconChevronDown,
  IconEdit,
  IconFlag,
  IconGitMerge,
  IconUserCheck,
  IconUsersGroup,
  IconUserUp,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useCurrentUser } from '../../identity/index.ts';
import type { Case, UpdateCaseInput } from '../api/cases-types.ts';
import { useTeams, useUpdateCase } from '../hooks/use-cases.ts';
import { AssigneeSelect } from './assignee-select.tsx';
import { EditCaseModal } from './edit-case-modal.tsx';
import { EscalateModal, type EscalationChoice } from './escalate-modal.tsx';
import { MergeModal } from './merge-modal.tsx';
import { PriorityModal } from './priority-modal.tsx';
import { SplitModal } from './split-modal.tsx';

/** The highest support tier: a case at L3 goes no further up. */
const highestTier = 3;

/**
 * Staff's controls for a case: its status (only where the status graph lets it go), who works it,
 * its priority and its fields, escalation, merge and split. Every change names the version on
 * screen; a clash with someone else's change reloads the case and says so.
 */
export function CaseActions({ item, address }: { item: Case; address: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const update = useUpdateCase(address);
  const teams = useTeams(true);
  const [dialog, setDialog] = useState<'edit' | 'priority' | 'merge' | 'split' | null>(null);
  const [escalation, setEscalation] = useState<EscalationChoice | null>(null);
  const tier = item.tier ?? 1;
  const isDone = item.status === 'resolved' || item.status === 'closed';
  const change = (input: UpdateCaseInput, onDone?: () => void) =>
    update.mutate({ version: item.version, input }, { onSuccess: () => onDone?.() });
  const statuses: CaseStatus[] = [item.status, ...item.allowedStatuses.filter((s) => s !== item.status)];

  return (
    <Card withBorder mb="md" data-testid="case-actions">
      <Stack gap="sm">
        <ProblemAlert error={dialog ? null : update.error} testId="case-update-error" />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            w={200}
            label={t('cases.fields.status')}
            allowDeselect={false}
            data={statuses.map((status) => ({ value: status, label: t(`cases.statuses.${status}`) }))}
            value={item.status}
            disabled={update.isPending}
            onChange={(status) => {
              if (status && status !== item.status) change({ status: status as CaseStatus });
            }}
            data-testid="case-status-select"
          />
          <Select
            w={200}
            label={t('cases.fields.team')}
            placeholder={t('cases.noTeam')}
            clearable
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={item.team?.id ?? null}
            disabled={update.isPending}
            onChange={(teamId) => {
              if (teamId !== (item.team?.id ?? null)) change({ teamId });
            }}
            data-testid="case-team-select"
          />
          <AssigneeSelect
            w={220}
            label={t('cases.fields.assignee')}
            current={item.assignee}
            caseAddress={address}
            value={item.assignee?.id ?? null}
            disabled={update.isPending}
            onChange={(assigneeId) => {
              if (assigneeId !== (item.assignee?.id ?? null)) change({ assigneeId });
            }}
            testId="case-assignee-select"
          />
          {item.assignee?.id !== me.id ? (
            <Button
              variant="light"
              leftSection={<IconUserCheck size={16} />}
              loading={update.isPending}
              onClick={() => change({ assigneeId: me.id })}
              data-testid="case-assign-me"
            >
              {t('cases.actions.assignToMe')}
            </Button>
          ) : null}
          <Button
            variant="default"
            leftSection={<IconFlag size={16} />}
            onClick={() => {
              update.reset();
              setDialog('priority');
            }}
            data-testid="case-priority-open"
          >
            {t('cases.actions.changePriority')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconEdit size={16} />}
            onClick={() => {
              update.reset();
              setDialog('edit');
            }}
            data-testid="case-edit-open"
          >
            {t('cases.actions.edit')}
          </Button>
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button
                variant="light"
                color="red"
                rightSection={<IconChevronDown size={14} />}
                leftSection={<IconArrowBigUpLines size={16} />}
                disabled={isDone}
                title={isDone ? t('cases.escalate.notWhenDone') : undefined}
                data-testid="case-escalate-open"
              >
                {t('cases.escalate.open')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown data-testid="case-escalate-menu">
              <Menu.Item
                leftSection={<IconArrowBigUpLines size={16} />}
                disabled={tier >= highestTier}
                onClick={() => setEscalation('tier')}
                data-testid="case-escalate-tier"
              >
                {tier >= highestTier
                  ? t('cases.escalate.tierMax', { tier })
                  : t('cases.escalate.tier', { from: tier, to: tier + 1 })}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconUsersGroup size={16} />}
                onClick={() => setEscalation('team')}
                data-testid="case-escalate-to-team"
              >
                {t('cases.escalate.team')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconBuildingStore size={16} />}
                onClick={() => setEscalation('vendor')}
                data-testid="case-escalate-to-vendor"
              >
                {t('cases.escalate.vendor')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconUserUp size={16} />}
                onClick={() => setEscalation('manager')}
                data-testid="case-escalate-to-manager"
              >
                {t('cases.escalate.manager')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button
            variant="default"
            leftSection={<IconGitMerge size={16} />}
            onClick={() => setDialog('merge')}
            data-testid="case-merge-open"
          >
            {t('cases.merge.open')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconArrowsSplit size={16} />}
            onClick={() => setDialog('split')}
            data-testid="case-split-open"
          >
            {t('cases.split.open')}
          </Button>
        </Group>
      </Stack>
      <PriorityModal
        opened={dialog === 'priority'}
        item={item}
        error={update.error}
        pending={update.isPending}
        onClose={() => setDialog(null)}
        onSave={(input) => change(input, () => setDialog(null))}
      />
      <EditCaseModal
        opened={dialog === 'edit'}
        item={item}
        error={update.error}
        pending={update.isPending}
        onClose={() => setDialog(null)}
        onSave={(input) => change(input, () => setDialog(null))}
      />
      <EscalateModal choice={escalation} item={item} address={address} onClose={() => setEscalation(null)} />
      <MergeModal opened={dialog === 'merge'} item={item} address={address} onClose={() => setDialog(null)} />
      <SplitModal
        opened={dialog === 'split'}
        item={item}
        address={address}
        timeZone={me.timeZone}
        onClose={() => setDialog(null)}
      />
    </Card>
  );
}
