import { Center, Loader, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { CaseEvent } from '../api/cases-types.ts';
import { useCaseTimeline } from '../hooks/use-cases.ts';

/** An event's data is free-form JSON: only its strings and numbers are shown. */
const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const statusLabel = (t: TFunction, status: unknown) =>
  t(`cases.statuses.${text(status)}`, { defaultValue: text(status) });

/** One line per event in the person's language; an event type this screen does not know is named as it is. */
function describe(t: TFunction, event: CaseEvent): string {
  const data = event.data;
  switch (event.type) {
    case 'opened':
      return t('cases.timeline.opened', { priority: text(data.priority) });
    case 'status_changed':
      return t(data.by === 'reply' ? 'cases.timeline.statusByReply' : 'cases.timeline.statusChanged', {
        from: statusLabel(t, data.from),
        to: statusLabel(t, data.to),
      });
    case 'priority_changed':
      return data.reason
        ? t('cases.timeline.priorityOverridden', {
            from: text(data.from),
            to: text(data.to),
            reason: text(data.reason),
          })
        : t('cases.timeline.priorityChanged', { from: text(data.from), to: text(data.to) });
    case 'assigned':
      return t('cases.timeline.assigned');
    case 'field_changed': {
      const field = data.field === 'contactId' ? 'contact' : text(data.field);
      return t('cases.timeline.fieldChanged', { field: t(`cases.fields.${field}`, { defaultValue: field }) });
    }
    case 'staff_replied':
      return data.public === false ? t('cases.timeline.noted') : t('cases.timeline.staffReplied');
    case 'customer_replied':
      return t('cases.timeline.customerReplied');
    default:
      return event.type;
  }
}

export function CaseTimeline({ address, timeZone }: { address: string; timeZone: string }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters(timeZone);
  const events = useCaseTimeline(address);
  if (events.isPending)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  if (events.isError) return <ProblemAlert error={events.error} testId="case-timeline-error" />;
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="case-timeline">
      {events.data.map((event) => (
        <Timeline.Item key={event.seq} data-testid="case-event" data-type={event.type}>
          <Text size="sm">{describe(t, event)}</Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at)}
            {event.actor ? ` · ${event.actor.displayName}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
