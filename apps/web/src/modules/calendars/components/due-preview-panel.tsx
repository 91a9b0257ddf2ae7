import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { PreviewDueInput, PreviewDueResult } from '../api/calendars-types.ts';
import { usePreviewDue } from '../hooks/use-calendars.ts';
import { splitDuration } from '../spec.ts';

interface DuePreviewPanelProps {
  calendarId: string;
  /** A new version (a save, an import) works the last question out again on it. */
  calendarVersion: number;
  calendarTimeZone: string;
  /** The viewer's own zone (from their profile); the browser's when not valid. */
  viewerTimeZone?: string | null;
}

function validZone(timeZone: string | null | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/** "If opened now, due when?": business time from a start instant on this calendar. */
export function DuePreviewPanel({
  calendarId,
  calendarVersion,
  calendarTimeZone,
  viewerTimeZone,
}: DuePreviewPanelProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('8h');
  const [from, setFrom] = useState('');
  const preview = usePreviewDue();
  const { mutate } = preview;
  const lastAsked = useRef<PreviewDueInput | null>(null);

  useEffect(() => {
    if (lastAsked.current) mutate(lastAsked.current);
  }, [calendarVersion, mutate]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmedTarget = target.trim();
    if (!trimmedTarget) return;
    const trimmedFrom = from.trim();
    lastAsked.current = { calendarId, target: trimmedTarget, ...(trimmedFrom ? { from: trimmedFrom } : {}) };
    preview.mutate(lastAsked.current);
  };

  return (
    <Card withBorder padding="lg" data-testid="calendar-preview" data-calendar-version={calendarVersion}>
      <Title order={4} mb={4}>
        {t('calendars.preview.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('calendars.preview.subtitle')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('calendars.preview.target')}
            description={t('calendars.preview.targetHint')}
            value={target}
            onChange={(event) => setTarget(event.currentTarget.value)}
            required
            maxLength={50}
            w={180}
            data-testid="calendar-preview-target"
          />
          <TextInput
            label={t('calendars.preview.from')}
            description={t('calendars.preview.fromHint')}
            placeholder={t('calendars.preview.fromPlaceholder')}
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            w={300}
            data-testid="calendar-preview-from"
          />
          <Button
            type="submit"
            loading={preview.isPending}
            disabled={!target.trim()}
            data-testid="calendar-preview-submit"
          >
            {t('calendars.preview.submit')}
          </Button>
        </Group>
      </form>
      {preview.isError ? (
        <Stack mt="md">
          <ProblemAlert error={preview.error} testId="calendar-preview-error" />
        </Stack>
      ) : null}
      {preview.data && !preview.isError ? (
        <PreviewResult
          result={preview.data}
          calendarTimeZone={validZone(preview.data.timeZone) ?? validZone(calendarTimeZone)}
          viewerTimeZone={validZone(viewerTimeZone)}
        />
      ) : null}
    </Card>
  );
}

function PreviewResult({
  result,
  calendarTimeZone,
  viewerTimeZone,
}: {
  result: PreviewDueResult;
  calendarTimeZone: string | undefined;
  viewerTimeZone: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const formats = useMemo(() => {
    const make = (timeZone: string | undefined) =>
      new Intl.DateTimeFormat(i18n.language, {
        dateStyle: 'full',
        timeStyle: 'long',
        ...(timeZone ? { timeZone } : {}),
      });
    return { calendar: make(calendarTimeZone), viewer: make(viewerTimeZone) };
  }, [i18n.language, calendarTimeZone, viewerTimeZone]);
  const viewerZoneName = viewerTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const duration = (seconds: number) => t('calendars.preview.duration', splitDuration(seconds));
  const due = new Date(result.due);

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md" data-testid="calendar-preview-result" data-due={result.due}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {t('calendars.preview.dueInCalendar', { zone: result.timeZone })}
        </Text>
        <Text
          fw={600}
          data-testid="calendar-preview-due-local"
          data-due-local={result.dueLocal}
          title={result.dueLocal}
        >
          {formats.calendar.format(due)}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {result.dueLocal}
        </Text>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {t('calendars.preview.dueForYou', { zone: viewerZoneName })}
        </Text>
        <Text fw={600} data-testid="calendar-preview-due-viewer">
          {formats.viewer.format(due)}
        </Text>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {t('calendars.preview.business')}
        </Text>
        <Text data-testid="calendar-preview-business">{duration(result.businessSeconds)}</Text>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {t('calendars.preview.actual')}
        </Text>
        <Text data-testid="calendar-preview-actual">{duration(result.actualSeconds)}</Text>
      </Stack>
    </SimpleGrid>
  );
}
