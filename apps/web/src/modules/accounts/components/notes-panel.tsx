import { Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useCreateNote, useNotes } from '../hooks/use-accounts.ts';
import { PanelState } from '../../../ui/panel-state.tsx';

interface NotesPanelProps {
  accountId: string;
  timeZone: string;
}

export function NotesPanel({ accountId, timeZone }: NotesPanelProps) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters(timeZone);
  const notes = useNotes(accountId);
  const createNote = useCreateNote(accountId);
  const [body, setBody] = useState('');
  const rows = notes.data?.items ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (body.trim() === '') return;
    createNote.mutate(body.trim(), { onSuccess: () => setBody('') });
  }

  return (
    <Stack gap="md">
      <form onSubmit={submit} data-testid="note-form">
        <Stack gap="xs">
          <Textarea
            label={t('accounts.notes.new')}
            placeholder={t('accounts.notes.placeholder')}
            autosize
            minRows={3}
            maxLength={20000}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            data-testid="note-body"
          />
          <ProblemAlert error={createNote.error} testId="note-error" />
          <Group justify="flex-end">
            <Button
              type="submit"
              disabled={body.trim() === ''}
              loading={createNote.isPending}
              data-testid="note-submit"
            >
              {t('accounts.notes.add')}
            </Button>
          </Group>
        </Stack>
      </form>
      <PanelState
        isPending={notes.isPending}
        error={notes.error}
        isEmpty={rows.length === 0}
        emptyText={t('accounts.notes.empty')}
        testId="notes"
      >
        <Stack gap="sm" data-testid="notes-list">
          {rows.map((note) => (
            <Card key={note.id} withBorder padding="sm" data-testid="note-item">
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={600}>
                  {note.author.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(note.createdAt)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {note.body}
              </Text>
            </Card>
          ))}
        </Stack>
      </PanelState>
    </Stack>
  );
}
