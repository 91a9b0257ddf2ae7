import type { Static } from 'typebox';
import type { CaseStatus } from '@paydesk/shared';
import { assertCan, type RequestContext } from '../../platform/auth/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { CaseVersionConflict, type CasesService } from '../cases/index.ts';
import { caseChangesFor, checkFieldActions, type FieldActionsInput } from '../macros/index.ts';
import { bulkOutcomes, type BulkBody } from './views.schemas.ts';
import type { ViewsService } from './views.service.ts';

export type BulkRequest = Static<typeof BulkBody>;
type Outcome = (typeof bulkOutcomes)[number];

export interface BulkItem {
  caseId: string;
  reference: string | null;
  outcome: Outcome;
  version?: number;
  code?: string;
  message?: string;
  allowedStatuses?: CaseStatus[];
}

/** At most this many cases per request, by ids or through a view. */
export const bulkLimit = 200;

/**
 * One change (status, assignee, team, priority with reason, tags) to many cases: the listed ones, or
 * what a saved view selects (at most `bulkLimit`). Each case is changed on its own through the cases
 * service — its own transaction, events, listeners and audit — at the version read just before, since
 * a client cannot send an If-Match per case. Nothing is half-applied within a case; each case's
 * result says what happened: ok (with the new version), conflict (someone changed it between the
 * read and the write: reload and retry), forbidden (a status move the case cannot make, with the
 * moves it can), not_found or invalid.
 */
export function createBulkActions(deps: { db: Db; cases: CasesService; views: ViewsService }) {
  const { db, cases, views } = deps;

  async function selectedCases(ctx: RequestContext, request: BulkRequest): Promise<string[]> {
    if ((request.caseIds === undefined) === (request.viewId === undefined))
      throw new AppError('VALIDATION_FAILED', 'Send either caseIds or viewId', {
        errors: [{ path: 'body', message: 'needs exactly one of caseIds, viewId' }],
      });
    if (request.caseIds) return request.caseIds;
    const view = await views.filtersOf(ctx, request.viewId!);
    const page = await cases.list(ctx, { ...view.filters, limit: bulkLimit });
    if (page.nextCursor !== null)
      throw new AppError(
        'VALIDATION_FAILED',
        `The view "${view.name}" selects more than ${bulkLimit} cases; narrow it or send caseIds`,
        { errors: [{ path: 'body/viewId', message: `selects more than ${bulkLimit} cases` }] },
      );
    return page.items.map((item) => item.id);
  }

  async function applyOne(
    ctx: RequestContext,
    caseId: string,
    actions: FieldActionsInput,
  ): Promise<BulkItem> {
    let reference: string | null = null;
    let allowed: CaseStatus[] = [];
    try {
      const current = await cases.get(ctx, caseId);
      reference = current.reference;
      allowed = current.allowedStatuses;
      const after = await cases.update(
        ctx,
        current.id,
        current.version,
        caseChangesFor(actions, current, ctx.actor.userId),
      );
      return { caseId, reference, outcome: 'ok', version: after.version };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const failed = { caseId, reference, code: error.code, message: error.message };
      switch (error.code) {
        case 'CASE_VERSION_CONFLICT':
          return {
            ...failed,
            outcome: 'conflict',
            ...(error instanceof CaseVersionConflict ? { version: error.current.version } : {}),
          };
        case 'CASE_TRANSITION_FORBIDDEN':
        case 'CASE_REOPEN_WINDOW_PASSED':
          return { ...failed, outcome: 'forbidden', allowedStatuses: allowed };
        case 'CASE_NOT_FOUND':
          return { ...failed, outcome: 'not_found' };
        case 'VALIDATION_FAILED':
          return { ...failed, outcome: 'invalid' };
        default:
          throw error;
      }
    }
  }

  return {
    async apply(ctx: RequestContext, request: BulkRequest) {
      assertCan(ctx.actor, 'cases:work');
      if (Object.keys(request.changes).length === 0)
        throw new AppError('VALIDATION_FAILED', 'changes names no change', {
          errors: [{ path: 'body/changes', message: 'names no change' }],
        });
      await checkFieldActions(db, request.changes, 'body/changes');
      const caseIds = await selectedCases(ctx, request);
      const items: BulkItem[] = [];
      // One after another: each case is its own transaction, and the order is the order asked for.
      for (const caseId of caseIds) items.push(await applyOne(ctx, caseId, request.changes));
      const summary = Object.fromEntries(
        bulkOutcomes.map((outcome) => [outcome, items.filter((item) => item.outcome === outcome).length]),
      );
      return { items, summary };
    },
  };
}

export type BulkActions = ReturnType<typeof createBulkActions>;
