import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useCurrentUser } from '../../identity/index.ts';
import type { Case } from '../api/cases-types.ts';
import { useSetWatching } from '../hooks/use-cases.ts';

/** Who follows the case; a staff member starts or stops watching it themselves. */
export function WatchersPanel({ item, address }: { item: Case; address: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const watch = useSetWatching(address);
  const watchers = item.watchers ?? [];
  const watching = watchers.some((watcher) => watcher.id === me.id);
  return (
    <Card withBorder data-testid="case-watchers">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('cases.watchers.title')}</Title>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={watching ? <IconEyeOff size={14} /> : <IconEye size={14} />}
          loading={watch.isPending}
          onClick={() => watch.mutate({ userId: me.id, watching: !watching })}
          data-testid="case-watch-toggle"
        >
          {watching ? t('cases.watchers.stop') : t('cases.watchers.start')}
        </Button>
      </Group>
      <ProblemAlert error={watch.error} testId="case-watch-error" />
      {watchers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.watchers.none')}
        </Text>
      ) : (
        <Stack gap={2} data-testid="case-watcher-list">
          {watchers.map((watcher) => (
            <Text key={watcher.id} size="sm">
              {watcher.displayName}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}
