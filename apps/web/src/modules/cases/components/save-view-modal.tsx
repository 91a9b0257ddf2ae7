import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/http/api-error.ts';
import { translateError } from '../../../app/i18n/translate-error.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useCurrentUser } from '../../identity/index.ts';
import type { CaseFilter, SavedView } from '../api/cases-types.ts';
import { useTeams } from '../hooks/use-cases.ts';
import { useCreateSavedView, useUpdateSavedView } from '../hooks/use-saved-views.ts';

interface SaveViewModalProps {
  opened: boolean;
  /** The view to rename; null: save the current filters as a new view. */
  view: SavedView | null;
  filters: CaseFilter;
  onClose: () => void;
}

export function SaveViewModal({ opened, view, filters, onClose }: SaveViewModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={view ? t('caseQueue.views.renameTitle') : t('caseQueue.views.saveTitle')}
      centered
    >
      {/* Keyed so that each opening starts from the view's name (or an empty one), not the last typing. */}
      <SaveViewForm key={view?.id ?? 'new'} view={view} filters={filters} onClose={onClose} />
    </Modal>
  );
}

const personal = 'personal';

function SaveViewForm({ view, filters, onClose }: Omit<SaveViewModalProps, 'opened'>) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // Administrators share with any team; everyone else with the teams they are in.
  const allTeams = useTeams(view === null && me.role === 'admin');
  const teams = me.role === 'admin' ? (allTeams.data ?? []) : me.teams;
  const create = useCreateSavedView();
  const update = useUpdateSavedView();
  const mutation = view ? update : create;
  const [name, setName] = useState(view?.name ?? '');
  const [sharing, setSharing] = useState<string>(personal);
  const [blank, setBlank] = useState(false);
  // A taken name is a problem of the name field; anything else is said above the form.
  const nameTaken = isApiError(mutation.error) && mutation.error.code === 'VIEW_ALREADY_EXISTS';

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setBlank(true);
      return;
    }
    if (view) update.mutate({ id: view.id, input: { name: trimmed } }, { onSuccess: onClose });
    else
      create.mutate(
        { name: trimmed, filters, ...(sharing === personal ? {} : { teamId: sharing }) },
        { onSuccess: onClose },
      );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="save-view-form">
      <Stack gap="sm">
        {mutation.error && !nameTaken ? (
          <ProblemAlert error={mutation.error} testId="save-view-error" />
        ) : null}
        <TextInput
          label={t('caseQueue.views.name')}
          required
          maxLength={100}
          data-autofocus
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setBlank(false);
          }}
          error={blank ? t('common.required') : nameTaken ? translateError(t, mutation.error) : undefined}
          data-testid="save-view-name"
        />
        {view === null ? (
          <Select
            label={t('caseQueue.views.sharing')}
            allowDeselect={false}
            data={[
              { value: personal, label: t('caseQueue.views.personal') },
              ...teams.map((team) => ({
                value: team.id,
                label: t('caseQueue.views.team', { team: team.name }),
              })),
            ]}
            value={sharing}
            onChange={(value) => value && setSharing(value)}
            data-testid="save-view-sharing"
          />
        ) : null}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="save-view-submit">
            {view ? t('caseQueue.views.renameSubmit') : t('caseQueue.views.saveSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
