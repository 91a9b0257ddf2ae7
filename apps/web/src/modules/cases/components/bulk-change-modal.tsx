import {
  Badge,
  Button,
  Group,
  Modal,
  ScrollArea,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
} from '@mantine/core';
import { caseStatuses, priorities, type CaseStatus, type Priority } from '@paydesk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useCurrentUser } from '../../identity/index.ts';
import type { BulkOutcome, BulkResult } from '../api/cases-types.ts';
import {
  bulkChangesFor,
  unchangedCaseIds,
  type BulkAction,
  type BulkForm,
  type BulkFormProblem,
} from '../bulk-changes.ts';
import { useBulkChanges } from '../hooks/use-bulk-changes.ts';
import { AssigneeSelect } from './assignee-select.tsx';

interface BulkChangeModalProps {
  /** The change to make; null: closed. */
  action: BulkAction | null;
  caseIds: string[];
  /** With the cases not changed once a change was sent; without, when cancelled. */
  onClose: (unchanged?: string[]) => void;
}

export function BulkChangeModal({ action, caseIds, onClose }: BulkChangeModalProps) {
  const { t } = useTranslation();
  const bulk = useBulkChanges();
  // However the dialog is closed once the change went out, the cases it did not change stay selected.
  const close = () => {
    const unchanged = bulk.data ? unchangedCaseIds(bulk.data) : undefined;
    bulk.reset();
    onClose(unchanged);
  };
  return (
    <Modal
      opened={action !== null}
      onClose={close}
      title={
        action
          ? t(`caseQueue.bulk.titles.${action}`, { count: bulk.data?.items.length ?? caseIds.length })
          : ''
      }
      size="lg"
      centered
    >
      {bulk.data ? (
        <BulkResults result={bulk.data} onClose={close} />
      ) : action ? (
        <BulkChangeForm key={action} action={action} caseIds={caseIds} bulk={bulk} onCancel={close} />
      ) : null}
    </Modal>
  );
}

interface BulkChangeFormProps {
  action: BulkAction;
  caseIds: string[];
  bulk: ReturnType<typeof useBulkChanges>;
  onCancel: () => void;
}

function BulkChangeForm({ action, caseIds, bulk, onCancel }: BulkChangeFormProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [form, setForm] = useState<BulkForm>({
    assigneeId: me.id,
    status: null,
    priority: null,
    reason: '',
    tags: [],
  });
  const [problem, setProblem] = useState<BulkFormProblem | null>(null);
  const set = (patch: Partial<BulkForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setProblem(null);
  };
  const required = (field: BulkFormProblem) => (problem === field ? t('common.required') : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = bulkChangesFor(action, form);
    if ('problem' in built) setProblem(built.problem);
    else bulk.mutate({ caseIds, changes: built.changes });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="bulk-form">
      <Stack gap="sm">
        <ProblemAlert error={bulk.error} testId="bulk-error" />
        {action === 'assign' ? (
          <AssigneeSelect
            label={t('caseQueue.bulk.assignTo')}
            description={t('caseQueue.bulk.assignHint')}
            value={form.assigneeId}
            onChange={(assigneeId) => set({ assigneeId })}
            comboboxProps={{ withinPortal: true }}
            testId="bulk-assignee"
          />
        ) : null}
        {action === 'status' ? (
          <Select
            label={t('cases.fields.status')}
            data={caseStatuses.map((status) => ({ value: status, label: t(`cases.statuses.${status}`) }))}
            value={form.status}
            onChange={(status) => set({ status: status as CaseStatus | null })}
            error={required('status')}
            data-testid="bulk-status-select"
          />
        ) : null}
        {action === 'priority' ? (
          <>
            <Select
              label={t('cases.fields.priority')}
              data={priorities.map((priority) => ({
                value: priority,
                label: t(`cases.priorities.${priority}`),
              }))}
              value={form.priority}
              onChange={(priority) => set({ priority: priority as Priority | null })}
              error={required('priority')}
              data-testid="bulk-priority-select"
            />
            <Textarea
              label={t('cases.fields.priorityReason')}
              description={t('caseQueue.bulk.reasonHint')}
              autosize
              minRows={2}
              maxLength={500}
              value={form.reason}
              onChange={(event) => set({ reason: event.currentTarget.value })}
              error={required('reason')}
              data-testid="bulk-priority-reason"
            />
          </>
        ) : null}
        {action === 'tag' ? (
          <TagsInput
            label={t('cases.fields.tags')}
            description={t('caseQueue.bulk.tagsHint')}
            maxTags={20}
            value={form.tags}
            onChange={(tags) => set({ tags })}
            error={required('tags')}
            data-testid="bulk-tags"
          />
        ) : null}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={bulk.isPending} data-testid="bulk-submit">
            {t('caseQueue.bulk.apply', { count: caseIds.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const outcomeColors: Record<BulkOutcome, string> = {
  ok: 'green',
  conflict: 'orange',
  forbidden: 'red',
  not_found: 'gray',
  invalid: 'red',
};

/** Each case's outcome, failures first: those are what the person has to act on. */
function BulkResults({ result, onClose }: { result: BulkResult; onClose: () => void }) {
  const { t } = useTranslation();
  const failed = result.items.filter((item) => item.outcome !== 'ok');
  const items = [...failed, ...result.items.filter((item) => item.outcome === 'ok')];
  return (
    <Stack gap="sm" data-testid="bulk-results">
      <Text size="sm" fw={600} data-testid="bulk-summary">
        {failed.length === 0
          ? t('caseQueue.bulk.allChanged', { count: result.items.length })
          : t('caseQueue.bulk.someFailed', { count: failed.length, total: result.items.length })}
      </Text>
      <ScrollArea.Autosize mah={360}>
        <Stack gap={6}>
          {items.map((item) => (
            <Group
              key={item.caseId}
              gap="sm"
              wrap="nowrap"
              align="flex-start"
              data-testid="bulk-result"
              data-outcome={item.outcome}
              data-case-reference={item.reference ?? ''}
            >
              <Text size="sm" ff="monospace" fw={600} w={110} style={{ flexShrink: 0 }}>
                {item.reference ?? '—'}
              </Text>
              <Badge color={outcomeColors[item.outcome]} variant="light" style={{ flexShrink: 0 }}>
                {t(`caseQueue.bulk.outcomes.${item.outcome}`)}
              </Badge>
              {item.outcome === 'ok' ? null : (
                <Text size="sm" c="dimmed">
                  {item.code ? t(`errors.${item.code}`, { defaultValue: item.message ?? '' }) : item.message}
                  {item.allowedStatuses?.length
                    ? ` ${t('caseQueue.bulk.allowed', {
                        statuses: item.allowedStatuses
                          .map((status) => t(`cases.statuses.${status}`))
                          .join(', '),
                      })}`
                    : ''}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="bulk-done">
          {t('caseQueue.bulk.done')}
        </Button>
      </Group>
    </Stack>
  );
}
