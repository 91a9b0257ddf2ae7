import type { ContractAction, ContractStatus } from '@paydesk/shared';
import { isCurrencyCode } from '../accounts/index.ts';
import { civilDateAt, formatCivilDate, parseCivilDate } from '../business-time/index.ts';
import {
  allowedContractActions,
  calendarIdsOf,
  contractStatusAfter,
  diffContractTerms,
  effectiveVersion,
  validateContractTerms,
  type ContractTerms,
} from '../contract-terms/index.ts';
import { describeChanges, recordAudit, type AuditEntry } from '../../platform/audit/index.ts';
import { assertCan, auditContextOf, scopeOf, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { refuseDuplicates, type Db, type Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/index.ts';
import * as repo from './contracts.repository.ts';

type AuditFields = Omit<AuditEntry, 'actor' | 'requestId' | 'sourceIp'>;

/** Someone else changed the contract since the client read it; carries the contract as it now is. */
export class ContractVersionConflict extends AppError {
  constructor(readonly current: ContractView) {
    super(
      'CONTRACT_VERSION_CONFLICT',
      `The contract is at revision ${current.revision}; reload it and apply your change again`,
    );
  }
}

export type ContractView = Awaited<ReturnType<ContractsService['get']>>;
export type ContractsService = ReturnType<typeof createContractsService>;

export interface NewContract {
  reference: string;
  ownerId?: string | null | undefined;
  terms: ContractTerms;
}

/** The version, effective date and terms an amendment or renewal adds. */
export interface NewVersion {
  effectiveFrom?: string | undefined;
  summary: string;
  terms: ContractTerms;
  changeRequestId?: string | undefined;
}

const contractAuditFields = ['reference', 'ownerId', 'title', 'startDate', 'endDate', 'status'] as const;

/**
 * Contracts: what was promised to a customer, as a chain of versions. A draft's one version is
 * edited freely; from activation on, every change is a new, immutable version (an amendment or a
 * renewal) with an effective date that may not go back before the newest version's, so what applied
 * on any past day never changes. The lifecycle (draft → active → amended → renewed / expired /
 * terminated) allows only the transitions in `contract-terms`. Every write names the revision it
 * edited (If-Match) and is refused with the current state when someone else got there first.
 *
 * Customers' administrators read their own account's contracts, never drafts; admins, account
 * managers and service-level analysts write them.
 */
export function createContractsService(deps: {
  db: Db;
  clock: Clock;
  /**
   * Runs in the transaction of every change to which terms are in force for the account's cases
   * (activation, amendment, renewal, expiry, termination): SLA recomputation.
   */
  onChanged?: (
    tx: Tx,
    change: { contractId: string; accountId: string; userId: string | null },
  ) => Promise<unknown>;
}) {
  const { db, clock } = deps;
  const changed = (tx: Tx, ctx: RequestContext | null, contract: { id: string; accountId: string }) =>
    deps.onChanged?.(tx, {
      contractId: contract.id,
      accountId: contract.accountId,
      userId: ctx?.actor.userId ?? null,
    });

  function audit(tx: Tx, ctx: RequestContext | null, entry: AuditFields) {
    return recordAudit(tx, { ...auditContextOf(ctx), ...entry }, clock);
  }

  function scope(ctx: RequestContext | null) {
    return ctx ? scopeOf(ctx.actor) : ({ kind: 'all' } as const);
  }

  /** A contract the actor may see, or 404: drafts are internal, so for customers they do not exist. */
  async function visibleContract(executor: Db | Tx, ctx: RequestContext | null, id: string) {
    const row = await repo.findContract(executor, scope(ctx), id);
    if (!row || (row.status === 'draft' && scope(ctx).kind === 'account')) throw contractNotFound();
    return row;
  }

  async function view(executor: Db | Tx, row: repo.ContractRow) {
    const latest = await repo.findVersion(executor, row.id, row.latestVersion);
    if (!latest) throw new Error(`contract ${row.id} has no version ${row.latestVersion}`);
    const versions = await repo.listVersions(executor, row.id);
    const today = civilDateAt(clock.now().getTime(), row.accountTimeZone);
    const inForce = row.status === 'draft' ? undefined : effectiveVersion(versions, today);
    const terms = latest.terms as ContractTerms;
    const calendars = await repo.calendarNames(executor, calendarIdsOf(terms));
    return {
      ...presentSummary(row),
      terms,
      effectiveFrom: latest.effectiveFrom,
      versionInForce: inForce?.version ?? null,
      calendars: [...calendars].map(([id, name]) => ({ id, name })),
    };
  }

  /**
   * Runs a change on a locked contract whose revision the client named; a stale revision gets the
   * current state back (409), a missing one 428.
   */
  async function change<T>(
    ctx: RequestContext | null,
    id: string,
    expectedRevision: number | undefined,
    work: (tx: Tx, before: repo.ContractRow) => Promise<T>,
  ) {
    if (ctx) assertCan(ctx.actor, 'contracts:manage');
    if (expectedRevision === undefined && ctx !== null)
      throw new AppError(
        'PRECONDITION_REQUIRED',
        'Send If-Match: "<revision>" with the revision you edited',
        {
          errors: [{ path: 'headers/if-match', message: 'required' }],
        },
      );
    return uniqueReference(() =>
      db.transaction().execute(async (tx) => {
        const before = await repo.lockContract(tx, scope(ctx), id);
        if (!before) throw contractNotFound();
        if (expectedRevision !== undefined && before.revision !== expectedRevision)
          throw new ContractVersionConflict(await view(tx, before));
        await work(tx, before);
        const after = await repo.findContract(tx, scope(ctx), id);
        return view(tx, after!);
      }),
    );
  }

  /** Terms as the contract module accepts them: the pure checks plus what only the database knows. */
  async function checkTerms(executor: Db | Tx, terms: ContractTerms) {
    const problems = validateContractTerms(terms, { isCurrency: isCurrencyCode });
    const knownServices = await repo.activeServiceCodes(executor);
    terms.services.forEach((code, index) => {
      if (!knownServices.has(code))
        problems.push({
          path: `body/terms/services/${index}`,
          message: `no active service has code ${code}`,
        });
    });
    const calendars = await repo.calendarNames(executor, calendarIdsOf(terms));
    terms.sla.policies.forEach((policy, index) => {
      if (policy.calendarId !== null && !calendars.has(policy.calendarId))
        problems.push({ path: `body/terms/sla/policies/${index}/calendarId`, message: 'no such calendar' });
    });
    if (problems.length > 0)
      throw new AppError('CONTRACT_TERMS_INVALID', 'The contract terms are not valid', { errors: problems });
  }

  async function checkOwner(executor: Db | Tx, ownerId: string | null | undefined) {
    if (ownerId === null || ownerId === undefined) return;
    if (!(await repo.findStaffUser(executor, ownerId)))
      throw invalid('body/ownerId', 'is not a staff user (a contract is owned by someone at the operator)');
  }

  /** A new version's effective date: never before the newest version's, and within the term. */
  function checkEffectiveFrom(effectiveFrom: string, latestEffectiveFrom: string, terms: ContractTerms) {
    if (parseCivilDate(effectiveFrom) === undefined)
      throw invalid('body/effectiveFrom', 'is not a real date');
    const problem =
      effectiveFrom < latestEffectiveFrom
        ? `is before the current version's effective date ${latestEffectiveFrom}`
        : effectiveFrom < terms.startDate
          ? `is before the contract's start date ${terms.startDate}`
          : terms.endDate !== null && effectiveFrom > terms.endDate
            ? `is after the contract's end date ${terms.endDate}`
            : undefined;
    if (problem)
      throw new AppError(
        'CONTRACT_EFFECTIVE_DATE_INVALID',
        `The effective date ${effectiveFrom} ${problem}`,
        {
          errors: [{ path: 'body/effectiveFrom', message: problem }],
        },
      );
  }

  async function addVersion(
    tx: Tx,
    ctx: RequestContext | null,
    before: repo.ContractRow,
    action: 'amend' | 'renew',
    input: NewVersion & { effectiveFrom: string },
  ) {
    const status = contractStatusAfter(before.status, action);
    const latest = (await repo.findVersion(tx, before.id, before.latestVersion))!;
    checkEffectiveFrom(input.effectiveFrom, latest.effectiveFrom, input.terms);
    await checkTerms(tx, input.terms);
    const changeRequestId = input.changeRequestId ?? null;
    if (changeRequestId) {
      const request = await repo.lockChangeRequest(tx, before.id, changeRequestId);
      if (!request) throw invalid('body/changeRequestId', 'is not a change request of this contract');
      if (request.status !== 'approved')
        throw invalid(
          'body/changeRequestId',
          `is ${request.status}; only an approved change request is implemented`,
        );
    }
    const version = before.latestVersion + 1;
    const now = clock.now();
    await repo.insertVersion(tx, {
      accountId: before.accountId,
      contractId: before.id,
      version,
      kind: action === 'amend' ? 'amendment' : 'renewal',
      effectiveFrom: input.effectiveFrom,
      summary: input.summary.trim(),
      terms: input.terms,
      calendarIds: calendarIdsOf(input.terms),
      changeRequestId,
      createdBy: ctx?.actor.userId ?? null,
      createdAt: now,
    });
    if (changeRequestId) {
      await repo.updateChangeRequest(tx, before.id, changeRequestId, {
        status: 'implemented',
        implementedVersion: version,
        updatedAt: now,
      });
    }
    const values = {
      title: input.terms.title,
      startDate: input.terms.startDate,
      endDate: input.terms.endDate,
    };
    await repo.updateContract(tx, before.id, { ...values, status, latestVersion: version, updatedAt: now });
    await audit(tx, ctx, {
      action: action === 'amend' ? 'contract.amended' : 'contract.renewed',
      entityType: 'contract',
      entityId: before.id,
      accountId: before.accountId,
      changes: {
        ...describeChanges(before, { ...before, ...values, status }, contractAuditFields),
        version,
        effectiveFrom: input.effectiveFrom,
        terms: diffContractTerms(latest.terms as ContractTerms, input.terms).map(
          ({ path, before: from, after: to }) => ({ path, from, to }),
        ),
      },
    });
    await changed(tx, ctx, before);
  }

  return {
    async list(
      ctx: RequestContext,
      query: {
        limit: number;
        cursor?: string | undefined;
        accountId?: string | undefined;
        status?: ContractStatus | undefined;
        q?: string | undefined;
        endingBefore?: string | undefined;
      },
    ) {
      assertCan(ctx.actor, 'contracts:read');
      const after = decodeCursor(query.cursor, 2);
      const at = after ? new Date(String(after[0])) : undefined;
      if (at && Number.isNaN(at.getTime()))
        throw new AppError('PAGINATION_CURSOR_INVALID', 'The cursor is not one this endpoint issued');
      const search = query.q?.trim();
      const rows = await repo.listContracts(
        db,
        scopeOf(ctx.actor),
        {
          ...(query.accountId ? { accountId: query.accountId } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(search ? { search } : {}),
          ...(query.endingBefore ? { endingBefore: query.endingBefore } : {}),
          excludeDrafts: scopeOf(ctx.actor).kind === 'account',
        },
        { limit: query.limit, ...(at && after ? { after: [at, String(after[1])] as [Date, string] } : {}) },
      );
      const page = toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
      return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
    },

    async get(ctx: RequestContext | null, id: string) {
      if (ctx) assertCan(ctx.actor, 'contracts:read');
      return view(db, await visibleContract(db, ctx, id));
    },

    /** A new contract is a draft with one version, effective from its start date. */
    async create(ctx: RequestContext | null, accountId: string, input: NewContract) {
      if (ctx) assertCan(ctx.actor, 'contracts:manage');
      return uniqueReference(() =>
        db.transaction().execute(async (tx) => {
          const account = await tx
            .selectFrom('accounts')
            .select('id')
            .where('id', '=', accountId)
            .executeTakeFirst();
          if (!account) throw new AppError('ACCOUNT_NOT_FOUND', 'No such account');
          await checkOwner(tx, input.ownerId);
          await checkTerms(tx, input.terms);
          const now = clock.now();
          const id = await repo.insertContract(tx, {
            accountId,
            reference: input.reference,
            ownerId: input.ownerId ?? ctx?.actor.userId ?? null,
            title: input.terms.title,
            startDate: input.terms.startDate,
            endDate: input.terms.endDate,
            createdBy: ctx?.actor.userId ?? null,
            createdAt: now,
          });
          await repo.insertVersion(tx, {
            accountId,
            contractId: id,
            version: 1,
            kind: 'original',
            effectiveFrom: input.terms.startDate,
            summary: '',
            terms: input.terms,
            calendarIds: calendarIdsOf(input.terms),
            changeRequestId: null,
            createdBy: ctx?.actor.userId ?? null,
            createdAt: now,
          });
          const row = (await repo.findContract(tx, { kind: 'all' }, id))!;
          await audit(tx, ctx, {
            action: 'contract.created',
            entityType: 'contract',
            entityId: id,
            accountId,
            changes: describeChanges(null, row, contractAuditFields),
          });
          return view(tx, row);
        }),
      );
    },

    /** A draft is edited in place: its one version is rewritten, terms and all. */
    replaceDraft(
      ctx: RequestContext | null,
      id: string,
      expectedRevision: number | undefined,
      input: { reference: string; ownerId: string | null; terms: ContractTerms },
    ) {
      return change(ctx, id, expectedRevision, async (tx, before) => {
        if (before.status !== 'draft')
          throw new AppError(
            'CONTRACT_TRANSITION_FORBIDDEN',
            `The contract is ${before.status}: only a draft is edited in place; amend it instead`,
            { errors: [] },
          );
        await checkOwner(tx, input.ownerId);
        await checkTerms(tx, input.terms);
        const values = {
          reference: input.reference,
          ownerId: input.ownerId,
          title: input.terms.title,
          startDate: input.terms.startDate,
          endDate: input.terms.endDate,
        };
        const previous = (await repo.findVersion(tx, id, 1))!;
        await repo.replaceDraftVersion(
          tx,
          { accountId: before.accountId, contractId: id },
          {
            effectiveFrom: input.terms.startDate,
            terms: input.terms,
            calendarIds: calendarIdsOf(input.terms),
          },
        );
        await repo.updateContract(tx, id, { ...values, updatedAt: clock.now() });
        await audit(tx, ctx, {
          action: 'contract.draft_updated',
          entityType: 'contract',
          entityId: id,
          accountId: before.accountId,
          changes: {
            ...describeChanges(before, { ...before, ...values }, contractAuditFields),
            terms: diffContractTerms(previous.terms as ContractTerms, input.terms).map(
              ({ path, before: from, after: to }) => ({ path, from, to }),
            ),
          },
        });
      });
    },

    /** The owner may change in any status: it is who looks after the contract, not a term of it. */
    changeOwner(
      ctx: RequestContext | null,
      id: string,
      expectedRevision: number | undefined,
      ownerId: string | null,
    ) {
      return change(ctx, id, expectedRevision, async (tx, before) => {
        await checkOwner(tx, ownerId);
        await repo.updateContract(tx, id, { ownerId, updatedAt: clock.now() });
        await audit(tx, ctx, {
          action: 'contract.owner_changed',
          entityType: 'contract',
          entityId: id,
          accountId: before.accountId,
          changes: { ownerId: { from: before.ownerId, to: ownerId } },
        });
      });
    },

    /** Activation, expiry and termination: a status change without new terms. */
    transition(
      ctx: RequestContext | null,
      id: string,
      expectedRevision: number | undefined,
      input: {
        action: Extract<ContractAction, 'activate' | 'expire' | 'terminate'>;
        reason?: string | undefined;
      },
    ) {
      return change(ctx, id, expectedRevision, async (tx, before) => {
        const status = contractStatusAfter(before.status, input.action);
        const reason = input.reason?.trim() ?? '';
        if (input.action === 'terminate' && reason === '')
          throw invalid('body/reason', 'is required: say why the contract is terminated');
        const now = clock.now();
        await repo.updateContract(tx, id, {
          status,
          updatedAt: now,
          ...(input.action === 'activate'
            ? { activatedAt: now }
            : { endedAt: now, endReason: reason || null }),
        });
        await audit(tx, ctx, {
          action: `contract.${status}`,
          entityType: 'contract',
          entityId: id,
          accountId: before.accountId,
          changes: { status: { from: before.status, to: status }, ...(reason ? { reason } : {}) },
        });
        await changed(tx, ctx, before);
      });
    },

    amend(ctx: RequestContext | null, id: string, expectedRevision: number | undefined, input: NewVersion) {
      return change(ctx, id, expectedRevision, (tx, before) =>
        addVersion(tx, ctx, before, 'amend', { ...input, effectiveFrom: input.effectiveFrom! }),
      );
    },

    /**
     * A renewal is a new version with a later end date, effective by default the day after the
     * current end date (also for a late renewal of an expired contract).
     */
    renew(ctx: RequestContext | null, id: string, expectedRevision: number | undefined, input: NewVersion) {
      return change(ctx, id, expectedRevision, async (tx, before) => {
        if (input.terms.endDate === null)
          throw invalid('body/terms/endDate', 'is required: a renewal runs to a new end date');
        if (before.endDate !== null && input.terms.endDate <= before.endDate)
          throw invalid('body/terms/endDate', `must be after the current end date ${before.endDate}`);
        const effectiveFrom = input.effectiveFrom ?? (before.endDate ? nextDay(before.endDate) : undefined);
        if (effectiveFrom === undefined)
          throw invalid('body/effectiveFrom', 'is required: the contract has no end date to renew from');
        await addVersion(tx, ctx, before, 'renew', { ...input, effectiveFrom });
      });
    },

    /** A draft that will not be signed is discarded; anything once active stays, for the record. */
    async discardDraft(ctx: RequestContext | null, id: string) {
      if (ctx) assertCan(ctx.actor, 'contracts:manage');
      await db.transaction().execute(async (tx) => {
        const before = await repo.lockContract(tx, scope(ctx), id);
        if (!before) throw contractNotFound();
        if (before.status !== 'draft')
          throw new AppError(
            'CONTRACT_TRANSITION_FORBIDDEN',
            `The contract is ${before.status}: only a draft is discarded; terminate it instead`,
            { errors: [] },
          );
        const terms = (await repo.findVersion(tx, id, 1))!.terms;
        await repo.deleteContract(tx, id);
        await audit(tx, ctx, {
          action: 'contract.discarded',
          entityType: 'contract',
          entityId: id,
          accountId: before.accountId,
          // What was discarded, in full: the audit log is then the only copy.
          changes: {
            ...Object.fromEntries(
              contractAuditFields.map((field) => [field, { from: before[field], to: null }]),
            ),
            terms,
          },
        });
      });
    },

    async listVersions(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'contracts:read');
      await visibleContract(db, ctx, id);
      return (await repo.listVersions(db, id)).map(presentVersionSummary);
    },

    async getVersion(ctx: RequestContext, id: string, version: number) {
      assertCan(ctx.actor, 'contracts:read');
      await visibleContract(db, ctx, id);
      const row = await repo.findVersion(db, id, version);
      if (!row) throw versionNotFound(version);
      return { ...presentVersionSummary(row), terms: row.terms as ContractTerms };
    },

    /** What changed from one version to another (by default: from the previous one). */
    async diff(ctx: RequestContext, id: string, version: number, against?: number) {
      assertCan(ctx.actor, 'contracts:read');
      await visibleContract(db, ctx, id);
      const from = against ?? version - 1;
      const [older, newer] = await Promise.all([
        from >= 1 ? repo.findVersion(db, id, from) : undefined,
        repo.findVersion(db, id, version),
      ]);
      if (!newer) throw versionNotFound(version);
      if (!older) throw versionNotFound(from);
      const [before, after] = [older.terms as ContractTerms, newer.terms as ContractTerms];
      // People compare calendars by name, not by id.
      const names = await repo.calendarNames(db, [...calendarIdsOf(before), ...calendarIdsOf(after)]);
      return {
        from,
        to: version,
        changes: diffContractTerms(before, after, { calendarName: (id) => names.get(id) }),
      };
    },

    /** For the other parts of the contracts module (documents, change requests, reminders). */
    visibleContract: (ctx: RequestContext | null, id: string) => visibleContract(db, ctx, id),
  };
}

function presentSummary(row: repo.ContractRow) {
  const { ownerId, ownerName, accountTimeZone: _zone, ...rest } = row;
  return {
    ...rest,
    activatedAt: row.activatedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    owner: ownerId === null ? null : { id: ownerId, displayName: ownerName ?? '' },
    allowedActions: allowedContractActions(row.status),
  };
}

function presentVersionSummary(row: repo.VersionSummaryRow) {
  const { createdBy, createdByName, ...rest } = row;
  return {
    ...rest,
    createdAt: row.createdAt.toISOString(),
    createdBy: createdBy === null ? null : { id: createdBy, displayName: createdByName ?? '' },
  };
}

function nextDay(date: string) {
  return formatCivilDate(parseCivilDate(date)! + 1);
}

/** A contract reference is unique: a taken one is refused naming the field (nothing is written). */
function uniqueReference<T>(work: () => Promise<T>): Promise<T> {
  return refuseDuplicates(
    'CONTRACT_ALREADY_EXISTS',
    { contracts_reference_key: 'body/reference' },
    work,
    'Another contract already has this reference',
  );
}

export function contractNotFound() {
  return new AppError('CONTRACT_NOT_FOUND', 'No such contract');
}

function versionNotFound(version: number) {
  return new AppError('CONTRACT_VERSION_NOT_FOUND', `The contract has no version ${version}`);
}

export function invalid(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', `${path.split('/').pop()} ${message}`, {
    errors: [{ path, message }],
  });
}
