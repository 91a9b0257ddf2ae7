import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../api/contracts-types.ts';

/** Someone changed the contract since it was read: say so and offer to carry on from theirs. */
export function ConflictAlert({
  current,
  onReload,
}: {
  current: Contract;
  onReload: (current: Contract) => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      role="alert"
      data-testid="contract-conflict"
    >
      <Stack gap="xs" align="flex-start">
        {t('errors.CONTRACT_VERSION_CONFLICT')}
        <Button
          size="xs"
          variant="default"
          onClick={() => onReload(current)}
          data-testid="contract-conflict-reload"
        >
          {t('contracts.conflict.reload', { revision: current.revision })}
        </Button>
      </Stack>
    </Alert>
  );
}
