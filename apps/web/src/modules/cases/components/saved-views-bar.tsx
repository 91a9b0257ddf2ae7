import { ActionIcon, Button, Card, Group, Menu, Modal, Skeleton, Stack, Text } from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowRight,
  IconDeviceFloppy,
  IconDots,
  IconFilterCheck,
  IconPencil,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { CaseView, SavedView } from '../api/cases-types.ts';
import {
  useDeleteSavedView,
  useOrderSavedViews,
  useSavedViews,
  useUpdateSavedView,
} from '../hooks/use-saved-views.ts';
import { fromSavedFilters, isSameQueue, toCaseFilter, type QueueFilter } from '../queue-filter.ts';
import { SaveViewModal } from './save-view-modal.tsx';

interface SavedViewsBarProps {
  current: QueueFilter;
  /** The queue a view without one opens on: the person's default. */
  fallbackView: CaseView;
  onApply: (filter: QueueFilter) => void;
}

type Dialog = { kind: 'create' } | { kind: 'rename'; view: SavedView } | { kind: 'delete'; view: SavedView };

/**
 * The staff member's saved views and their teams', in their own order: one click applies a view's
 * filters; the view the queue now shows is marked. Views are saved from the current filters.
 */
export function SavedViewsBar({ current, fallbackView, onApply }: SavedViewsBarProps) {
  const { t } = useTranslation();
  const views = useSavedViews();
  const update = useUpdateSavedView();
  const order = useOrderSavedViews();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const list = views.data ?? [];

  function move(index: number, by: -1 | 1) {
    const next = [...list];
    const [view] = next.splice(index, 1);
    if (!view) return;
    next.splice(index + by, 0, view);
    order.mutate(next);
  }

  return (
    <Card withBorder padding="sm" mb="md" data-testid="saved-views">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="xs" wrap="wrap" align="center">
          <Text size="sm" fw={600} c="dimmed">
            {t('caseQueue.views.title')}
          </Text>
          {views.isPending ? (
            <Skeleton h={30} w={160} />
          ) : list.length === 0 && !views.isError ? (
            <Text size="sm" c="dimmed" data-testid="saved-views-empty">
              {t('caseQueue.views.empty')}
            </Text>
          ) : (
            list.map((view, index) => {
              const active = isSameQueue(current, fromSavedFilters(view.filters, fallbackView));
              return (
                <Button.Group key={view.id} data-testid="saved-view" data-view-name={view.name}>
                  <Button
                    size="xs"
                    variant={active ? 'filled' : 'default'}
                    leftSection={view.team ? <IconUsers size={14} aria-hidden /> : null}
                    aria-pressed={active}
                    title={view.team ? t('caseQueue.views.sharedWith', { team: view.team.name }) : undefined}
                    onClick={() => onApply(fromSavedFilters(view.filters, fallbackView))}
                    data-testid="saved-view-apply"
                  >
                    {view.name}
                  </Button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        size={30}
                        variant={active ? 'filled' : 'default'}
                        aria-label={t('caseQueue.views.actions', { name: view.name })}
                        data-testid="saved-view-menu"
                      >
                        <IconDots size={14} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {view.canEdit ? (
                        <>
                          <Menu.Item
                            leftSection={<IconPencil size={14} />}
                            onClick={() => setDialog({ kind: 'rename', view })}
                            data-testid="saved-view-rename"
                          >
                            {t('caseQueue.views.rename')}
                          </Menu.Item>
                          <Menu.Item
                            leftSection={<IconFilterCheck size={14} />}
                            disabled={active}
                            onClick={() =>
                              update.mutate({ id: view.id, input: { filters: toCaseFilter(current, true) } })
                            }
                            data-testid="saved-view-overwrite"
                          >
                            {t('caseQueue.views.overwrite')}
                          </Menu.Item>
                        </>
                      ) : null}
                      <Menu.Item
                        leftSection={<IconArrowLeft size={14} />}
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                        data-testid="saved-view-earlier"
                      >
                        {t('caseQueue.views.moveEarlier')}
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconArrowRight size={14} />}
                        disabled={index === list.length - 1}
                        onClick={() => move(index, 1)}
                        data-testid="saved-view-later"
                      >
                        {t('caseQueue.views.moveLater')}
                      </Menu.Item>
                      {view.canEdit ? (
                        <Menu.Item
                          color="red"
                          leftSection={<IconTrash size={14} />}
                          onClick={() => setDialog({ kind: 'delete', view })}
                          data-testid="saved-view-delete"
                        >
                          {t('caseQueue.views.delete')}
                        </Menu.Item>
                      ) : null}
                    </Menu.Dropdown>
                  </Menu>
                </Button.Group>
              );
            })
          )}
        </Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconDeviceFloppy size={14} />}
          onClick={() => setDialog({ kind: 'create' })}
          data-testid="saved-view-save"
        >
          {t('caseQueue.views.save')}
        </Button>
      </Group>
      <ProblemAlert error={views.error ?? update.error ?? order.error} testId="saved-views-error" />
      <SaveViewModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'rename'}
        view={dialog?.kind === 'rename' ? dialog.view : null}
        filters={toCaseFilter(current, true)}
        onClose={() => setDialog(null)}
      />
      <DeleteViewModal
        view={dialog?.kind === 'delete' ? dialog.view : null}
        onClose={() => setDialog(null)}
      />
    </Card>
  );
}

function DeleteViewModal({ view, onClose }: { view: SavedView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteSavedView();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={view !== null} onClose={close} title={t('caseQueue.views.deleteTitle')} centered>
      <Stack gap="md">
        <Text size="sm">
          {view?.team
            ? t('caseQueue.views.deleteShared', { name: view.name, team: view.team.name })
            : t('caseQueue.views.deletePersonal', { name: view?.name ?? '' })}
        </Text>
        <ProblemAlert error={remove.error} testId="saved-view-delete-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => view && remove.mutate(view.id, { onSuccess: close })}
            data-testid="saved-view-delete-confirm"
          >
            {t('caseQueue.views.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
