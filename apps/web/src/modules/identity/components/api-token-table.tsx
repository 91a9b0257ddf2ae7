import { Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import type { ApiToken } from '../api/identity-types.ts';

type TokenStatus = 'active' | 'revoked' | 'expired';

function statusOf(token: ApiToken, now: number): TokenStatus {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}

const statusColor: Record<TokenStatus, string> = { active: 'teal', revoked: 'red', expired: 'gray' };

interface ApiTokenTableProps {
  tokens: ApiToken[];
  timeZone: string;
  onRevoke: (token: ApiToken) => void;
}

export function ApiTokenTable({ tokens, timeZone, onRevoke }: ApiTokenTableProps) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useFormatters(timeZone);
  const now = Date.now();

  if (tokens.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md" data-testid="tokens-empty">
        {t('tokens.empty')}
      </Text>
    );
  }

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="tokens-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tokens.columns.name')}</Table.Th>
            <Table.Th>{t('tokens.columns.prefix')}</Table.Th>
            <Table.Th>{t('tokens.columns.scopes')}</Table.Th>
            <Table.Th>{t('tokens.columns.expires')}</Table.Th>
            <Table.Th>{t('tokens.columns.lastUsed')}</Table.Th>
            <Table.Th>{t('tokens.columns.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => {
            const status = statusOf(token, now);
            return (
              <Table.Tr
                key={token.id}
                data-testid="token-row"
                data-token-id={token.id}
                data-token-name={token.name}
              >
                <Table.Td fw={500}>{token.name}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {token.scopes.map((scope) => (
                      <Badge key={scope} variant="outline" size="sm" color="gray">
                        {t(`tokens.scopes.${scope}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDate(token.expiresAt)}</Table.Td>
                <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('common.never')}</Table.Td>
                <Table.Td>
                  <Badge
                    color={statusColor[status]}
                    variant="light"
                    data-testid="token-status"
                    data-status={status}
                    title={
                      token.revokedAt
                        ? t('tokens.revokedOn', { date: formatDateTime(token.revokedAt) })
                        : undefined
                    }
                  >
                    {t(`tokens.status.${status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {status === 'active' ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onRevoke(token)}
                      aria-label={t('tokens.revokeLabel', { name: token.name })}
                      data-testid="token-revoke"
                    >
                      {t('tokens.revoke')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
