import { Badge } from '@mantine/core';
import type { CaseStatus, Priority } from '@paydesk/shared';
import { useTranslation } from 'react-i18next';
import { priorityColors } from '../priority.ts';

const statusColors: Record<CaseStatus, string> = {
  new: 'blue',
  open: 'cyan',
  pending_customer: 'yellow',
  pending_internal: 'grape',
  pending_vendor: 'violet',
  on_hold: 'gray',
  resolved: 'green',
  closed: 'dark',
};

export function CaseStatusBadge({ status, testId }: { status: CaseStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={statusColors[status]}
      // Whole words, never "PENDING CUST…": a narrow table column or card makes room instead.
      style={{ minWidth: 'max-content' }}
      data-testid={testId}
      data-status={status}
    >
      {t(`cases.statuses.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority, testId }: { priority: Priority; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant={priority === 'P1' ? 'filled' : 'light'}
      color={priorityColors[priority]}
      title={t(`cases.priorities.${priority}`)}
      data-testid={testId}
      data-priority={priority}
    >
      {priority}
    </Badge>
  );
}
