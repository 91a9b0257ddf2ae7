import { Badge, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSpec } from '../api/calendars-types.ts';
import { civilToday, holidaysOf, sortHolidays, type Holiday } from '../spec.ts';

/** The calendar's holidays: upcoming ones first (soonest first), then past ones. */
export function HolidayList({ spec }: { spec: CalendarSpec }) {
  const { t, i18n } = useTranslation();
  const { upcoming, past } = sortHolidays(holidaysOf(spec), civilToday(spec.timeZone));
  const format = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' }),
    [i18n.language],
  );
  if (upcoming.length + past.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md" ta="center" data-testid="calendar-holidays-empty">
        {t('calendars.holidays.empty')}
      </Text>
    );
  }
  const row = (holiday: Holiday, isPast: boolean) => (
    <Table.Tr
      key={`${holiday.date}-${holiday.from ?? ''}`}
      data-testid="calendar-holiday"
      data-date={holiday.date}
      data-past={isPast ? 'true' : 'false'}
    >
      <Table.Td>
        <Text size="sm" c={isPast ? 'dimmed' : undefined} data-testid="calendar-holiday-date">
          {format.format(new Date(`${holiday.date}T00:00:00Z`))}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={isPast ? 'dimmed' : undefined} data-testid="calendar-holiday-name">
          {holiday.name ?? t('calendars.holidays.unnamed')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {holiday.from || holiday.to
            ? t('calendars.holidays.part', { from: holiday.from ?? '00:00', to: holiday.to ?? '24:00' })
            : t('calendars.holidays.wholeDay')}
        </Text>
      </Table.Td>
      <Table.Td>
        {isPast ? (
          <Badge variant="outline" color="gray">
            {t('calendars.holidays.past')}
          </Badge>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" data-testid="calendar-holidays">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calendars.holidays.date')}</Table.Th>
            <Table.Th>{t('calendars.holidays.name')}</Table.Th>
            <Table.Th>{t('calendars.holidays.hours')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {upcoming.map((holiday) => row(holiday, false))}
          {past.map((holiday) => row(holiday, true))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
