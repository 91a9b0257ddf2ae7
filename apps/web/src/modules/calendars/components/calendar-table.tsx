import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BusinessCalendar } from '../api/calendars-types.ts';
import { holidaysOf, weekRuns } from '../spec.ts';
import { useWeekdayName, useWindowLabel } from './labels.ts';

interface CalendarTableProps {
  calendars: BusinessCalendar[];
}

export function CalendarTable({ calendars }: CalendarTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="calendars-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calendars.fields.name')}</Table.Th>
            <Table.Th>{t('calendars.fields.timeZone')}</Table.Th>
            <Table.Th>{t('calendars.fields.hours')}</Table.Th>
            <Table.Th>{t('calendars.fields.holidays')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calendars.map((calendar) => (
            <Table.Tr key={calendar.id} data-testid="calendar-row" data-calendar-name={calendar.name}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/sla/calendars/${calendar.id}`}
                  fw={600}
                  size="sm"
                  data-testid="calendar-link"
                >
                  {calendar.name}
                </Anchor>
                {calendar.description ? (
                  <Text size="xs" c="dimmed">
                    {calendar.description}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="calendar-time-zone">
                  {calendar.spec.timeZone}
                </Text>
              </Table.Td>
              <Table.Td data-testid="calendar-hours">
                <HoursSummary calendar={calendar} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="calendar-holiday-count">
                  {t('calendars.holidayCount', { count: holidaysOf(calendar.spec).length })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function HoursSummary({ calendar }: { calendar: BusinessCalendar }) {
  const { t } = useTranslation();
  const dayName = useWeekdayName('short');
  const windowLabel = useWindowLabel();
  if (calendar.spec.always) {
    return (
      <Badge variant="light" color="teal">
        {t('calendars.always')}
      </Badge>
    );
  }
  return (
    <>
      {weekRuns(calendar.spec).map((run) => (
        <Text size="sm" key={run.from}>
          {run.from === run.to ? dayName(run.from) : `${dayName(run.from)}–${dayName(run.to)}`}{' '}
          {run.windows.map(windowLabel).join(', ')}
        </Text>
      ))}
    </>
  );
}
