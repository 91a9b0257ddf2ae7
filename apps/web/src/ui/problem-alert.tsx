import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../app/i18n/translate-error.ts';

interface ProblemAlertProps {
  error: unknown;
  testId?: string;
}

/** A failed call, explained in the person's language from the problem's `code`. */
export function ProblemAlert({ error, testId }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid={testId}>
      {translateError(t, error)}
    </Alert>
  );
}
