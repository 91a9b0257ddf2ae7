import { Badge, Card, Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useContractDiff, useContractVersions } from '../hooks/use-contracts.ts';
import { useContractFormat } from './use-contract-format.ts';

/** The versions of a contract, oldest first; choosing one shows what it changed against the one before. */
export function VersionsTab({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const { formatCivilDate, formatMoment } = useContractFormat();
  const versions = useContractVersions(contractId);
  const [chosen, setChosen] = useState<number | null>(null);
  const items = versions.data ?? [];
  const selected = chosen ?? items.at(-1)?.version ?? null;

  if (versions.isPending)
    return (
      <Center py="lg">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  if (versions.isError) return <ProblemAlert error={versions.error} testId="contract-versions-error" />;

  return (
    <Stack gap="lg">
      <Table.ScrollContainer minWidth={720}>
        <Table highlightOnHover verticalSpacing="sm" data-testid="contract-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.versions.version')}</Table.Th>
              <Table.Th>{t('contracts.versions.kind')}</Table.Th>
              <Table.Th>{t('contracts.fields.effectiveFrom')}</Table.Th>
              <Table.Th>{t('contracts.fields.summary')}</Table.Th>
              <Table.Th>{t('contracts.versions.by')}</Table.Th>
              <Table.Th>{t('contracts.versions.when')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((version) => (
              <Table.Tr
                key={version.version}
                onClick={() => setChosen(version.version)}
                bg={version.version === selected ? 'var(--mantine-primary-color-light)' : undefined}
                style={{ cursor: 'pointer' }}
                aria-selected={version.version === selected}
                data-testid="contract-version-row"
                data-version={version.version}
              >
                <Table.Td>{version.version}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`contracts.versions.kinds.${version.kind}`)}</Badge>
                </Table.Td>
                <Table.Td>{formatCivilDate(version.effectiveFrom)}</Table.Td>
                <Table.Td>{version.summary}</Table.Td>
                <Table.Td>{version.createdBy?.displayName ?? t('contracts.versions.system')}</Table.Td>
                <Table.Td>{formatMoment(version.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {selected === null ? null : <VersionDiff contractId={contractId} version={selected} />}
    </Stack>
  );
}

function VersionDiff({ contractId, version }: { contractId: string; version: number }) {
  const { t } = useTranslation();
  const diff = useContractDiff(contractId, version);
  return (
    <Card withBorder padding="md" data-testid="contract-diff" data-version={version}>
      <Title order={5} mb="sm">
        {version > 1
          ? t('contracts.versions.diffTitle', { version, previous: version - 1 })
          : t('contracts.versions.originalTitle')}
      </Title>
      {version === 1 ? (
        <Text size="sm" c="dimmed">
          {t('contracts.versions.original')}
        </Text>
      ) : diff.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : diff.isError ? (
        <ProblemAlert error={diff.error} testId="contract-diff-error" />
      ) : diff.data.changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contracts.versions.noChanges')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder data-testid="contract-diff-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contracts.versions.what')}</Table.Th>
                <Table.Th>{t('contracts.versions.before')}</Table.Th>
                <Table.Th>{t('contracts.versions.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {diff.data.changes.map((change) => (
                <Table.Tr key={change.path} data-testid="contract-diff-row" data-path={change.path}>
                  <Table.Td>{change.label}</Table.Td>
                  <Table.Td data-testid="contract-diff-before">{change.before ?? '—'}</Table.Td>
                  <Table.Td data-testid="contract-diff-after">{change.after ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
