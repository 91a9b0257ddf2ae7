import { Badge } from '@mantine/core';
import type { ContractStatus } from '@paydesk/shared';
import { useTranslation } from 'react-i18next';

const colors: Record<ContractStatus, string> = {
  draft: 'gray',
  active: 'green',
  amended: 'teal',
  renewed: 'blue',
  expired: 'orange',
  terminated: 'red',
};

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={colors[status]} data-testid="contract-status" data-status={status}>
      {t(`contracts.statuses.${status}`)}
    </Badge>
  );
}
