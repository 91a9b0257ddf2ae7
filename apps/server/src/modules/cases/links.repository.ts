import { sql, type ColumnType, type Generated } from 'kysely';
import { withModuleTables, type Executor, type Tx } from '../../platform/db/index.ts';
import type { CaseTables } from './cases.repository.ts';

/** Kysely only: links between cases, and the moves a merge or a split makes. No rules here. */

export type StoredLinkKind = 'child_of' | 'duplicate_of' | 'related' | 'merged_into';

interface CaseLinksTable {
  accountId: string;
  id: Generated<string>;
  caseId: string;
  targetId: string;
  kind: StoredLinkKind;
  createdBy: string | null;
  createdAt: ColumnType<Date, Date, never>;
}

/** The columns of 0009's case_attachments a merge moves. */
interface MovedAttachmentsTable {
  accountId: string;
  caseId: string;
  messageId: string | null;
}

// A type, not an interface: withTables needs an index-compatible record.
export type CaseLinkTables = CaseTables & {
  caseLinks: CaseLinksTable;
  caseAttachments: MovedAttachmentsTable;
};

const tables = (executor: Executor) => withModuleTables<CaseLinkTables>(executor);

/**
 * The hierarchy of an account's cases changes one link at a time, so that two links added at once
 * cannot close a cycle neither saw. Two-key advisory locks do not share the audit chain's key space.
 */
export async function lockHierarchy(tx: Tx, accountId: string) {
  await sql`select pg_advisory_xact_lock(hashtext('case_hierarchy'), hashtext(${accountId}))`.execute(tx);
}

/** Every link touching the case, with the case at the other end. */
export function listLinks(executor: Executor, accountId: string, caseId: string) {
  return tables(executor)
    .selectFrom('caseLinks')
    .innerJoin('cases as other', (join) =>
      join
        .onRef('other.accountId', '=', 'caseLinks.accountId')
        .on((eb) =>
          eb.or([
            eb.and([eb('caseLinks.caseId', '=', caseId), eb('other.id', '=', eb.ref('caseLinks.targetId'))]),
            eb.and([eb('caseLinks.targetId', '=', caseId), eb('other.id', '=', eb.ref('caseLinks.caseId'))]),
          ]),
        ),
    )
    .leftJoin('users as creator', 'creator.id', 'caseLinks.createdBy')
    .select([
      'caseLinks.id',
      'caseLinks.kind',
      'caseLinks.caseId',
      'caseLinks.targetId',
      'caseLinks.createdAt',
      'caseLinks.createdBy',
      'creator.displayName as createdByName',
      'other.id as otherId',
      'other.number as otherNumber',
      'other.subject as otherSubject',
      'other.status as otherStatus',
    ])
    .where('caseLinks.accountId', '=', accountId)
    .where((eb) => eb.or([eb('caseLinks.caseId', '=', caseId), eb('caseLinks.targetId', '=', caseId)]))
    .orderBy('caseLinks.createdAt')
    .orderBy('caseLinks.id')
    .execute();
}
export type LinkRow = Awaited<ReturnType<typeof listLinks>>[number];

/** The link between two cases, whichever way it points. */
export function findLinkBetween(executor: Executor, accountId: string, a: string, b: string) {
  return tables(executor)
    .selectFrom('caseLinks')
    .selectAll()
    .where('accountId', '=', accountId)
    .where((eb) =>
      eb.or([
        eb.and([eb('caseId', '=', a), eb('targetId', '=', b)]),
        eb.and([eb('caseId', '=', b), eb('targetId', '=', a)]),
      ]),
    )
    .executeTakeFirst();
}

export function findLink(executor: Executor, accountId: string, linkId: string) {
  return tables(executor)
    .selectFrom('caseLinks')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('id', '=', linkId)
    .executeTakeFirst();
}

export function findOutgoing(executor: Executor, caseId: string, kind: StoredLinkKind) {
  return tables(executor)
    .selectFrom('caseLinks')
    .selectAll()
    .where('caseId', '=', caseId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** The case's parent, its parent's parent, … up to the root. */
export async function ancestorIds(executor: Executor, caseId: string) {
  const rows = await sql<{ id: string }>`
    with recursive ancestors (id) as (
      select target_id from case_links where case_id = ${caseId} and kind = 'child_of'
      union
      select link.target_id from case_links link join ancestors on link.case_id = ancestors.id
      where link.kind = 'child_of'
    )
    select id from ancestors`.execute(executor);
  return rows.rows.map((row) => row.id);
}

export async function insertLink(
  tx: Tx,
  values: {
    accountId: string;
    caseId: string;
    targetId: string;
    kind: StoredLinkKind;
    createdBy: string | null;
    createdAt: Date;
  },
) {
  const row = await tables(tx)
    .insertInto('caseLinks')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Whether the link was still there: a concurrent removal may have taken it first. */
export async function deleteLink(tx: Tx, accountId: string, linkId: string) {
  const result = await tables(tx)
    .deleteFrom('caseLinks')
    .where('accountId', '=', accountId)
    .where('id', '=', linkId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Locks the cases' rows in id order, whatever order the request named them in: no deadlock. */
export async function lockCases(tx: Tx, ids: string[]) {
  for (const id of [...new Set(ids)].sort())
    await tables(tx).selectFrom('cases').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

// Merge and split

export function messageIds(executor: Executor, accountId: string, caseId: string) {
  return tables(executor)
    .selectFrom('caseMessages')
    .select('id')
    .where('accountId', '=', accountId)
    .where('caseId', '=', caseId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute()
    .then((rows) => rows.map((row) => row.id));
}

/** Moves messages to another case of the same account; author, visibility and time stay as they were. */
export async function moveMessages(
  tx: Tx,
  move: { accountId: string; from: string; to: string; ids: string[]; by: 'merge' | 'split' },
) {
  if (move.ids.length === 0) return;
  await tables(tx)
    .updateTable('caseMessages')
    .set({ caseId: move.to, movedFromCaseId: move.from, movedBy: move.by })
    .where('accountId', '=', move.accountId)
    .where('caseId', '=', move.from)
    .where('id', 'in', move.ids)
    .execute();
}

/**
 * Moves the attachments filed on the case itself; those tied to a message follow their message
 * (the foreign key cascades the message's new case to them).
 */
export async function moveCaseAttachments(tx: Tx, move: { accountId: string; from: string; to: string }) {
  const result = await tables(tx)
    .updateTable('caseAttachments')
    .set({ caseId: move.to })
    .where('accountId', '=', move.accountId)
    .where('caseId', '=', move.from)
    .where('messageId', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Adds the duplicate's watchers to the surviving case; returns the ones it added. */
export async function uniteWatchers(tx: Tx, key: { accountId: string; from: string; to: string }) {
  const rows = await tables(tx)
    .insertInto('caseWatchers')
    .columns(['accountId', 'caseId', 'userId'])
    .expression((eb) =>
      eb
        .selectFrom('caseWatchers')
        .select(['accountId', sql<string>`${key.to}::uuid`.as('caseId'), 'userId'])
        .where('accountId', '=', key.accountId)
        .where('caseId', '=', key.from),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('userId')
    .execute();
  return rows.map((row) => row.userId);
}
