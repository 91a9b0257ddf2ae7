import { Center, Loader, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { CaseEvent, Escalation } from '../api/cases-types.ts';
import { escalationTarget } from '../escalation-text.ts';
import { useCaseAssignees, useCaseEscalations } from '../hooks/use-case-work.ts';
import { useCaseTimeline, useTeams } from '../hooks/use-cases.ts';

/** An event's data is free-form JSON: only its strings and numbers are shown. */
const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const statusLabel = (t: TFunction, status: unknown) =>
  t(`cases.statuses.${text(status)}`, { defaultValue: text(status) });

/** The other case an event names (a link, a merge, a split): its reference, PD-100001. */
const otherCase = (data: Record<string, unknown>) => {
  const from = data.splitFrom as Record<string, unknown> | undefined;
  return { reference: text(data.reference) || text(from?.reference) };
};

const linkKind = (t: TFunction, kind: unknown) =>
  t(`cases.links.kinds.${text(kind)}`, { defaultValue: text(kind) });

const statusKeys: Record<string, string> = {
  reply: 'cases.timeline.statusByReply',
  merge: 'cases.timeline.statusByMerge',
};

/** What the timeline can name: events carry ids only. */
interface Names {
  escalations: Map<string, Escalation>;
  people: Map<string, string>;
  teams: Map<string, string>;
}

/** An assignment by whom it went to: a person, nobody, or (the team alone changed) a team. */
function describeAssignment(t: TFunction, data: Record<string, unknown>, names: Names): string {
  const from = (data.from ?? {}) as Record<string, unknown>;
  const to = (data.to ?? {}) as Record<string, unknown>;
  const byRouting = data.by === 'routing';
  if (to.assigneeId !== from.assigneeId) {
    if (to.assigneeId === null) return t('cases.timeline.unassigned');
    const name = names.people.get(text(to.assigneeId));
    if (name)
      return t(byRouting ? 'cases.timeline.assignedToByRouting' : 'cases.timeline.assignedTo', { name });
  } else {
    const team = names.teams.get(text(to.teamId));
    if (team) return t('cases.timeline.movedToTeam', { team });
  }
  return t(byRouting ? 'cases.timeline.assignedByRouting' : 'cases.timeline.assigned');
}

/**
 * One line per event in the person's language; an event type this screen does not know is named as
 * it is. People, teams and escalations (teams, vendors, managers) are named when they are known.
 */
function describe(t: TFunction, event: CaseEvent, names: Names): string {
  const data = event.data;
  switch (event.type) {
    case 'opened':
      return data.splitFrom
        ? t('cases.timeline.openedBySplit', { priority: text(data.priority), ...otherCase(data) })
        : t('cases.timeline.opened', { priority: text(data.priority) });
    case 'status_changed':
      return t(statusKeys[text(data.by)] ?? 'cases.timeline.statusChanged', {
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
      return describeAssignment(t, data, names);
    case 'assignment_skipped':
      return t('cases.timeline.assignmentSkipped');
    case 'escalated': {
      const escalation = names.escalations.get(text(data.escalationId));
      return escalation
        ? t('cases.timeline.escalatedTo', {
            target: escalationTarget(t, escalation),
            reason: text(data.reason),
          })
        : t('cases.timeline.escalated', { reason: text(data.reason) });
    }
    case 'attachment_added':
      return t('cases.timeline.attachmentAdded', { name: text(data.fileName) });
    case 'attachment_removed':
      return t('cases.timeline.attachmentRemoved', { name: text(data.fileName) });
    case 'link_added':
      return t('cases.timeline.linkAdded', { ...otherCase(data), kind: linkKind(t, data.kind) });
    case 'link_removed':
      return t('cases.timeline.linkRemoved', { ...otherCase(data), kind: linkKind(t, data.kind) });
    case 'merged_into':
      return t('cases.timeline.mergedInto', otherCase(data));
    case 'merged_from':
      return t('cases.timeline.mergedFrom', otherCase(data));
    case 'split_into':
      return t('cases.timeline.splitInto', otherCase(data));
    case 'sla_warning':
    case 'sla_breached':
      return t(event.type === 'sla_warning' ? 'cases.timeline.slaWarning' : 'cases.timeline.slaBreached', {
        metric: t(`slaPolicies.metrics.${text(data.metric)}`, { defaultValue: text(data.metric) }),
        threshold: text(data.threshold),
        policy: text(data.policy),
      });
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
  // Only staff see assignment and escalation events, and only staff may read what names them.
  const has = (type: string) => events.data?.some((event) => event.type === type) ?? false;
  const escalations = useCaseEscalations(address, has('escalated'));
  const assignees = useCaseAssignees(has('assigned') ? address : null);
  const teams = useTeams(has('assigned'));
  const names: Names = {
    escalations: new Map((escalations.data ?? []).map((escalation) => [escalation.id, escalation])),
    people: new Map((assignees.data?.items ?? []).map((person) => [person.id, person.displayName])),
    teams: new Map((teams.data ?? []).map((team) => [team.id, team.name])),
  };
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
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {describe(t, event, names)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at)}
            {event.actor ? ` · ${event.actor.displayName}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
