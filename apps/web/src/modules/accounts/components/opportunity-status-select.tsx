import { Select } from '@mantine/core';
import { opportunityStatuses, type OpportunityStatus } from '@paydesk/shared';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { Opportunity } from '../api/accounts-types.ts';
import { useUpdateOpportunity } from '../hooks/use-accounts.ts';

/** Moves an opportunity to another status as soon as one is picked. */
export function OpportunityStatusSelect({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const update = useUpdateOpportunity(opportunity.accountId);
  return (
    <>
      <Select
        size="xs"
        w={150}
        aria-label={t('accounts.opportunityEdit.statusOf', { title: opportunity.title })}
        allowDeselect={false}
        data={opportunityStatuses.map((value) => ({
          value,
          label: t(`accounts.opportunities.statuses.${value}`),
        }))}
        value={update.isPending ? update.variables.input.status : opportunity.status}
        disabled={update.isPending}
        onChange={(value) => {
          if (value && value !== opportunity.status)
            update.mutate({ opportunityId: opportunity.id, input: { status: value as OpportunityStatus } });
        }}
        data-testid="opportunity-status"
      />
      <ProblemAlert error={update.error} testId="opportunity-status-error" />
    </>
  );
}
