import { contractActions, type ContractAction, type ContractStatus } from '@paydesk/shared';
import { AppError } from '../../platform/errors.ts';

/**
 * What may be done to a contract in each status, and where it leads. A draft is discarded by
 * deleting it, not by an action; a terminated contract is final; an expired one may still be renewed
 * late. Amending or renewing a live contract keeps it live under a new name for its latest step.
 */
const liveTransitions = {
  amend: 'amended',
  renew: 'renewed',
  expire: 'expired',
  terminate: 'terminated',
} as const;

const transitions: Record<ContractStatus, Partial<Record<ContractAction, ContractStatus>>> = {
  draft: { activate: 'active' },
  active: liveTransitions,
  amended: liveTransitions,
  renewed: liveTransitions,
  expired: { renew: 'renewed' },
  terminated: {},
};

export function allowedContractActions(status: ContractStatus): ContractAction[] {
  return contractActions.filter((action) => transitions[status][action] !== undefined);
}

/** The status `action` leads to; CONTRACT_TRANSITION_FORBIDDEN when the status does not allow it. */
export function contractStatusAfter(status: ContractStatus, action: ContractAction): ContractStatus {
  const next = transitions[status][action];
  if (next !== undefined) return next;
  const allowed = allowedContractActions(status);
  throw new AppError(
    'CONTRACT_TRANSITION_FORBIDDEN',
    `Action "${action}" is not allowed on a contract in status ${status}; allowed: ${allowed.join(', ') || 'none'}.`,
    { errors: [] },
  );
}
