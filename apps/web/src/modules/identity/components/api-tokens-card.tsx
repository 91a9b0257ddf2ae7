import { Card, Center, Divider, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { ApiToken, CreatedApiToken } from '../api/identity-types.ts';
import { useApiTokens } from '../hooks/use-api-tokens.ts';
import { ApiTokenTable } from './api-token-table.tsx';
import { CreateApiTokenForm } from './create-api-token-form.tsx';
import { RevokeTokenModal } from './revoke-token-modal.tsx';
import { TokenSecretModal } from './token-secret-modal.tsx';

export function ApiTokensCard({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <Card withBorder padding="lg" data-testid="api-tokens">
      <Stack gap={4} mb="md">
        <Title order={4}>{t('tokens.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('tokens.description')}
        </Text>
      </Stack>
      {tokens.isPending ? (
        <Center py="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : tokens.isError ? (
        <ProblemAlert error={tokens.error} testId="tokens-error" />
      ) : (
        <ApiTokenTable tokens={tokens.data} timeZone={timeZone} onRevoke={setRevoking} />
      )}
      <Divider my="lg" />
      <CreateApiTokenForm onCreated={setCreated} />
      <TokenSecretModal created={created} onClose={() => setCreated(null)} />
      <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}
