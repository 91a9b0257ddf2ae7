import { contractActions, contractStatuses, type ContractAction, type ContractStatus } from '@paydesk/shared';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { allowedContractActions, contractStatusAfter } from './index.ts';

/** The lifecycle as agreed, written out in full so that any change to it shows here. */
const expected: Record<ContractStatus, Partial<Record<ContractAction, ContractStatus>>> = {
  draft: { activate: 'active' },
  active: { amend: 'amended', renew: 'renewed', expire: 'expired', terminate: 'terminated' },
  amended: { amend: 'amended', renew: 'renewed', expire: 'expired', terminate: 'terminated' },
  renewed: { amend: 'amended', renew: 'renewed', expire: 'expired', terminate: 'terminated' },
  expired: { renew: 'renewed' },
  terminated: {},
};
const pairs = contractStatuses.flatMap((status) =>
  contractActions.map((action) => [status, action] as const),
);

describe('contract lifecycle', () => {
  it.each(pairs.filter(([status, action]) => expected[status][action]))(
    '%s → %s is allowed',
    (status, action) => {
      expect(contractStatusAfter(status, action)).toBe(expected[status][action]);
      expect(allowedContractActions(status)).toContain(action);
    },
  );

  it.each(pairs.filter(([status, action]) => !expected[status][action]))(
    '%s → %s is forbidden',
    (status, action) => {
      expect(allowedContractActions(status)).not.toContain(action);
      let thrown: unknown;
      try {
        contractStatusAfter(status, action);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      const error = thrown as AppError;
      expect(error.code).toBe('CONTRACT_TRANSITION_FORBIDDEN');
      expect(error.extra).toEqual({ errors: [] });
      expect(error.message).toContain(status);
      expect(error.message).toContain(action);
      for (const allowed of allowedContractActions(status)) expect(error.message).toContain(allowed);
    },
  );

  it('lists the allowed actions in the order of the vocabulary', () => {
    expect(allowedContractActions('active')).toEqual(['amend', 'renew', 'expire', 'terminate']);
    expect(allowedContractActions('terminated')).toEqual([]);
  });

  it('says when nothing more can be done', () => {
    expect(() => contractStatusAfter('terminated', 'renew')).toThrow(
      'Action "renew" is not allowed on a contract in status terminated; allowed: none.',
    );
    expect(() => contractStatusAfter('draft', 'terminate')).toThrow(
      'Action "terminate" is not allowed on a contract in status draft; allowed: activate.',
    );
  });
});
