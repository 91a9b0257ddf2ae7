import { ActionIcon, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { Subscription } from '../api/accounts-types.ts';
import { useUnsubscribe } from '../hooks/use-accounts.ts';

/** Ends a subscription after a confirmation. */
export function RemoveSubscriptionButton({ subscription }: { subscription: Subscription }) {
  const { t } = useTranslation();
  const unsubscribe = useUnsubscribe(subscription.accountId);
  const [isOpen, setIsOpen] = useState(false);
  const close = () => {
    unsubscribe.reset();
    setIsOpen(false);
  };
  const service = subscription.service.name;
  return (
    <>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t('accounts.unsubscribe.open', { service })}
        onClick={() => setIsOpen(true)}
        data-testid="subscription-remove"
      >
        <IconTrash size={16} />
      </ActionIcon>
      <Modal opened={isOpen} onClose={close} title={t('accounts.unsubscribe.title')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('accounts.unsubscribe.confirm', { service })}</Text>
          <ProblemAlert error={unsubscribe.error} testId="subscription-remove-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={unsubscribe.isPending}
              onClick={() => unsubscribe.mutate(subscription.service.id, { onSuccess: close })}
              data-testid="subscription-remove-confirm"
            >
              {t('accounts.unsubscribe.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
