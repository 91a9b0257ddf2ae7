import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="xl" maw={640} data-testid="not-found">
      <Stack align="flex-start" gap="sm">
        <Title order={3}>{t('notFound.title')}</Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <Button component={Link} to="/" variant="light">
          {t('notFound.backHome')}
        </Button>
      </Stack>
    </Card>
  );
}
