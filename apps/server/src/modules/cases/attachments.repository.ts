import type { ColumnType, Generated } from 'kysely';
import { withModuleTables, type Executor, type Tx } from '../../platform/db/index.ts';
import type { CaseTables } from './cases.repository.ts';

/** Kysely only: no rules here. The caller has found the case in the actor's scope. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;

interface CaseAttachmentsTable {
  accountId: string;
  caseId: string;
  id: Generated<string>;
  messageId: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: ColumnType<string, number, never>;
  sha256: string;
  uploadedBy: string | null;
  createdAt: Timestamp;
}

// A type, not an interface: withTables needs an index-compatible record.
export type AttachmentTables = CaseTables & { caseAttachments: CaseAttachmentsTable };

const tables = (executor: Executor) => withModuleTables<AttachmentTables>(executor);

function selectAttachments(executor: Executor, key: { accountId: string; caseId: string }) {
  return tables(executor)
    .selectFrom('caseAttachments')
    .leftJoin('caseMessages as message', (join) =>
      join
        .onRef('message.accountId', '=', 'caseAttachments.accountId')
        .onRef('message.caseId', '=', 'caseAttachments.caseId')
        .onRef('message.id', '=', 'caseAttachments.messageId'),
    )
    .leftJoin('users as uploader', 'uploader.id', 'caseAttachments.uploadedBy')
    .select([
      'caseAttachments.id',
      'caseAttachments.caseId',
      'caseAttachments.messageId',
      'message.visibility as messageVisibility',
      'caseAttachments.fileName',
      'caseAttachments.contentType',
      'caseAttachments.sizeBytes',
      'caseAttachments.sha256',
      'caseAttachments.uploadedBy',
      'uploader.displayName as uploadedByName',
      'caseAttachments.createdAt',
    ])
    .where('caseAttachments.accountId', '=', key.accountId)
    .where('caseAttachments.caseId', '=', key.caseId);
}

/** The case's attachments, oldest first; without the internal ones (tied to a note) unless asked. */
export function listAttachments(
  executor: Executor,
  key: { accountId: string; caseId: string },
  includeInternal: boolean,
) {
  let query = selectAttachments(executor, key);
  if (!includeInternal)
    query = query.where((eb) =>
      eb.or([eb('caseAttachments.messageId', 'is', null), eb('message.visibility', '=', 'public')]),
    );
  return query.orderBy('caseAttachments.createdAt').orderBy('caseAttachments.id').execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof listAttachments>>[number];

export function findAttachment(
  executor: Executor,
  key: { accountId: string; caseId: string },
  id: string,
): Promise<AttachmentRow | undefined> {
  return selectAttachments(executor, key).where('caseAttachments.id', '=', id).executeTakeFirst();
}

export async function insertAttachment(
  tx: Tx,
  values: {
    accountId: string;
    caseId: string;
    messageId: string | null;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    uploadedBy: string | null;
    createdAt: Date;
  },
) {
  const row = await tables(tx)
    .insertInto('caseAttachments')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteAttachment(tx: Tx, key: { accountId: string; caseId: string }, id: string) {
  await tables(tx)
    .deleteFrom('caseAttachments')
    .where('accountId', '=', key.accountId)
    .where('caseId', '=', key.caseId)
    .where('id', '=', id)
    .execute();
}

/** A message of the case, to tie an attachment to: who wrote it and who may see it. */
export function findMessage(executor: Executor, key: { accountId: string; caseId: string }, id: string) {
  return tables(executor)
    .selectFrom('caseMessages')
    .select(['id', 'authorId', 'visibility'])
    .where('accountId', '=', key.accountId)
    .where('caseId', '=', key.caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}
