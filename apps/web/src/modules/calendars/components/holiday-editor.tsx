import { ActionIcon, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addHoliday, isCivilDate, minutesOf, removeHoliday, type Holiday, type SpecDraft } from '../spec.ts';
import { FieldMessages } from './field-messages.tsx';

interface HolidayEditorProps {
  draft: SpecDraft;
  onChange: (draft: SpecDraft) => void;
  messagesFor: (field: string) => string[];
}

/** The draft's holidays, each removable, and a form to add a whole day or part of one. */
export function HolidayEditor({ draft, onChange, messagesFor }: HolidayEditorProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {draft.holidays.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="calendar-edit-holidays-empty">
          {t('calendars.holidays.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="calendar-edit-holidays">
          <Table.Tbody>
            {draft.holidays.map((holiday, index) => (
              <Table.Tr
                key={`${holiday.date}-${holiday.from ?? ''}-${index}`}
                data-testid="calendar-edit-holiday"
                data-date={holiday.date}
              >
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {holiday.date}
                  </Text>
                  <FieldMessages
                    messages={messagesFor(`holidays/${index}`)}
                    testId="calendar-holiday-problem"
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{holiday.name ?? t('calendars.holidays.unnamed')}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {holiday.from !== null || holiday.to !== null
                      ? t('calendars.holidays.part', { from: holiday.from ?? '', to: holiday.to ?? '' })
                      : t('calendars.holidays.wholeDay')}
                  </Text>
                </Table.Td>
                <Table.Td w={40}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('calendars.editor.removeHoliday', { date: holiday.date })}
                    onClick={() => onChange(removeHoliday(draft, index))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddHolidayForm onAdd={(holiday) => onChange(addHoliday(draft, holiday))} />
    </Stack>
  );
}

function AddHolidayForm({ onAdd }: { onAdd: (holiday: Holiday) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [isPartial, setIsPartial] = useState(false);
  const [from, setFrom] = useState('13:00');
  const [to, setTo] = useState('24:00');
  const [errors, setErrors] = useState<{ date?: string; hours?: string }>({});

  // Not a <form>: the editor around it is one, and forms do not nest.
  function add() {
    const next: typeof errors = {};
    if (!isCivilDate(date)) next.date = t('calendars.editor.problems.dateInvalid');
    if (isPartial) {
      const start = minutesOf(from, false);
      const end = minutesOf(to, true);
      if (start === undefined || end === undefined) next.hours = t('calendars.editor.problems.timeInvalid');
      else if (end <= start) next.hours = t('calendars.editor.problems.holidayHours');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    onAdd({
      date,
      name: name.trim() === '' ? null : name.trim(),
      from: isPartial ? from : null,
      to: isPartial ? to : null,
    });
    setDate('');
    setName('');
  }

  return (
    <Stack gap="xs" data-testid="calendar-holiday-add">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          type="date"
          label={t('calendars.holidays.date')}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={errors.date}
          w={170}
        />
        <TextInput
          label={t('calendars.editor.holidayName')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={200}
          flex="1 1 200px"
        />
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Checkbox
          label={t('calendars.editor.partOfDay')}
          checked={isPartial}
          onChange={(event) => setIsPartial(event.currentTarget.checked)}
          mb={8}
        />
        {isPartial ? (
          <>
            <TextInput
              label={t('calendars.editor.holidayFrom')}
              value={from}
              onChange={(event) => setFrom(event.currentTarget.value)}
              maxLength={5}
              w={100}
              ff="monospace"
            />
            <TextInput
              label={t('calendars.editor.holidayTo')}
              value={to}
              onChange={(event) => setTo(event.currentTarget.value)}
              maxLength={5}
              w={100}
              ff="monospace"
            />
          </>
        ) : null}
        <Button
          variant="default"
          leftSection={<IconPlus size={14} />}
          onClick={add}
          data-testid="calendar-holiday-add-submit"
        >
          {t('calendars.editor.addHoliday')}
        </Button>
      </Group>
      {errors.hours ? (
        <FieldMessages messages={[errors.hours]} testId="calendar-holiday-add-problem" />
      ) : null}
    </Stack>
  );
}
