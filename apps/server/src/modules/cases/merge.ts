import { assertCan, type RequestContext } from '../../platform/auth/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './cases.repository.ts';
import type { CaseView } from './cases.service.ts';
import * as links from './links.repository.ts';
import { loadOther, reference, type CaseRelationsDeps } from './links.ts';

export interface CaseMergeDeps extends CaseRelationsDeps {
  present: (ctx: RequestContext | null, row: repo.CaseRow) => CaseView;
  /** The stale-If-Match error, carrying the case as it now is. */
  versionConflict: (ctx: RequestContext | null, row: repo.CaseRow) => Error;
}

/**
 * Merge and split: the conversation moves between cases of one account, messages keeping their
 * authors and times and saying where they came from. A merge closes the duplicate with a
 * `merged_into` link and unites the watchers; a split opens a child case with the chosen messages.
 * Both record an event on, and audit, each case they touch.
 */
export function createCaseMerge(deps: CaseMergeDeps) {
  const { db, clock } = deps;

  /** Both rows, locked in id order (so a merge the other way waits instead of deadlocking), as they now are. */
  async function lockBoth(tx: Tx, a: string, b: string) {
    await links.lockCases(tx, [a, b]);
    const [first, second] = await Promise.all([
      repo.findCase(tx, { kind: 'all' }, a),
      repo.findCase(tx, { kind: 'all' }, b),
    ]);
    return [first!, second!] as const;
  }

  return {
    /** Merges the case into `into`, if `expectedVersion` is still the merged-away case's version. */
    async merge(
      ctx: RequestContext | null,
      idOrNumber: string,
      expectedVersion: number | undefined,
      input: { into: string },
    ) {
      if (ctx) assertCan(ctx.actor, 'cases:work');
      if (expectedVersion === undefined && ctx !== null)
        throw new AppError(
          'PRECONDITION_REQUIRED',
          'Send If-Match: "<version>" with the version of the case you merge away',
          { errors: [{ path: 'headers/if-match', message: 'required' }] },
        );
      return db.transaction().execute(async (tx) => {
        const found = await deps.load(tx, ctx, idOrNumber);
        const target = await loadOther(deps, tx, ctx, found, input.into, 'body/into');
        if (target.id === found.id)
          throw new AppError('CASE_MERGE_FORBIDDEN', 'A case cannot be merged into itself', {
            errors: [{ path: 'body/into', message: 'is this case' }],
          });
        const [duplicate, survivor] = await lockBoth(tx, found.id, target.id);
        if (expectedVersion !== undefined && duplicate.version !== expectedVersion)
          throw deps.versionConflict(ctx, duplicate);
        const mergedAlready = await links.findOutgoing(tx, duplicate.id, 'merged_into');
        if (mergedAlready)
          throw new AppError('CASE_MERGE_FORBIDDEN', `${reference(duplicate)} has already been merged`);
        if (survivor.status === 'closed')
          throw new AppError(
            'CASE_MERGE_FORBIDDEN',
            `${reference(survivor)} is closed; merge into a case that is still worked`,
            { errors: [{ path: 'body/into', message: 'is closed' }] },
          );

        const now = clock.now();
        const actorId = ctx?.actor.userId ?? null;
        // The merge supersedes whatever linked the two before (typically "duplicate of").
        const previous = await links.findLinkBetween(tx, duplicate.accountId, duplicate.id, survivor.id);
        if (previous) await links.deleteLink(tx, duplicate.accountId, previous.id);
        const linkId = await links.insertLink(tx, {
          accountId: duplicate.accountId,
          caseId: duplicate.id,
          targetId: survivor.id,
          kind: 'merged_into',
          createdBy: actorId,
          createdAt: now,
        });
        const messageIds = await links.messageIds(tx, duplicate.accountId, duplicate.id);
        await links.moveMessages(tx, {
          accountId: duplicate.accountId,
          from: duplicate.id,
          to: survivor.id,
          ids: messageIds,
          by: 'merge',
        });
        const attachments = await links.moveCaseAttachments(tx, {
          accountId: duplicate.accountId,
          from: duplicate.id,
          to: survivor.id,
        });
        const watchersAdded = await links.uniteWatchers(tx, {
          accountId: duplicate.accountId,
          from: duplicate.id,
          to: survivor.id,
        });

        const closing = duplicate.status !== 'closed';
        await repo.updateCase(tx, duplicate.id, {
          ...(closing ? { status: 'closed', closedAt: now, resolvedAt: duplicate.resolvedAt ?? now } : {}),
          updatedAt: now,
        });
        await repo.updateCase(tx, survivor.id, { updatedAt: now });

        const moved = { messageIds, caseAttachments: attachments };
        await deps.record(
          tx,
          ctx,
          duplicate,
          [
            {
              type: 'merged_into',
              at: now,
              actorId,
              data: {
                linkId,
                caseId: survivor.id,
                reference: reference(survivor),
                ...moved,
                ...(previous ? { replacedLink: previous.kind } : {}),
              },
            },
            // Closed like any case, so the SLA engine stops its clocks from the history alone.
            ...(closing
              ? [
                  {
                    type: 'status_changed',
                    at: now,
                    actorId,
                    data: { from: duplicate.status, to: 'closed', by: 'merge' },
                  },
                ]
              : []),
          ],
          {
            action: 'case.merged',
            changes: {
              into: reference(survivor),
              status: { from: duplicate.status, to: 'closed' },
              ...moved,
            },
          },
        );
        await deps.record(
          tx,
          ctx,
          survivor,
          [
            {
              type: 'merged_from',
              at: now,
              actorId,
              data: {
                linkId,
                caseId: duplicate.id,
                reference: reference(duplicate),
                ...moved,
                watchersAdded,
              },
            },
          ],
          { action: 'case.merged', changes: { from: reference(duplicate), ...moved, watchersAdded } },
        );
        const [merged, into] = await Promise.all([
          repo.findCase(tx, { kind: 'all' }, duplicate.id),
          repo.findCase(tx, { kind: 'all' }, survivor.id),
        ]);
        return { merged: deps.present(ctx, merged!), into: deps.present(ctx, into!) };
      });
    },

    /** Opens a child case on the same account with the chosen messages moved to it. */
    async split(
      ctx: RequestContext | null,
      idOrNumber: string,
      input: { messageIds: string[]; subject: string },
    ) {
      if (ctx) assertCan(ctx.actor, 'cases:work');
      return db.transaction().execute(async (tx) => {
        const found = await deps.load(tx, ctx, idOrNumber);
        await links.lockCases(tx, [found.id]);
        const source = (await repo.findCase(tx, { kind: 'all' }, found.id))!;
        const present = await links.messageIds(tx, source.accountId, source.id);
        const chosen = [...new Set(input.messageIds)];
        const problems = input.messageIds.flatMap((id, index) =>
          present.includes(id)
            ? []
            : [{ path: `body/messageIds/${index}`, message: `is not a message of ${reference(source)}` }],
        );
        if (problems.length > 0)
          throw new AppError(
            'VALIDATION_FAILED',
            `${problems.length} of the messages are not on ${reference(source)}`,
            {
              errors: problems,
            },
          );
        if (chosen.length === present.length)
          throw new AppError('VALIDATION_FAILED', `${reference(source)} keeps at least one of its messages`, {
            errors: [{ path: 'body/messageIds', message: 'names every message of the case' }],
          });

        const now = clock.now();
        const actorId = ctx?.actor.userId ?? null;
        // The new case inherits the original's classification and owners; it is new work from now.
        const id = await repo.insertCase(tx, {
          accountId: source.accountId,
          subject: input.subject.trim(),
          type: source.type,
          impact: source.impact,
          urgency: source.urgency,
          priority: source.priority,
          priorityReason: source.priorityReason,
          serviceId: source.serviceId,
          category: source.category,
          channel: source.channel,
          contactId: source.contactId,
          teamId: source.teamId,
          assigneeId: source.assigneeId,
          tier: source.tier,
          language: source.language,
          tags: source.tags,
          externalReference: null,
          openedAt: now,
          createdBy: actorId,
          createdAt: now,
        });
        const linkId = await links.insertLink(tx, {
          accountId: source.accountId,
          caseId: id,
          targetId: source.id,
          kind: 'child_of',
          createdBy: actorId,
          createdAt: now,
        });
        await links.moveMessages(tx, {
          accountId: source.accountId,
          from: source.id,
          to: id,
          ids: chosen,
          by: 'split',
        });
        await repo.updateCase(tx, source.id, { updatedAt: now });
        const created = (await repo.findCase(tx, { kind: 'all' }, id))!;

        await deps.record(
          tx,
          ctx,
          created,
          [
            {
              type: 'opened',
              at: now,
              actorId,
              data: {
                status: 'new',
                priority: created.priority,
                channel: created.channel,
                splitFrom: { caseId: source.id, reference: reference(source) },
                linkId,
                messageIds: chosen,
              },
            },
          ],
          { action: 'case.split', changes: { from: reference(source), messageIds: chosen } },
        );
        await deps.record(
          tx,
          ctx,
          source,
          [
            {
              type: 'split_into',
              at: now,
              actorId,
              data: { caseId: id, reference: reference(created), linkId, messageIds: chosen },
            },
          ],
          { action: 'case.split', changes: { into: reference(created), messageIds: chosen } },
        );
        return deps.present(ctx, (await repo.findCase(tx, { kind: 'all' }, id))!);
      });
    },
  };
}
