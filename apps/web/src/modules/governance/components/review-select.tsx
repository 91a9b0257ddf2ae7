import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCivilDateFormat } from '../civil-date.ts';
import { useReviews } from '../hooks/use-governance.ts';

interface ReviewSelectProps {
  accountId: string;
  value: string | null;
  onChange: (reviewId: string | null) => void;
  testId: string;
}

/** The review something came out of; cancelled reviews are not offered. */
export function ReviewSelect({ accountId, value, onChange, testId }: ReviewSelectProps) {
  const { t } = useTranslation();
  const reviews = useReviews(accountId);
  const { formatCivilDate } = useCivilDateFormat();
  return (
    <Select
      label={t('governance.review')}
      placeholder={t('governance.noReview')}
      clearable
      data={(reviews.data?.items ?? [])
        .filter((review) => review.status !== 'cancelled')
        .map((review) => ({
          value: review.id,
          label: `${review.title} · ${formatCivilDate(review.heldOn)}`,
        }))}
      value={value}
      onChange={onChange}
      data-testid={testId}
    />
  );
}
