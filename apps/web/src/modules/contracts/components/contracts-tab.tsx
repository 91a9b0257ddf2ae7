import { Button, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../identity/index.ts';
import { canManageContracts } from '../permissions.ts';
import { ContractList } from './contract-list.tsx';
import { NewContractModal } from './new-contract-modal.tsx';

/** An account's contracts (a customer sees only those in force or ended), and a new draft for those who manage them. */
export function ContractsTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [isCreating, setIsCreating] = useState(false);
  const filter = useMemo(() => ({ accountId }), [accountId]);
  return (
    <Stack gap="sm">
      {canManageContracts(me.role) ? (
        <Group justify="flex-end">
          <Button
            leftSection={<IconPlus size={14} />}
            onClick={() => setIsCreating(true)}
            data-testid="contract-new"
          >
            {t('contracts.create.open')}
          </Button>
        </Group>
      ) : null}
      <ContractList filter={filter} showAccount={false} />
      {isCreating ? (
        <NewContractModal
          accountId={accountId}
          onClose={() => setIsCreating(false)}
          onCreated={(contract) => void navigate(`/contracts/${contract.id}`)}
        />
      ) : null}
    </Stack>
  );
}
