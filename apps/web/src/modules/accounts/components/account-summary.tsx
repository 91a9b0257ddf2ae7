import { Badge, Card, Group, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LabelledValue } from '../../../ui/labelled-value.tsx';
import type { Account } from '../api/accounts-types.ts';
import { useCountryName } from './labels.ts';

/** The facts a person needs first: who they are, where, what kind, who looks after them. */
export function AccountSummary({ account }: { account: Account }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <Card withBorder padding="lg" mb="lg" data-testid="account-summary">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="lg">
        <LabelledValue label={t('accounts.fields.legalName')} testId="account-legal-name">
          {account.legalName}
        </LabelledValue>
        <LabelledValue label={t('accounts.fields.country')} testId="account-country">
          {countryName(account.countryCode)}
        </LabelledValue>
        <LabelledValue label={t('accounts.fields.kind')} testId="account-kind">
          <Group gap={6}>
            {t(`accounts.kinds.${account.kind}`)}
            {account.segment ? (
              <Badge variant="light" color="gray" size="sm" data-testid="account-segment">
                {t(`accounts.segments.${account.segment}`)}
              </Badge>
            ) : null}
          </Group>
        </LabelledValue>
        <LabelledValue label={t('accounts.fields.owner')} testId="account-owner">
          {account.owner?.displayName ?? t('accounts.noOwner')}
        </LabelledValue>
      </SimpleGrid>
    </Card>
  );
}
