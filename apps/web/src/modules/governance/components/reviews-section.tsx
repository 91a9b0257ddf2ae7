import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { ServiceReviewStatus } from '@paydesk/shared';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceReview } from '../api/governance-types.ts';
import { useCivilDateFormat } from '../civil-date.ts';
import { useReviews } from '../hooks/use-governance.ts';
import { ReviewModal } from './review-modal.tsx';
import { PanelState } from '../../../ui/panel-state.tsx';

const statusColours: Record<ServiceReviewStatus, string> = {
  planned: 'blue',
  held: 'teal',
  cancelled: 'gray',
};

export function ReviewsSection({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const reviews = useReviews(accountId);
  const { formatCivilDate } = useCivilDateFormat();
  // undefined: closed; null: scheduling a new review.
  const [editing, setEditing] = useState<ServiceReview | null | undefined>(undefined);
  const rows = reviews.data?.items ?? [];

  return (
    <>
      {canEdit ? (
        <Group justify="flex-end" mb="sm">
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing(null)}
            data-testid="review-schedule"
          >
            {t('governance.reviews.schedule')}
          </Button>
        </Group>
      ) : null}
      <PanelState
        isPending={reviews.isPending}
        error={reviews.error}
        isEmpty={rows.length === 0}
        emptyText={t('governance.reviews.empty')}
        testId="reviews"
      >
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" data-testid="reviews-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('governance.reviews.title')}</Table.Th>
                <Table.Th>{t('governance.reviews.heldOn')}</Table.Th>
                <Table.Th>{t('governance.reviews.status')}</Table.Th>
                <Table.Th>{t('governance.reviews.attendees')}</Table.Th>
                {canEdit ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((review) => (
                <Table.Tr key={review.id} data-testid="review-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {review.title}
                    </Text>
                    {review.minutes ? (
                      <Text size="xs" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
                        {review.minutes}
                      </Text>
                    ) : review.agenda ? (
                      <Text size="xs" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
                        {review.agenda}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {formatCivilDate(review.heldOn)}
                      {review.startsAt ? ` ${review.startsAt}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColours[review.status]}>
                      {t(`governance.reviews.statuses.${review.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {review.attendees.length === 0
                        ? t('common.none')
                        : review.attendees.map((a) => `${a.name} (${a.organisation})`).join(', ')}
                    </Text>
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td ta="right">
                      {review.status === 'cancelled' ? null : (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconPencil size={12} />}
                          onClick={() => setEditing(review)}
                          data-testid="review-edit"
                        >
                          {t('governance.edit')}
                        </Button>
                      )}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </PanelState>
      {editing !== undefined ? (
        <ReviewModal accountId={accountId} review={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}
