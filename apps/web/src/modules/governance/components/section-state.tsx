import { Center, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';

interface SectionStateProps {
  isPending: boolean;
  error: unknown;
  isEmpty: boolean;
  emptyText: string;
  testId: string;
  children: ReactNode;
}

/** Loading, failure and empty states of the governance sections. */
export function SectionState({ isPending, error, isEmpty, emptyText, testId, children }: SectionStateProps) {
  const { t } = useTranslation();
  if (isPending) {
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (error) return <ProblemAlert error={error} testId={`${testId}-error`} />;
  if (isEmpty) {
    return (
      <Text c="dimmed" size="sm" py="md" ta="center" data-testid={`${testId}-empty`}>
        {emptyText}
      </Text>
    );
  }
  return children;
}
