import { recordAudit } from '../../platform/audit/index.ts';
import { assertCan, auditContextOf, can, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './contracts.repository.ts';
import type { ContractsService } from './contracts.service.ts';
import type { Notify } from './notify.ts';

const inForce = new Set(['active', 'amended', 'renewed']);

/**
 * Change requests: someone (a customer's administrator included) asks for a contract to change;
 * an account manager or admin who did not ask approves or rejects it (four eyes); an approved
 * request is implemented by the amendment that names it. Requested → approved | rejected |
 * withdrawn; approved → implemented | withdrawn. The contract's owner hears of a new request, the
 * requester of the decision.
 */
export function createChangeRequests(deps: {
  db: Db;
  clock: Clock;
  notify: Notify;
  contracts: Pick<ContractsService, 'visibleContract'>;
}) {
  const { db, clock, notify, contracts } = deps;

  async function decideOn(
    ctx: RequestContext,
    contractId: string,
    id: string,
    work: (tx: Tx, request: repo.ChangeRequestRow, contract: repo.ContractRow) => Promise<void>,
  ) {
    const contract = await contracts.visibleContract(ctx, contractId);
    await db.transaction().execute(async (tx) => {
      const request = await repo.lockChangeRequest(tx, contractId, id);
      if (!request) throw new AppError('CHANGE_REQUEST_NOT_FOUND', 'No such change request on this contract');
      await work(tx, request, contract);
    });
    return present((await repo.findChangeRequest(db, contractId, id))!);
  }

  function audit(tx: Tx, ctx: RequestContext, contract: repo.ContractRow, action: string, changes: object) {
    return recordAudit(
      tx,
      {
        ...auditContextOf(ctx),
        action,
        entityType: 'contract',
        entityId: contract.id,
        accountId: contract.accountId,
        changes: changes as Record<string, unknown>,
      },
      clock,
    );
  }

  return {
    async list(ctx: RequestContext, contractId: string) {
      assertCan(ctx.actor, 'contracts:read');
      await contracts.visibleContract(ctx, contractId);
      return (await repo.listChangeRequests(db, contractId)).map(present);
    },

    async raise(
      ctx: RequestContext,
      contractId: string,
      input: { title: string; description?: string | undefined },
    ) {
      assertCan(ctx.actor, 'change-requests:raise');
      const contract = await contracts.visibleContract(ctx, contractId);
      if (!inForce.has(contract.status))
        throw new AppError(
          'CONTRACT_TRANSITION_FORBIDDEN',
          `The contract is ${contract.status}: changes are requested on a contract in force`,
          { errors: [] },
        );
      const id = await db.transaction().execute(async (tx) => {
        const values = { title: input.title.trim(), description: input.description?.trim() ?? '' };
        const requestId = await repo.insertChangeRequest(tx, {
          accountId: contract.accountId,
          contractId,
          ...values,
          requestedBy: ctx.actor.userId,
          createdAt: clock.now(),
        });
        await audit(tx, ctx, contract, 'contract.change_requested', {
          changeRequestId: requestId,
          ...values,
        });
        if (contract.ownerId && contract.ownerId !== ctx.actor.userId) {
          await notify(tx, {
            userId: contract.ownerId,
            kind: 'contract.change_requested',
            title: `Change requested on ${contract.reference}`,
            body: values.title,
            link: `/contracts/${contractId}`,
            entityType: 'contract',
            entityId: contractId,
          });
        }
        return requestId;
      });
      return present((await repo.findChangeRequest(db, contractId, id))!);
    },

    decide(
      ctx: RequestContext,
      contractId: string,
      id: string,
      input: { decision: 'approve' | 'reject'; note?: string | undefined },
    ) {
      assertCan(ctx.actor, 'change-requests:decide');
      return decideOn(ctx, contractId, id, async (tx, request, contract) => {
        if (request.status !== 'requested') throw transitionForbidden(request.status, input.decision);
        if (input.decision === 'approve' && request.requestedBy === ctx.actor.userId)
          throw new AppError(
            'CHANGE_REQUEST_SELF_APPROVAL',
            'Someone other than the requester must approve it',
          );
        const status = input.decision === 'approve' ? 'approved' : 'rejected';
        const note = input.note?.trim() ?? '';
        const now = clock.now();
        await repo.updateChangeRequest(tx, contractId, id, {
          status,
          decidedBy: ctx.actor.userId,
          decidedAt: now,
          decisionNote: note,
          updatedAt: now,
        });
        await audit(tx, ctx, contract, `contract.change_${status}`, { changeRequestId: id, note });
        await notify(tx, {
          userId: request.requestedBy,
          kind: `contract.change_${status}`,
          title: `Change request ${status}: ${request.title}`,
          body: note || `${contract.reference}: your change request was ${status}.`,
          link: `/contracts/${contractId}`,
          entityType: 'contract',
          entityId: contractId,
        });
      });
    },

    /** The requester (or someone who manages contracts) takes a request back before it is implemented. */
    withdraw(ctx: RequestContext, contractId: string, id: string) {
      assertCan(ctx.actor, 'change-requests:raise');
      return decideOn(ctx, contractId, id, async (tx, request, contract) => {
        if (request.requestedBy !== ctx.actor.userId && !can(ctx.actor, 'contracts:manage'))
          throw new AppError('AUTH_FORBIDDEN', 'Only the requester withdraws a change request');
        if (request.status !== 'requested' && request.status !== 'approved')
          throw transitionForbidden(request.status, 'withdraw');
        await repo.updateChangeRequest(tx, contractId, id, { status: 'withdrawn', updatedAt: clock.now() });
        await audit(tx, ctx, contract, 'contract.change_withdrawn', { changeRequestId: id });
      });
    },
  };
}

function transitionForbidden(status: string, action: string) {
  return new AppError(
    'CHANGE_REQUEST_TRANSITION_FORBIDDEN',
    `The change request is ${status}; it can no longer be ${action === 'withdraw' ? 'withdrawn' : `${action}d`}`,
    { errors: [] },
  );
}

function present(row: repo.ChangeRequestRow) {
  const { requestedBy, requestedByName, decidedBy, decidedByName, ...rest } = row;
  return {
    ...rest,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    requestedBy: { id: requestedBy, displayName: requestedByName },
    decidedBy: decidedBy === null ? null : { id: decidedBy, displayName: decidedByName ?? '' },
  };
}
