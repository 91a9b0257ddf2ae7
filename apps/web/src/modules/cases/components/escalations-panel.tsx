import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { escalationTarget } from '../escalation-text.ts';
import { useCaseEscalations } from '../hooks/use-case-work.ts';

/** The case's escalations, oldest first: the history of who it went up to, and why. */
export function EscalationsPanel({ address, timeZone }: { address: string; timeZone: string }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters(timeZone);
  const escalations = useCaseEscalations(address, true);
  if (escalations.isError) return <ProblemAlert error={escalations.error} testId="case-escalations-error" />;
  const items = escalations.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder data-testid="case-escalations">
      <Title order={5} mb="xs">
        {t('cases.escalations.title')}
      </Title>
      <Stack gap="sm">
        {items.map((escalation) => (
          <Stack key={escalation.id} gap={2} data-testid="case-escalation" data-kind={escalation.kind}>
            <Text size="sm" fw={600} data-testid="case-escalation-target">
              {escalationTarget(t, escalation)}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {escalation.reason}
            </Text>
            <Group gap="xs">
              <Badge size="xs" variant="light" color="red">
                {t(`cases.escalations.kinds.${escalation.kind}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDateTime(escalation.escalatedAt)}
                {escalation.escalatedBy ? ` · ${escalation.escalatedBy.displayName}` : ''}
              </Text>
            </Group>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
