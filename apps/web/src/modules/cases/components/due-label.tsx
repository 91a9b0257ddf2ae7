import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { dueTone, dueToneColors, relativeParts } from '../due.ts';

/** "in 3 hours", red once past and amber when close; the exact time on hover. */
export function DueLabel({ dueAt, now, timeZone }: { dueAt: string | null; now: number; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const { formatDateTime } = useFormatters(timeZone);
  const relative = useMemo(
    () => new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' }),
    [i18n.language],
  );
  if (dueAt === null)
    return (
      <Text size="sm" c="dimmed" data-testid="case-due">
        {t('cases.noDue')}
      </Text>
    );
  const tone = dueTone(dueAt, now);
  const { value, unit } = relativeParts(Date.parse(dueAt) - now);
  return (
    <Text
      size="sm"
      c={dueToneColors[tone]}
      fw={tone === 'later' ? undefined : 600}
      title={formatDateTime(dueAt)}
      data-testid="case-due"
      data-tone={tone}
    >
      {relative.format(value, unit)}
    </Text>
  );
}
