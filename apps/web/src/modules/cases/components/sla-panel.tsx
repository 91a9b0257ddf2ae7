import { Badge, Button, Card, Collapse, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { ClockSegment, ClockStatus, SlaClock } from '../api/cases-types.ts';
import { businessTime, countdownTarget, formatCountdown } from '../due.ts';
import { useCaseSla } from '../hooks/use-cases.ts';
import { useNow } from '../hooks/use-now.ts';

const statusColors: Record<ClockStatus, string> = {
  running: 'blue',
  paused: 'yellow',
  met: 'green',
  breached: 'red',
  stopped: 'gray',
};

/**
 * The case's SLA clocks: a live countdown to the due time of each running one (once breached, the
 * time since the breach), the state of the others, and for each the explanation of its due time
 * (counted, closed and paused stretches).
 */
export function SlaPanel({ address, timeZone }: { address: string; timeZone: string }) {
  const { t } = useTranslation();
  const clocks = useCaseSla(address);
  const now = useNow(1000);
  return (
    <Card withBorder data-testid="case-sla">
      <Title order={5} mb="sm">
        {t('cases.sla.title')}
      </Title>
      {clocks.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : clocks.isError ? (
        <ProblemAlert error={clocks.error} testId="case-sla-error" />
      ) : clocks.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="case-sla-empty">
          {t('cases.sla.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {clocks.data.map((clock) => (
            <ClockCard
              key={`${clock.source}-${clock.metric}-${clock.cycle}`}
              clock={clock}
              now={now}
              timeZone={timeZone}
            />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function ClockCard({ clock, now, timeZone }: { clock: SlaClock; now: number; timeZone: string }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters(timeZone);
  const [open, setOpen] = useState(false);
  const target = countdownTarget(clock);
  const dueIn = target === null ? null : Date.parse(target.at) - now;
  const overdue = clock.status === 'running' && dueIn !== null && dueIn < 0;
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="sla-clock"
      data-metric={clock.metric}
      data-source={clock.source}
      data-cycle={clock.cycle}
      data-status={clock.status}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {t(`slaPolicies.metrics.${clock.metric}`)}
            {clock.cycle > 1 ? ` #${clock.cycle}` : ''}
          </Text>
          <Text size="xs" c="dimmed" data-testid="sla-clock-policy">
            {t(`cases.sla.sources.${clock.source}`)} · {clock.vendor ? `${clock.vendor.name} · ` : ''}
            {clock.policy.name}
          </Text>
        </Stack>
        <Badge
          color={overdue ? 'red' : statusColors[clock.status]}
          variant={clock.status === 'running' ? 'light' : 'filled'}
          // The status in full; the policy's name beside it wraps instead.
          style={{ minWidth: 'max-content' }}
          data-testid="sla-clock-status"
        >
          {t(`cases.sla.statuses.${clock.status}`)}
        </Badge>
      </Group>
      {clock.status === 'running' && dueIn !== null ? (
        <Group justify="space-between" mt={6} gap="xs">
          <Text
            size="lg"
            ff="monospace"
            fw={700}
            c={overdue ? 'red' : undefined}
            aria-label={t(overdue ? 'cases.sla.overdueBy' : 'cases.sla.remaining')}
            data-testid="sla-clock-countdown"
          >
            {formatCountdown(dueIn)}
          </Text>
          <Text size="xs" c="dimmed" data-testid="sla-clock-deadline">
            {t(target!.isBreach ? 'cases.sla.breachedSince' : 'cases.sla.due', {
              at: formatDateTime(target!.at),
            })}
          </Text>
        </Group>
      ) : (
        <Text size="xs" c="dimmed" mt={6} data-testid="sla-clock-detail">
          {clock.status === 'paused'
            ? t('cases.sla.pausedLeft', { left: businessTime(clock.remainingMs) })
            : t('cases.sla.elapsed', { elapsed: businessTime(clock.businessElapsedMs) })}
          {clock.breachedAt
            ? ` · ${t('cases.sla.breachedAt', { at: formatDateTime(clock.breachedAt) })}`
            : ''}
        </Text>
      )}
      {clock.explanation.segments.length > 0 || clock.explanation.summary ? (
        <>
          <Button
            variant="subtle"
            size="compact-xs"
            mt={4}
            leftSection={open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            data-testid="sla-clock-explain"
          >
            {t('cases.sla.explain')}
          </Button>
          <Collapse in={open}>
            <Stack gap={4} mt={4} data-testid="sla-clock-explanation">
              <Text size="xs">{clock.explanation.summary}</Text>
              {clock.explanation.segments.map((segment, index) => (
                <Text key={index} size="xs" c={segment.isProjected ? 'dimmed' : undefined}>
                  {describeSegment(t, segment, formatDateTime)}
                </Text>
              ))}
            </Stack>
          </Collapse>
        </>
      ) : null}
    </Card>
  );
}

function describeSegment(t: TFunction, segment: ClockSegment, format: (iso: string) => string): string {
  const span = t('cases.sla.span', {
    from: format(segment.from),
    to: format(segment.to),
  });
  switch (segment.kind) {
    case 'counted':
      return t('cases.sla.segments.counted', { span, time: businessTime(segment.businessMs ?? 0) });
    case 'paused':
      return t('cases.sla.segments.paused', {
        span,
        reason: t(`cases.sla.pauseReasons.${segment.reason ?? 'not_measured'}`, {
          defaultValue: segment.reason ?? '',
        }),
      });
    case 'holiday':
      return t('cases.sla.segments.holiday', { span, name: segment.name ?? '' });
    default:
      return t('cases.sla.segments.closed', { span });
  }
}
