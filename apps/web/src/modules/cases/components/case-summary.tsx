import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import { LabelledValue } from '../../../ui/labelled-value.tsx';
import type { Case } from '../api/cases-types.ts';

/** The case's facts at a glance; team, tier and tags only where the API gives them (staff). */
export function CaseSummary({ item, timeZone }: { item: Case; timeZone: string }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters(timeZone);
  const none = (
    <Text span size="sm" c="dimmed">
      {t('common.none')}
    </Text>
  );
  return (
    <Card withBorder mb="md" data-testid="case-summary">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" verticalSpacing="sm">
        <LabelledValue label={t('cases.fields.account')}>
          <Anchor component={Link} to={`/accounts/${item.accountId}`} size="sm" data-testid="case-account">
            {item.accountName}
          </Anchor>
        </LabelledValue>
        <LabelledValue label={t('cases.fields.contact')} testId="case-contact">
          {item.contact ? <span title={item.contact.email}>{item.contact.name}</span> : none}
        </LabelledValue>
        <LabelledValue label={t('cases.fields.type')} testId="case-type">
          {t(`slaPolicies.caseTypes.${item.type}`)}
        </LabelledValue>
        <LabelledValue label={t('cases.fields.service')} testId="case-service">
          {item.service?.name ?? none}
        </LabelledValue>
        <LabelledValue label={t('cases.fields.impactUrgency')}>
          {t(`cases.levels.${item.impact}`)} / {t(`cases.levels.${item.urgency}`)}
        </LabelledValue>
        <LabelledValue label={t('cases.fields.channel')}>
          {t(`slaPolicies.channels.${item.channel}`)}
        </LabelledValue>
        {item.team !== undefined ? (
          <LabelledValue label={t('cases.fields.team')} testId="case-team">
            {item.team?.name ?? none}
          </LabelledValue>
        ) : null}
        <LabelledValue label={t('cases.fields.assignee')} testId="case-assignee">
          {item.assignee?.displayName ?? t('cases.unassigned')}
        </LabelledValue>
        {item.tier !== undefined ? (
          <LabelledValue label={t('cases.fields.tier')}>{t('cases.tier', { tier: item.tier })}</LabelledValue>
        ) : null}
        <LabelledValue label={t('cases.fields.externalReference')} testId="case-external-reference">
          {item.externalReference ?? none}
        </LabelledValue>
        <LabelledValue label={t('cases.fields.openedAt')}>{formatDateTime(item.openedAt)}</LabelledValue>
        {item.priorityReason ? (
          <LabelledValue label={t('cases.fields.priorityReason')} testId="case-priority-reason">
            {item.priorityReason}
          </LabelledValue>
        ) : null}
      </SimpleGrid>
    </Card>
  );
}
