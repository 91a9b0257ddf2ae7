import { ActionIcon, Badge, Button, Card, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { languages } from '@paydesk/shared';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { Macro } from '../api/macros-types.ts';
import { useDeleteMacro, useMacros } from '../hooks/use-macros.ts';
import { MacroFormModal } from './macro-form-modal.tsx';
import { describeRouting, MacroSearchInput } from './macro-parts.tsx';

/**
 * The macros an agent may use, to find, write, change and delete: their own, their teams' and
 * everyone's. Each row says where it is shared, in which languages it is written and what it sets;
 * only its author (or an administrator, for a shared one) may change it.
 */
export function MacrosManager() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const macros = useMacros(search);
  // undefined: the form is closed; null: a new macro.
  const [editing, setEditing] = useState<Macro | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Macro | null>(null);
  const items = macros.data?.items ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <MacroSearchInput value={search} onChange={setSearch} w={320} testId="macros-search" />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="macro-new">
          {t('macros.manage.new')}
        </Button>
      </Group>
      <Card withBorder padding={0}>
        {macros.isPending ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : macros.isError ? (
          <Card.Section p="md">
            <ProblemAlert error={macros.error} testId="macros-error" />
          </Card.Section>
        ) : items.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl" data-testid="macros-empty">
            {search.trim() ? t('macros.noMatch') : t('macros.none')}
          </Text>
        ) : (
          <Table verticalSpacing="sm" highlightOnHover data-testid="macros-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('macros.manage.name')}</Table.Th>
                <Table.Th>{t('macros.manage.sharing')}</Table.Th>
                <Table.Th>{t('macros.manage.languages')}</Table.Th>
                <Table.Th>{t('macros.changes.title')}</Table.Th>
                <Table.Th>{t('macros.manage.owner')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((macro) => (
                <Table.Tr key={macro.id} data-testid="macro-row" data-macro-name={macro.name}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {macro.name}
                    </Text>
                    <Badge size="xs" variant="light" color={macro.visibility === 'public' ? 'blue' : 'gray'}>
                      {t(`macros.visibility.${macro.visibility}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {macro.sharing === 'team' && macro.team
                        ? t('macros.manage.sharingTeam', { team: macro.team.name })
                        : macro.sharing === 'everyone'
                          ? t('macros.manage.sharingEveryone')
                          : t('macros.manage.sharingPersonal')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {languages
                        .filter((code) => macro.bodies[code])
                        .map((code) => (
                          <Badge key={code} size="xs" variant="outline" title={t(`macros.languages.${code}`)}>
                            {code}
                          </Badge>
                        ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" data-testid="macro-row-actions">
                      {describeActions(t, macro) || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{macro.owner.displayName}</Text>
                  </Table.Td>
                  <Table.Td>
                    {macro.canEdit ? (
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('macros.manage.edit', { name: macro.name })}
                          onClick={() => setEditing(macro)}
                          data-testid="macro-edit"
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('macros.manage.delete', { name: macro.name })}
                          onClick={() => setDeleting(macro)}
                          data-testid="macro-delete"
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <MacroFormModal
        opened={editing !== undefined}
        macro={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <DeleteMacroModal macro={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

/** What applying the macro sets besides posting its text, in a line. */
function describeActions(t: TFunction, macro: Macro): string {
  const { actions } = macro;
  return [
    ...describeRouting(t, actions),
    actions.priority ? t('macros.manage.setsPriority', { priority: actions.priority }) : null,
    actions.addTags?.length ? t('macros.manage.addsTags', { tags: actions.addTags.join(', ') }) : null,
    actions.removeTags?.length
      ? t('macros.manage.removesTags', { tags: actions.removeTags.join(', ') })
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function DeleteMacroModal({ macro, onClose }: { macro: Macro | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteMacro();
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <ConfirmModal
      opened={macro !== null}
      title={t('macros.manage.deleteTitle')}
      message={t('macros.manage.deleteBody', { name: macro?.name ?? '' })}
      confirmLabel={t('macros.manage.deleteConfirm')}
      error={remove.error}
      pending={remove.isPending}
      onConfirm={() => macro && remove.mutate(macro.id, { onSuccess: close })}
      onClose={close}
      testId="macro-delete"
    />
  );
}
