import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../identity/index.ts';
import { canManageGovernance } from '../permissions.ts';
import { ActionItemsSection } from './action-items-section.tsx';
import { DecisionsSection } from './decisions-section.tsx';
import { ReviewsSection } from './reviews-section.tsx';
import { TimelineSection } from './timeline-section.tsx';

const sections = ['timeline', 'reviews', 'decisions', 'actionItems'] as const;

/** An account's governance: what happened, the reviews, decisions and action items. Read-only for customers. */
export function GovernanceTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = canManageGovernance(me.role);

  return (
    <Stack gap="sm" data-testid="governance-tab">
      <Tabs defaultValue="timeline" variant="pills" keepMounted={false}>
        <Tabs.List mb="md">
          {sections.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`governance-section-${key}`}>
              {t(`governance.sections.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="timeline">
          <TimelineSection accountId={accountId} />
        </Tabs.Panel>
        <Tabs.Panel value="reviews">
          <ReviewsSection accountId={accountId} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="decisions">
          <DecisionsSection accountId={accountId} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="actionItems">
          <ActionItemsSection accountId={accountId} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
