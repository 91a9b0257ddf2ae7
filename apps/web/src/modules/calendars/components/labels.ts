import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdayKeys, type CalendarWindow, type WeekdayKey } from '../api/calendars-types.ts';
import { isOvernight, windowText } from '../spec.ts';

/** Weekday names in the interface language (1 January 2024 was a Monday). */
export function useWeekdayName(width: 'long' | 'short' = 'long') {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { weekday: width, timeZone: 'UTC' });
    return (day: WeekdayKey) => format.format(new Date(Date.UTC(2024, 0, 1 + weekdayKeys.indexOf(day))));
  }, [i18n.language, width]);
}

/** "09:00–17:30", or "22:00–06:00 (next day)" for a window that runs past midnight. */
export function useWindowLabel() {
  const { t } = useTranslation();
  return (window: CalendarWindow) =>
    isOvernight(window) ? t('calendars.overnight', { window: windowText(window) }) : windowText(window);
}
