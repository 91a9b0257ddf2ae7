import { Center, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert.tsx';

interface PanelStateProps {
  isPending: boolean;
  error: unknown;
  isEmpty: boolean;
  emptyText: string;
  testId: string;
  children: ReactNode;
}

/** Loading, failure and empty states of a panel or section that loads a list (account tabs, governance). */
export function PanelState({ isPending, error, isEmpty, emptyText, testId, children }: PanelStateProps) {
  const { t } = useTranslation();
  if (isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (error) return <ProblemAlert error={error} testId={`${testId}-error`} />;
  if (isEmpty) {
    return (
      <Text c="dimmed" size="sm" py="lg" ta="center" data-testid={`${testId}-empty`}>
        {emptyText}
      </Text>
    );
  }
  return children;
}
