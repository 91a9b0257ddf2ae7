import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert.tsx';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  /** What will happen, in a sentence. */
  message: string;
  confirmLabel: string;
  /** The action's failure, said above the buttons (the dialog stays open to retry or cancel). */
  error: unknown;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
  /** Names the parts for tests: `<testId>-modal`, `-confirm`, `-cancel` and `-error`. */
  testId: string;
}

/** "Are you sure?" before something that cannot be undone (deleting, revoking): a red confirm button. */
export function ConfirmModal({
  opened,
  title,
  message,
  confirmLabel,
  error,
  pending,
  onConfirm,
  onClose,
  testId,
}: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered data-testid={`${testId}-modal`}>
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        <ProblemAlert error={error} testId={`${testId}-error`} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid={`${testId}-cancel`}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm} data-testid={`${testId}-confirm`}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
