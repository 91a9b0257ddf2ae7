import { Text, Timeline } from '@mantine/core';
import { IconCalendarEvent, IconCheck, IconGavel, IconListCheck, IconPoint } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCivilDateFormat } from '../civil-date.ts';
import { useTimeline } from '../hooks/use-governance.ts';
import { PanelState } from '../../../ui/panel-state.tsx';

function iconFor(kind: string): ReactNode {
  if (kind.startsWith('review.')) return <IconCalendarEvent size={12} />;
  if (kind.startsWith('decision.')) return <IconGavel size={12} />;
  if (kind === 'action_item.completed') return <IconCheck size={12} />;
  if (kind.startsWith('action_item.')) return <IconListCheck size={12} />;
  return <IconPoint size={12} />;
}

export function TimelineSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(accountId);
  const { formatMoment } = useCivilDateFormat();
  const items = timeline.data?.items ?? [];

  return (
    <PanelState
      isPending={timeline.isPending}
      error={timeline.error}
      isEmpty={items.length === 0}
      emptyText={t('governance.timeline.empty')}
      testId="governance-timeline"
    >
      <Timeline bulletSize={22} lineWidth={2} data-testid="governance-timeline">
        {items.map((entry) => (
          <Timeline.Item
            key={`${entry.entity.type}-${entry.entity.id}-${entry.kind}`}
            bullet={iconFor(entry.kind)}
            title={entry.title}
            data-testid="timeline-entry"
            data-kind={entry.kind}
          >
            <Text size="xs" c="dimmed">
              {/* Kinds other modules add have no translation yet: the kind itself is shown. */}
              {t(`governance.timeline.kinds.${entry.kind}`, { defaultValue: entry.kind })} ·{' '}
              {formatMoment(entry.at)}
            </Text>
            {entry.summary ? <Text size="sm">{entry.summary}</Text> : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </PanelState>
  );
}
