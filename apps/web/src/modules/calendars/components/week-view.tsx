import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { weekdayKeys, type CalendarSpec } from '../api/calendars-types.ts';
import { isOvernight, windowsOf, windowText } from '../spec.ts';
import { useWeekdayName, useWindowLabel } from './labels.ts';

/** Each weekday with its business-hour windows as chips; a 24×7 calendar says so. */
export function WeekView({ spec }: { spec: CalendarSpec }) {
  const { t } = useTranslation();
  const dayName = useWeekdayName();
  const windowLabel = useWindowLabel();
  if (spec.always) {
    return (
      <Badge variant="light" color="teal" size="lg" data-testid="calendar-always">
        {t('calendars.always')}
      </Badge>
    );
  }
  return (
    <Table verticalSpacing="xs" data-testid="calendar-week">
      <Table.Tbody>
        {weekdayKeys.map((day) => {
          const windows = windowsOf(spec, day);
          return (
            <Table.Tr key={day} data-testid={`calendar-day-${day}`}>
              <Table.Td w={160}>
                <Text size="sm" fw={500}>
                  {dayName(day)}
                </Text>
              </Table.Td>
              <Table.Td>
                {windows.length === 0 ? (
                  <Text size="sm" c="dimmed" data-testid="calendar-day-closed">
                    {t('calendars.closed')}
                  </Text>
                ) : (
                  <Group gap="xs">
                    {windows.map((window) => (
                      <Badge
                        key={windowText(window)}
                        variant="light"
                        color={isOvernight(window) ? 'grape' : 'blue'}
                        tt="none"
                        data-testid="calendar-window"
                        data-window={windowText(window)}
                        data-overnight={isOvernight(window) ? 'true' : 'false'}
                      >
                        {windowLabel(window)}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
