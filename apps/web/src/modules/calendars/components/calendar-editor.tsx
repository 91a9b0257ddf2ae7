import {
  Alert,
  Button,
  Card,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/http/api-error.ts';
import { conflictingCalendar } from '../api/calendars-api.ts';
import { calendarsKeys } from '../api/calendars-keys.ts';
import type { BusinessCalendar, CalendarSpec, ImportHolidaysResult } from '../api/calendars-types.ts';
import { useCreateCalendar, useReplaceCalendar } from '../hooks/use-calendars.ts';
import {
  calendarTemplates,
  checkDraft,
  fromDraft,
  holidaysAdded,
  mergeHolidays,
  placeServerProblems,
  templateDraft,
  toDraft,
  type CalendarTemplate,
  type DraftProblem,
  type SpecDraft,
} from '../spec.ts';
import { HolidayEditor } from './holiday-editor.tsx';
import { HolidayImport } from './holiday-import.tsx';
import { ProblemDetails } from './problem-details.tsx';
import { TimeZoneSelect } from './time-zone-select.tsx';
import { WeekEditor } from './week-editor.tsx';

type CalendarEditorProps =
  | { calendar: BusinessCalendar; defaultTimeZone?: never; onSaved: Saved; onCancel: () => void }
  | { calendar: null; defaultTimeZone: string; onSaved: Saved; onCancel: () => void };
type Saved = (calendar: BusinessCalendar) => void;

/** The edited version and spec: what If-Match sends and what an import is compared with. */
interface Base {
  version: number;
  spec: CalendarSpec;
}

/**
 * Creates a calendar (from a template) or edits one: name, description, zone, the week's windows or
 * 24×7, holidays and an iCalendar import. A save replaces the calendar as a whole, if nobody saved
 * another version meanwhile (If-Match); otherwise it offers to load theirs.
 */
export function CalendarEditor({ calendar, defaultTimeZone, onSaved, onCancel }: CalendarEditorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useCreateCalendar();
  const replace = useReplaceCalendar(calendar?.id ?? '');
  const save = calendar ? replace : create;
  const [template, setTemplate] = useState<CalendarTemplate>('business');
  const [name, setName] = useState(calendar?.name ?? '');
  const [description, setDescription] = useState(calendar?.description ?? '');
  const [draft, setDraftState] = useState<SpecDraft>(() =>
    calendar ? toDraft(calendar.spec) : templateDraft('business', defaultTimeZone),
  );
  const [base, setBase] = useState<Base | null>(
    calendar ? { version: calendar.version, spec: calendar.spec } : null,
  );
  // A change applies from when it is saved; a date and time corrects the past.
  const [appliesFrom, setAppliesFrom] = useState<'now' | 'instant'>('now');
  // As the browser's datetime-local input gives it: a wall time in the person's own zone.
  const [appliesAt, setAppliesAt] = useState('');
  const [appliesAtMissing, setAppliesAtMissing] = useState(false);

  // The server's problems describe what was sent: once the person edits, they are out of date.
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      if (save.error) save.reset();
      set(value);
    };
  const setDraft = edit(setDraftState);

  const conflict = conflictingCalendar(save.error);
  const serverErrors = isApiError(save.error) && !conflict ? (save.error.problem?.errors ?? []) : [];
  const server = placeServerProblems(serverErrors, draft);
  const clientProblems = checkDraft(draft);
  const describe = (problem: DraftProblem) =>
    problem.kind === 'overlap'
      ? t('calendars.editor.problems.overlap', { other: problem.other })
      : t(`calendars.editor.problems.${problem.kind}`);
  const messagesFor = (field: string) =>
    server.byField[field] ?? clientProblems.filter((problem) => problem.field === field).map(describe);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { name: name.trim(), description: description.trim(), spec: fromDraft(draft) };
    if (!calendar || !base) return create.mutate(input, { onSuccess: onSaved });
    if (appliesFrom === 'instant') {
      const instant = new Date(appliesAt);
      if (!appliesAt || Number.isNaN(instant.getTime())) return setAppliesAtMissing(true);
      return replace.mutate(
        { version: base.version, input: { ...input, effectiveFrom: instant.toISOString() } },
        { onSuccess: onSaved },
      );
    }
    replace.mutate({ version: base.version, input }, { onSuccess: onSaved });
  }

  function loadCurrent(current: BusinessCalendar) {
    queryClient.setQueryData(calendarsKeys.detail(current.id), current);
    save.reset();
    setName(current.name);
    setDescription(current.description);
    setDraftState(toDraft(current.spec));
    setBase({ version: current.version, spec: current.spec });
  }

  function mergeImport(result: ImportHolidaysResult) {
    if (!base) return;
    const added = holidaysAdded(base.spec, result.calendar.spec);
    setDraftState((current) => mergeHolidays(current, added));
    // The import saved a version on top of ours: edit on from it. Anything else is someone else's
    // save, which the next save must not overwrite unseen, so the old version stays and will conflict.
    if (result.calendar.version === base.version + (result.added > 0 ? 1 : 0))
      setBase({ version: result.calendar.version, spec: result.calendar.spec });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="calendar-editor">
      <Stack gap="lg">
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextInput
              label={t('calendars.fields.name')}
              required
              maxLength={200}
              value={name}
              onChange={(event) => edit(setName)(event.currentTarget.value)}
              error={(server.byField.name ?? []).join(' ') || undefined}
              data-autofocus
            />
            <TimeZoneSelect
              label={t('calendars.fields.timeZone')}
              placeholder={t('calendars.editor.timeZoneSearch')}
              required
              value={draft.timeZone}
              onChange={(timeZone) => setDraft({ ...draft, timeZone })}
              error={(server.byField.timeZone ?? []).join(' ') || undefined}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('calendars.editor.description')}
            maxLength={2000}
            autosize
            minRows={2}
            value={description}
            onChange={(event) => edit(setDescription)(event.currentTarget.value)}
            error={(server.byField.description ?? []).join(' ') || undefined}
          />
          {calendar ? null : (
            <Radio.Group
              mt="md"
              label={t('calendars.editor.template')}
              value={template}
              onChange={(value) => {
                const next = value as CalendarTemplate;
                setTemplate(next);
                setDraft({ ...templateDraft(next, draft.timeZone), holidays: draft.holidays });
              }}
            >
              <Group mt={6} gap="lg">
                {calendarTemplates.map((key) => (
                  <Radio key={key} value={key} label={t(`calendars.editor.templates.${key}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        </Card>

        <Card withBorder padding="lg">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('calendars.week')}</Title>
            <Switch
              label={t('calendars.always')}
              checked={draft.always}
              onChange={(event) => setDraft({ ...draft, always: event.currentTarget.checked })}
              data-testid="calendar-edit-always"
            />
          </Group>
          {draft.always ? null : <WeekEditor draft={draft} onChange={setDraft} messagesFor={messagesFor} />}
        </Card>

        <Card withBorder padding="lg">
          <Title order={4} mb="sm">
            {t('calendars.holidays.title')}
          </Title>
          <HolidayEditor draft={draft} onChange={setDraft} messagesFor={messagesFor} />
          {calendar ? (
            <Stack mt="lg" gap="xs">
              <Title order={5}>{t('calendars.editor.importTitle')}</Title>
              <HolidayImport calendarId={calendar.id} timeZone={draft.timeZone} onImported={mergeImport} />
            </Stack>
          ) : null}
        </Card>

        {calendar ? (
          <Card withBorder padding="lg" data-testid="calendar-applies">
            <Radio.Group
              label={t('calendars.editor.effective.title')}
              value={appliesFrom}
              onChange={(value) => edit(setAppliesFrom)(value as 'now' | 'instant')}
            >
              <Stack mt={6} gap="xs">
                <Radio
                  value="now"
                  label={t('calendars.editor.effective.now')}
                  data-testid="calendar-applies-now"
                />
                <Radio
                  value="instant"
                  label={t('calendars.editor.effective.from')}
                  data-testid="calendar-applies-instant"
                />
              </Stack>
            </Radio.Group>
            {appliesFrom === 'instant' ? (
              <TextInput
                mt="sm"
                w={280}
                type="datetime-local"
                required
                label={t('calendars.editor.effective.at', {
                  zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
                })}
                value={appliesAt}
                onChange={(event) => {
                  setAppliesAtMissing(false);
                  edit(setAppliesAt)(event.currentTarget.value);
                }}
                error={
                  appliesAtMissing
                    ? t('calendars.editor.effective.missing')
                    : (server.byField.effectiveFrom ?? []).join(' ') || undefined
                }
                data-testid="calendar-applies-at"
              />
            ) : null}
          </Card>
        ) : null}

        {conflict ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            role="alert"
            data-testid="calendar-conflict"
          >
            <Stack gap="xs" align="flex-start">
              {t('errors.CALENDAR_VERSION_CONFLICT')}
              <Button size="xs" variant="default" onClick={() => loadCurrent(conflict)}>
                {t('calendars.editor.loadCurrent', { version: conflict.version })}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <ProblemDetails error={save.error} problems={server.unplaced} testId="calendar-save-error" />
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="calendar-save">
            {calendar ? t('calendars.editor.save') : t('calendars.editor.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
