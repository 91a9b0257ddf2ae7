import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { actionItemStatuses, type ActionItemStatus } from '@paydesk/shared';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../identity/index.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useCivilDateFormat } from '../civil-date.ts';
import {
  useActionItems,
  useCreateActionItem,
  useSetActionItemStatus,
  useStaffUsers,
} from '../hooks/use-governance.ts';
import { ReviewSelect } from './review-select.tsx';
import { PanelState } from '../../../ui/panel-state.tsx';

const statusColours: Record<ActionItemStatus, string> = {
  open: 'blue',
  in_progress: 'indigo',
  done: 'teal',
  cancelled: 'gray',
};

export function ActionItemsSection({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const items = useActionItems(accountId);
  const setStatus = useSetActionItemStatus(accountId);
  const { formatCivilDate } = useCivilDateFormat();
  const [adding, setAdding] = useState(false);
  const rows = items.data?.items ?? [];
  const statusOptions = actionItemStatuses.map((value) => ({
    value,
    label: t(`governance.actionItems.statuses.${value}`),
  }));

  return (
    <>
      {canEdit ? (
        <Group justify="flex-end" mb="sm">
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
            data-testid="action-item-add"
          >
            {t('governance.actionItems.add')}
          </Button>
        </Group>
      ) : null}
      <ProblemAlert error={setStatus.error} testId="action-item-status-error" />
      <PanelState
        isPending={items.isPending}
        error={items.error}
        isEmpty={rows.length === 0}
        emptyText={t('governance.actionItems.empty')}
        testId="action-items"
      >
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" data-testid="action-items-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('governance.actionItems.title')}</Table.Th>
                <Table.Th>{t('governance.actionItems.owner')}</Table.Th>
                <Table.Th>{t('governance.actionItems.dueOn')}</Table.Th>
                <Table.Th>{t('governance.actionItems.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => (
                <Table.Tr key={item.id} data-testid="action-item-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {item.title}
                    </Text>
                    {item.description ? (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {item.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.owner.displayName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{formatCivilDate(item.dueOn)}</Text>
                      {item.isOverdue ? (
                        <Badge color="red" variant="light" size="sm" data-testid="action-item-overdue">
                          {t('governance.actionItems.overdue')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {canEdit ? (
                      <Select
                        size="xs"
                        w={150}
                        data={statusOptions}
                        value={item.status}
                        allowDeselect={false}
                        aria-label={t('governance.actionItems.status')}
                        onChange={(value) => {
                          if (value && value !== item.status) {
                            setStatus.mutate({ id: item.id, status: value as ActionItemStatus });
                          }
                        }}
                        data-testid="action-item-status"
                      />
                    ) : (
                      <Badge variant="light" color={statusColours[item.status]}>
                        {t(`governance.actionItems.statuses.${item.status}`)}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </PanelState>
      {adding ? <ActionItemModal accountId={accountId} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

function ActionItemModal({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const staff = useStaffUsers(true);
  const create = useCreateActionItem(accountId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(me.id);
  const [dueOn, setDueOn] = useState('');
  const [reviewId, setReviewId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ title?: string; ownerId?: string; dueOn?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (title.trim() === '') next.title = t('common.required');
    if (!ownerId) next.ownerId = t('common.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) next.dueOn = t('governance.dateInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0 || !ownerId) return;
    create.mutate(
      { title: title.trim(), description: description.trim(), ownerId, dueOn, reviewId },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('governance.actionItems.addTitle')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="action-item-form">
        <Stack gap="sm">
          <ProblemAlert error={create.error ?? staff.error} testId="action-item-form-error" />
          <TextInput
            label={t('governance.actionItems.title')}
            required
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            data-autofocus
            data-testid="action-item-title"
          />
          <Textarea
            label={t('governance.actionItems.description')}
            autosize
            minRows={2}
            maxLength={10000}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            data-testid="action-item-description"
          />
          <Group grow align="flex-start">
            <Select
              label={t('governance.actionItems.owner')}
              required
              searchable
              data={(staff.data ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
              value={ownerId}
              onChange={setOwnerId}
              error={errors.ownerId}
              data-testid="action-item-owner"
            />
            <TextInput
              type="date"
              label={t('governance.actionItems.dueOn')}
              required
              value={dueOn}
              onChange={(event) => setDueOn(event.currentTarget.value)}
              error={errors.dueOn}
              data-testid="action-item-due-on"
            />
          </Group>
          <ReviewSelect
            accountId={accountId}
            value={reviewId}
            onChange={setReviewId}
            testId="action-item-review"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="action-item-submit">
              {t('governance.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
