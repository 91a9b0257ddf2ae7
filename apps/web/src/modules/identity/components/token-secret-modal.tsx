import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../api/identity-types.ts';

interface TokenSecretModalProps {
  created: CreatedApiToken | null;
  onClose: () => void;
}

/**
 * Shows a new token's secret — the only time it is ever shown. The secret lives in the parent's
 * state until this closes and is in no query cache, so it is gone once the person dismisses it.
 */
export function TokenSecretModal({ created, onClose }: TokenSecretModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={t('tokens.secret.title')}
      size="lg"
      closeOnClickOutside={false}
      data-testid="token-secret-modal"
    >
      {created ? (
        <Stack>
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            data-testid="token-secret-warning"
          >
            {t('tokens.secret.warning')}
          </Alert>
          <Text size="sm" fw={500}>
            {t('tokens.secret.label', { name: created.token.name })}
          </Text>
          <Code block data-testid="token-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {created.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.secret} timeout={2000}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                  data-testid="token-secret-copy"
                >
                  {copied ? t('tokens.secret.copied') : t('tokens.secret.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose} data-testid="token-secret-done">
              {t('tokens.secret.done')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
