import { Anchor, Card, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LabelledValue } from '../../../ui/labelled-value.tsx';
import type { Contract } from '../api/contracts-types.ts';
import { ContractStatusBadge } from './contract-status-badge.tsx';
import { useContractFormat } from './use-contract-format.ts';

/** Who, what and for how long: the facts of a contract above its tabs. */
export function ContractSummary({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const { formatTerm, formatFee } = useContractFormat();
  return (
    <Card withBorder padding="lg" mb="lg">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <LabelledValue label={t('contracts.fields.reference')} testId="contract-reference">
          {contract.reference}
        </LabelledValue>
        <LabelledValue label={t('contracts.fields.status')}>
          <ContractStatusBadge status={contract.status} />
        </LabelledValue>
        <LabelledValue label={t('contracts.fields.account')}>
          <Anchor
            component={Link}
            to={`/accounts/${contract.accountId}`}
            size="sm"
            data-testid="contract-account"
          >
            {contract.accountName}
          </Anchor>
        </LabelledValue>
        <LabelledValue label={t('contracts.fields.owner')} testId="contract-owner">
          {contract.owner?.displayName ?? t('contracts.noOwner')}
        </LabelledValue>
        <LabelledValue label={t('contracts.fields.term')} testId="contract-term">
          {formatTerm(contract.startDate, contract.endDate)}
        </LabelledValue>
        <LabelledValue label={t('contracts.fields.monthlyFee')} testId="contract-fee">
          {formatFee(contract.terms.monthlyFee)}
        </LabelledValue>
        <LabelledValue label={t('contracts.fields.versionInForce')} testId="contract-version-in-force">
          {contract.versionInForce === null
            ? t('contracts.notInForce')
            : t('contracts.versionOf', { version: contract.versionInForce, latest: contract.latestVersion })}
        </LabelledValue>
        {contract.endReason ? (
          <LabelledValue label={t('contracts.fields.endReason')} testId="contract-end-reason">
            {contract.endReason}
          </LabelledValue>
        ) : null}
      </SimpleGrid>
    </Card>
  );
}
