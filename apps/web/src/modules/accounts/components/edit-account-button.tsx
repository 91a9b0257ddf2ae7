import { Button } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../api/accounts-types.ts';
import { EditAccountModal } from './edit-account-modal.tsx';

/** "Edit account" and its modal, for the account page's header. */
export function EditAccountButton({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [isEditing, setIsEditing] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPencil size={14} />}
        onClick={() => setIsEditing(true)}
        data-testid="account-edit"
      >
        {t('accounts.edit.open')}
      </Button>
      {isEditing ? <EditAccountModal account={account} onClose={() => setIsEditing(false)} /> : null}
    </>
  );
}
