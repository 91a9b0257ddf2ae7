import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { ApiToken } from '../api/identity-types.ts';
import { useRevokeApiToken } from '../hooks/use-revoke-api-token.ts';

interface RevokeTokenModalProps {
  token: ApiToken | null;
  onClose: () => void;
}

export function RevokeTokenModal({ token, onClose }: RevokeTokenModalProps) {
  const { t } = useTranslation();
  const revoke = useRevokeApiToken();

  function close() {
    revoke.reset();
    onClose();
  }

  return (
    <Modal
      opened={token !== null}
      onClose={close}
      title={t('tokens.revokeConfirm.title')}
      data-testid="token-revoke-modal"
    >
      {token ? (
        <Stack>
          <Text size="sm">{t('tokens.revokeConfirm.body', { name: token.name })}</Text>
          <ProblemAlert error={revoke.error} testId="token-revoke-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-testid="token-revoke-cancel">
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(token.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('tokens.revoked') });
                    close();
                  },
                })
              }
              data-testid="token-revoke-confirm"
            >
              {t('tokens.revokeConfirm.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
