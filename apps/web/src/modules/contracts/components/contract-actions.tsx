import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { ContractAction } from '@paydesk/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { conflictingContract } from '../api/contracts-api.ts';
import { contractsKeys } from '../api/contracts-keys.ts';
import type { Contract, TransitionAction } from '../api/contracts-types.ts';
import { useTransitionContract } from '../hooks/use-contracts.ts';
import { ConflictAlert } from './conflict-alert.tsx';
import type { TermsChangeKind } from './terms-tab.tsx';

interface ContractActionsProps {
  contract: Contract;
  /** Opens the amendment or renewal editor. */
  onChangeTerms: (kind: TermsChangeKind) => void;
}

const order: readonly ContractAction[] = ['activate', 'amend', 'renew', 'expire', 'terminate'];
const colors: Record<ContractAction, string | undefined> = {
  activate: undefined,
  amend: undefined,
  renew: undefined,
  expire: 'orange',
  terminate: 'red',
};

/** What the contract's lifecycle allows now (`allowedActions`); ends and activation are confirmed first. */
export function ContractActions({ contract, onChangeTerms }: ContractActionsProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<TransitionAction | null>(null);
  const actions = order.filter((action) => contract.allowedActions.includes(action));
  if (actions.length === 0) return null;
  return (
    <Group gap="sm">
      {actions.map((action) => (
        <Button
          key={action}
          variant={action === 'activate' ? 'filled' : 'default'}
          color={colors[action]}
          onClick={() =>
            action === 'amend' || action === 'renew' ? onChangeTerms(action) : setConfirming(action)
          }
          data-testid={`contract-action-${action}`}
        >
          {t(`contracts.actions.${action}`)}
        </Button>
      ))}
      {confirming ? (
        <TransitionModal contract={contract} action={confirming} onClose={() => setConfirming(null)} />
      ) : null}
    </Group>
  );
}

function TransitionModal({
  contract,
  action,
  onClose,
}: {
  contract: Contract;
  action: TransitionAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const transition = useTransitionContract(contract.id);
  const [reason, setReason] = useState('');
  const [isMissing, setIsMissing] = useState(false);
  const conflict = conflictingContract(transition.error);
  const needsReason = action === 'terminate';

  function confirm() {
    if (needsReason && reason.trim() === '') {
      setIsMissing(true);
      return;
    }
    transition.mutate(
      {
        revision: contract.revision,
        input: reason.trim() ? { action, reason: reason.trim() } : { action },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t(`contracts.transition.${action}Title`)} centered>
      <Stack gap="sm" data-testid="contract-transition-modal">
        <Text size="sm">{t(`contracts.transition.${action}Confirm`, { reference: contract.reference })}</Text>
        {action === 'activate' ? null : (
          <Textarea
            label={t('contracts.transition.reason')}
            required={needsReason}
            maxLength={2000}
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => {
              setIsMissing(false);
              setReason(event.currentTarget.value);
            }}
            error={isMissing ? t('common.required') : undefined}
            data-testid="contract-transition-reason"
          />
        )}
        {conflict ? (
          <ConflictAlert
            current={conflict}
            onReload={(current) => {
              queryClient.setQueryData(contractsKeys.detail(current.id), current);
              onClose();
            }}
          />
        ) : (
          <ProblemAlert error={transition.error} testId="contract-transition-error" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={colors[action]}
            loading={transition.isPending}
            onClick={confirm}
            data-testid="contract-transition-confirm"
          >
            {t(`contracts.actions.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
