import { Button, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportHolidaysResult } from '../api/calendars-types.ts';
import { useImportHolidays } from '../hooks/use-calendars.ts';
import { civilToday, isCivilDate } from '../spec.ts';
import { ProblemDetails } from './problem-details.tsx';

interface HolidayImportProps {
  calendarId: string;
  timeZone: string;
  onImported: (result: ImportHolidaysResult) => void;
}

/**
 * Merges an iCalendar file's holidays between two dates into the stored calendar (the server saves
 * the merge at once; recurring events are expanded over the range).
 */
export function HolidayImport({ calendarId, timeZone, onImported }: HolidayImportProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const importHolidays = useImportHolidays(calendarId);
  const today = civilToday(timeZone);
  const [file, setFile] = useState<File | null>(null);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(`${Number(today.slice(0, 4)) + 2}-12-31`);
  const isRangeValid = isCivilDate(from) && isCivilDate(to) && from <= to;

  async function submit() {
    if (!file || !isRangeValid) return;
    const ics = await file.text();
    importHolidays.mutate({ ics, from, to }, { onSuccess: onImported });
  }

  return (
    <Stack gap="xs" data-testid="calendar-import">
      <Text size="sm" c="dimmed">
        {t('calendars.editor.importHint')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Input.Wrapper label={t('calendars.editor.importFile')} labelProps={{ htmlFor: inputId }}>
          <input
            id={inputId}
            type="file"
            accept=".ics,text/calendar"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              importHolidays.reset();
            }}
            style={{ display: 'block', paddingTop: 6 }}
            data-testid="calendar-import-file"
          />
        </Input.Wrapper>
        <TextInput
          type="date"
          label={t('calendars.editor.importFrom')}
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          w={170}
        />
        <TextInput
          type="date"
          label={t('calendars.editor.importTo')}
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={isRangeValid ? undefined : t('calendars.editor.importRangeInvalid')}
          w={170}
        />
        <Button
          variant="default"
          leftSection={<IconFileImport size={14} />}
          disabled={!file || !isRangeValid}
          loading={importHolidays.isPending}
          onClick={() => void submit()}
          data-testid="calendar-import-submit"
        >
          {t('calendars.editor.import')}
        </Button>
      </Group>
      {importHolidays.data ? (
        <Text size="sm" c="teal" role="status" data-testid="calendar-import-result">
          {t('calendars.editor.imported', {
            count: importHolidays.data.imported,
            added: importHolidays.data.added,
          })}
        </Text>
      ) : null}
      <ProblemDetails error={importHolidays.error} testId="calendar-import-error" />
    </Stack>
  );
}
