import { Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';

interface SessionErrorProps {
  error: unknown;
  onRetry: () => void;
}

/** The session could not be checked (server down, network): say so and offer a retry. */
export function SessionError({ error, onRetry }: SessionErrorProps) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" p="md">
      <Stack maw={420} w="100%">
        <ProblemAlert error={error} testId="session-error" />
        <Button variant="default" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
