import { ActionIcon, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCopy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { weekdayKeys, type WeekdayKey } from '../api/calendars-types.ts';
import {
  addWindow,
  copyMondayToWeekdays,
  isOvernight,
  minutesOf,
  removeWindow,
  setWindow,
  type SpecDraft,
} from '../spec.ts';
import { FieldMessages } from './field-messages.tsx';
import { useWeekdayName } from './labels.ts';

interface WeekEditorProps {
  draft: SpecDraft;
  onChange: (draft: SpecDraft) => void;
  /** The problems to show next to a field (`week`, `week/mon`, `week/mon/0`). */
  messagesFor: (field: string) => string[];
}

/** Each weekday's windows [open, close) as HH:MM inputs; a close not after the open runs overnight. */
export function WeekEditor({ draft, onChange, messagesFor }: WeekEditorProps) {
  const { t } = useTranslation();
  const dayName = useWeekdayName();
  return (
    <Stack gap="xs" data-testid="calendar-week-editor">
      <Group justify="flex-end">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconCopy size={14} />}
          onClick={() => onChange(copyMondayToWeekdays(draft))}
          data-testid="calendar-copy-monday"
        >
          {t('calendars.editor.copyMonday')}
        </Button>
      </Group>
      <FieldMessages messages={messagesFor('week')} testId="calendar-week-problem" />
      <Table verticalSpacing="xs">
        <Table.Tbody>
          {weekdayKeys.map((day) => (
            <Table.Tr key={day} data-testid={`calendar-edit-day-${day}`}>
              <Table.Td w={140} style={{ verticalAlign: 'top' }}>
                <Text size="sm" fw={500} pt={6}>
                  {dayName(day)}
                </Text>
              </Table.Td>
              <Table.Td>
                <DayWindows day={day} draft={draft} onChange={onChange} messagesFor={messagesFor} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function DayWindows({ day, draft, onChange, messagesFor }: WeekEditorProps & { day: WeekdayKey }) {
  const { t } = useTranslation();
  const dayName = useWeekdayName()(day);
  const windows = draft.week[day];
  return (
    <Stack gap={6}>
      {windows.length === 0 ? (
        <Text size="sm" c="dimmed" pt={6}>
          {t('calendars.closed')}
        </Text>
      ) : null}
      {windows.map((window, index) => {
        const [open, close] = window;
        const number = index + 1;
        const isComplete = minutesOf(open, false) !== undefined && minutesOf(close, true) !== undefined;
        return (
          // Windows have no identity but their place in the day; removing one re-keys the rest.
          <Stack gap={2} key={index} data-testid="calendar-edit-window">
            <Group gap="xs" wrap="nowrap">
              <TextInput
                aria-label={t('calendars.editor.opens', { day: dayName, number })}
                placeholder="09:00"
                value={open}
                onChange={(event) =>
                  onChange(setWindow(draft, day, index, [event.currentTarget.value, close]))
                }
                maxLength={5}
                w={90}
                ff="monospace"
              />
              <Text size="sm" c="dimmed" aria-hidden>
                –
              </Text>
              <TextInput
                aria-label={t('calendars.editor.closes', { day: dayName, number })}
                placeholder="17:30"
                value={close}
                onChange={(event) =>
                  onChange(setWindow(draft, day, index, [open, event.currentTarget.value]))
                }
                maxLength={5}
                w={90}
                ff="monospace"
              />
              {isComplete && isOvernight(window) ? (
                <Badge variant="light" color="grape" tt="none" data-testid="calendar-edit-overnight">
                  {t('calendars.editor.overnight')}
                </Badge>
              ) : null}
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('calendars.editor.removeWindow', { day: dayName, number })}
                onClick={() => onChange(removeWindow(draft, day, index))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <FieldMessages messages={messagesFor(`week/${day}/${index}`)} testId="calendar-window-problem" />
          </Stack>
        );
      })}
      <FieldMessages messages={messagesFor(`week/${day}`)} testId="calendar-day-problem" />
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          aria-label={t('calendars.editor.addWindowOn', { day: dayName })}
          onClick={() => onChange(addWindow(draft, day))}
        >
          {t('calendars.editor.addWindow')}
        </Button>
      </Group>
    </Stack>
  );
}
