import { assertCan, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { formatCaseNumber } from './case-rules.ts';
import type { CaseRow, NewCaseEvent } from './cases.repository.ts';
import * as links from './links.repository.ts';

/** What the other case is to this one, as the API names it. */
export const linkKinds = ['parent', 'child', 'duplicate_of', 'related'] as const;
export type LinkKind = (typeof linkKinds)[number];
/** …and as a list shows it, from either end. */
export const linkViewKinds = [...linkKinds, 'duplicated_by', 'merged_into', 'merged_from'] as const;

/**
 * What links, merges and splits need from the cases service: its scoped case lookup and the one path
 * every change is recorded through (events, the listeners that recompute SLA clocks, the audit), in
 * the caller's transaction, which holds the case's row lock.
 */
export interface CaseRelationsDeps {
  db: Db;
  clock: Clock;
  load: (executor: Db | Tx, ctx: RequestContext | null, idOrNumber: string) => Promise<CaseRow>;
  record: (
    tx: Tx,
    ctx: RequestContext | null,
    row: { accountId: string; id: string },
    events: NewCaseEvent[],
    audit: { action: string; changes: Record<string, unknown> },
  ) => Promise<void>;
}

/** A case the request names in its body: another account's case is as absent as one that never was. */
export async function loadOther(
  deps: CaseRelationsDeps,
  tx: Tx,
  ctx: RequestContext | null,
  of: CaseRow,
  idOrNumber: string,
  path: string,
) {
  const other = await deps.load(tx, ctx, idOrNumber).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'CASE_NOT_FOUND') return undefined;
    throw error;
  });
  if (!other || other.accountId !== of.accountId)
    throw new AppError('CASE_NOT_FOUND', 'No such case', {
      errors: [{ path, message: `is not a case of ${of.accountName}` }],
    });
  return other;
}

export const reference = (row: { number: string | number }) => formatCaseNumber(row.number);

/**
 * Links between cases of one account: parent and child (a case has one parent at most, and the
 * hierarchy has no cycles), duplicate (one case duplicates another) and related (both ways). Two
 * cases are linked one way at most. Adding or removing a link is an event on both cases.
 */
export function createCaseLinks(deps: CaseRelationsDeps) {
  const { db, clock } = deps;

  async function linkEvents(
    tx: Tx,
    ctx: RequestContext | null,
    type: 'link_added' | 'link_removed',
    stored: { id: string; kind: links.StoredLinkKind; caseId: string; targetId: string },
    ends: [CaseRow, CaseRow],
  ) {
    const now = clock.now();
    const actorId = ctx?.actor.userId ?? null;
    for (const [row, other] of [ends, [ends[1], ends[0]]] as const) {
      const kind = perspective(stored, row.id);
      const data = { linkId: stored.id, kind, caseId: other.id, reference: reference(other) };
      await deps.record(tx, ctx, row, [{ type, at: now, actorId, data }], {
        action: type === 'link_added' ? 'case.link_added' : 'case.link_removed',
        changes: data,
      });
    }
  }

  return {
    async list(ctx: RequestContext, idOrNumber: string) {
      assertCan(ctx.actor, 'cases:read');
      const row = await deps.load(db, ctx, idOrNumber);
      const rows = await links.listLinks(db, row.accountId, row.id);
      return rows.map((link) => presentLink(link, row.id));
    },

    async add(
      ctx: RequestContext | null,
      idOrNumber: string,
      input: { kind: LinkKind; caseId?: string | undefined; caseNumber?: string | undefined },
    ) {
      if (ctx) assertCan(ctx.actor, 'cases:work');
      const otherRef = input.caseId ?? input.caseNumber;
      if (otherRef === undefined || (input.caseId !== undefined && input.caseNumber !== undefined))
        throw new AppError(
          'VALIDATION_FAILED',
          'Name the other case by caseId or by caseNumber (one of them)',
          {
            errors: [{ path: 'body/caseId', message: 'give caseId or caseNumber' }],
          },
        );
      const path = input.caseId !== undefined ? 'body/caseId' : 'body/caseNumber';
      const hierarchical = input.kind === 'parent' || input.kind === 'child';
      const { linkId, row } = await db.transaction().execute(async (tx) => {
        const found = await deps.load(tx, ctx, idOrNumber);
        const other = await loadOther(deps, tx, ctx, found, otherRef, path);
        if (other.id === found.id)
          throw new AppError('VALIDATION_FAILED', 'A case cannot be linked to itself', {
            errors: [{ path, message: 'is this case' }],
          });
        if (hierarchical) await links.lockHierarchy(tx, found.accountId);
        await links.lockCases(tx, [found.id, other.id]);
        const existing = await links.findLinkBetween(tx, found.accountId, found.id, other.id);
        if (existing)
          throw new AppError(
            'CASE_LINK_CONFLICT',
            `${reference(found)} and ${reference(other)} are already linked (${perspective(existing, found.id)})`,
            { errors: [{ path, message: 'is already linked to this case' }] },
          );
        const [child, parent] = input.kind === 'child' ? [other, found] : [found, other];
        if (hierarchical) await checkHierarchy(tx, child, parent);
        const stored = {
          kind: storedKind(input.kind),
          caseId: input.kind === 'child' ? other.id : found.id,
          targetId: input.kind === 'child' ? found.id : other.id,
        };
        const id = await links.insertLink(tx, {
          accountId: found.accountId,
          ...stored,
          createdBy: ctx?.actor.userId ?? null,
          createdAt: clock.now(),
        });
        await linkEvents(tx, ctx, 'link_added', { id, ...stored }, [found, other]);
        return { linkId: id, row: found };
      });
      const rows = await links.listLinks(db, row.accountId, row.id);
      return presentLink(
        rows.find((link) => link.id === linkId)!,
        row.id,
      );
    },

    async remove(ctx: RequestContext | null, idOrNumber: string, linkId: string) {
      if (ctx) assertCan(ctx.actor, 'cases:work');
      await db.transaction().execute(async (tx) => {
        const found = await deps.load(tx, ctx, idOrNumber);
        const stored = /^[0-9a-f-]{36}$/i.test(linkId)
          ? await links.findLink(tx, found.accountId, linkId)
          : undefined;
        const notFound = () => new AppError('CASE_LINK_NOT_FOUND', `${reference(found)} has no such link`);
        if (!stored || (stored.caseId !== found.id && stored.targetId !== found.id)) throw notFound();
        if (stored.kind === 'merged_into')
          throw new AppError(
            'CASE_LINK_CONFLICT',
            'A merge cannot be undone by removing its link; open a new case instead',
          );
        const other = await deps.load(tx, null, stored.caseId === found.id ? stored.targetId : stored.caseId);
        await links.lockCases(tx, [found.id, other.id]);
        if (!(await links.deleteLink(tx, found.accountId, stored.id))) throw notFound();
        await linkEvents(tx, ctx, 'link_removed', stored, [found, other]);
      });
    },
  };
}

/** A case has one parent at most, and a case is never its own ancestor. */
async function checkHierarchy(tx: Tx, child: CaseRow, parent: CaseRow) {
  const current = await links.findOutgoing(tx, child.id, 'child_of');
  if (current)
    throw new AppError(
      'CASE_LINK_CONFLICT',
      `${reference(child)} already has a parent; remove that link first`,
      { errors: [{ path: 'body/kind', message: `${reference(child)} already has a parent` }] },
    );
  if ((await links.ancestorIds(tx, parent.id)).includes(child.id))
    throw new AppError(
      'CASE_LINK_CONFLICT',
      `${reference(child)} is an ancestor of ${reference(parent)}: the link would make a cycle`,
      { errors: [{ path: 'body/kind', message: 'would make a cycle' }] },
    );
}

function storedKind(kind: LinkKind): links.StoredLinkKind {
  switch (kind) {
    case 'parent':
    case 'child':
      return 'child_of';
    case 'duplicate_of':
    case 'related':
      return kind;
  }
}

/** The link as seen from one of its ends. */
function perspective(
  stored: { kind: links.StoredLinkKind; caseId: string },
  from: string,
): (typeof linkViewKinds)[number] {
  const outgoing = stored.caseId === from;
  switch (stored.kind) {
    case 'child_of':
      return outgoing ? 'parent' : 'child';
    case 'duplicate_of':
      return outgoing ? 'duplicate_of' : 'duplicated_by';
    case 'merged_into':
      return outgoing ? 'merged_into' : 'merged_from';
    case 'related':
      return 'related';
  }
}

function presentLink(row: links.LinkRow, from: string) {
  return {
    id: row.id,
    kind: perspective(row, from),
    case: {
      id: row.otherId,
      number: Number(row.otherNumber),
      reference: formatCaseNumber(row.otherNumber),
      subject: row.otherSubject,
      status: row.otherStatus,
    },
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy === null ? null : { id: row.createdBy, displayName: row.createdByName ?? '' },
  };
}
