import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
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
    <ConfirmModal
      opened={token !== null}
      title={t('tokens.revokeConfirm.title')}
      message={t('tokens.revokeConfirm.body', { name: token?.name ?? '' })}
      confirmLabel={t('tokens.revokeConfirm.confirm')}
      error={revoke.error}
      pending={revoke.isPending}
      onConfirm={() =>
        token &&
        revoke.mutate(token.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('tokens.revoked') });
            close();
          },
        })
      }
      onClose={close}
      testId="token-revoke"
    />
  );
}
