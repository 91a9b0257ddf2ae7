import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseView } from '../api/cases-types.ts';
import { useQueueCounts } from '../hooks/use-cases.ts';

/**
 * A shift's start on the dashboard: the agent's own cases and their teams' queues, each with how
 * many are open, at risk and breached now; each figure opens the queue filtered to it.
 */
export function WorkSummary() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" mb="xl" data-testid="work-summary">
      <Text fw={600} size="lg">
        {t('dashboard.work.title')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <ViewCounts view="mine" label={t('dashboard.work.mine')} />
        <ViewCounts view="team" label={t('dashboard.work.team')} />
      </SimpleGrid>
    </Stack>
  );
}

function ViewCounts({ view, label }: { view: Exclude<CaseView, 'all'>; label: string }) {
  const { t, i18n } = useTranslation();
  const counts = useQueueCounts(view, null, true);
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <Card withBorder padding="md" data-testid={`work-${view}`}>
      <Text size="sm" c="dimmed" mb={4}>
        {label}
      </Text>
      {counts.data ? (
        <Group justify="space-between" align="flex-end">
          <UnstyledButton component={Link} to={`/cases?view=${view}`} data-testid={`work-${view}-open`}>
            <Text fz={32} fw={700} lh={1}>
              {number(counts.data.open)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('dashboard.work.open')}
            </Text>
          </UnstyledButton>
          <Group gap="xs">
            <Badge
              component={Link}
              to={`/cases?view=${view}&sla=at_risk`}
              color="orange"
              variant={counts.data.atRisk > 0 ? 'filled' : 'light'}
              style={{ cursor: 'pointer' }}
              data-testid={`work-${view}-at-risk`}
              data-count={counts.data.atRisk}
            >
              {t('caseQueue.quick.atRisk')} · {number(counts.data.atRisk)}
            </Badge>
            <Badge
              component={Link}
              to={`/cases?view=${view}&sla=breached`}
              color="red"
              variant={counts.data.breached > 0 ? 'filled' : 'light'}
              style={{ cursor: 'pointer' }}
              data-testid={`work-${view}-breached`}
              data-count={counts.data.breached}
            >
              {t('caseQueue.quick.breached')} · {number(counts.data.breached)}
            </Badge>
          </Group>
        </Group>
      ) : (
        <Skeleton h={48} />
      )}
    </Card>
  );
}
