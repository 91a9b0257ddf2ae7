import { attachmentContentTypes, attachmentSizeLimitBytes } from '@paydesk/shared';
import { recordAudit } from '../../platform/audit/index.ts';
import { assertCan, auditContextOf, can, scopeOf, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import {
  cleanFileName,
  maskedIfText,
  mediaTypeOf,
  sniffedTypeMatches,
  type FileStore,
} from '../../platform/files/index.ts';
import * as repo from './attachments.repository.ts';
import { appendEvents, lockCase } from './cases.repository.ts';
import type { CasesService } from './cases.service.ts';

export type CaseAttachments = ReturnType<typeof createCaseAttachments>;
type CaseKey = { accountId: string; caseId: string };
export type AttachmentView = ReturnType<typeof presentAttachment>;

/**
 * Files attached to a case, on the case itself or to one of its messages. The bytes live in the
 * file store under their SHA-256; text is stored with card numbers masked. An attachment tied to an
 * internal note is internal: customers never list, download or see it on the timeline. Customers and
 * staff attach (to their own message, or to the case); staff remove. Each upload and removal is a
 * timeline event and is audited.
 */
export function createCaseAttachments(deps: {
  db: Db;
  clock: Clock;
  files: FileStore;
  cases: Pick<CasesService, 'get'>;
  sizeLimitBytes?: number;
}) {
  const { db, clock, files, cases } = deps;
  const sizeLimitBytes = deps.sizeLimitBytes ?? attachmentSizeLimitBytes;

  /** The case as the actor may see it: another account's case is not found. */
  async function visibleCase(ctx: RequestContext, idOrNumber: string) {
    const found = await cases.get(ctx, idOrNumber);
    return { accountId: found.accountId, caseId: found.id };
  }

  /** Holding the case's row lock, as every change to a case does: its events are numbered in order. */
  function withCaseLocked<T>(ctx: RequestContext, key: CaseKey, work: (tx: Tx) => Promise<T>) {
    return db.transaction().execute(async (tx) => {
      await lockCase(tx, scopeOf(ctx.actor), key.caseId);
      return work(tx);
    });
  }

  async function record(
    tx: Tx,
    ctx: RequestContext,
    key: CaseKey,
    type: 'attachment_added' | 'attachment_removed',
    event: Record<string, unknown>,
    audited: Record<string, unknown>,
  ) {
    await appendEvents(tx, key, [{ type, at: clock.now(), actorId: ctx.actor.userId, data: event }]);
    await recordAudit(
      tx,
      {
        ...auditContextOf(ctx),
        action: `case.${type}`,
        entityType: 'case',
        entityId: key.caseId,
        accountId: key.accountId,
        changes: { ...event, ...audited },
      },
      clock,
    );
  }

  return {
    sizeLimitBytes,

    async list(ctx: RequestContext, idOrNumber: string) {
      assertCan(ctx.actor, 'cases:read');
      const key = await visibleCase(ctx, idOrNumber);
      const rows = await repo.listAttachments(db, key, can(ctx.actor, 'cases:read-internal'));
      return rows.map(presentAttachment);
    },

    async upload(
      ctx: RequestContext,
      idOrNumber: string,
      input: {
        fileName: string;
        contentType: string | undefined;
        bytes: Buffer;
        messageId?: string | undefined;
      },
    ) {
      assertCan(ctx.actor, 'cases:reply');
      const key = await visibleCase(ctx, idOrNumber);
      const contentType = mediaTypeOf(input.contentType);
      if (!attachmentContentTypes.includes(contentType))
        throw new AppError(
          'DOCUMENT_TYPE_UNSUPPORTED',
          `${contentType || 'No content type'} is not accepted; send one of ${attachmentContentTypes.join(', ')}`,
        );
      if (input.bytes.length === 0) throw invalid('body', 'is empty');
      // The HTTP route stops a larger body before it is read; this guards every other caller.
      if (input.bytes.length > sizeLimitBytes)
        throw new AppError('BODY_TOO_LARGE', `An attachment may be at most ${sizeLimitBytes} bytes`);
      if (!sniffedTypeMatches(contentType, input.bytes))
        throw new AppError('DOCUMENT_TYPE_UNSUPPORTED', `The file's content is not ${contentType}`);
      const fileName = cleanFileName(input.fileName);
      if (fileName === '') throw invalid('querystring/fileName', 'has no usable characters');
      const message = input.messageId ? await repo.findMessage(db, key, input.messageId) : undefined;
      if (input.messageId) {
        // A customer's view has no internal notes: one is no more a message of theirs than a typo.
        if (!message || (message.visibility === 'internal' && !can(ctx.actor, 'cases:read-internal')))
          throw invalid('querystring/messageId', 'is not a message of this case');
        if (message.authorId !== ctx.actor.userId)
          throw new AppError('AUTH_FORBIDDEN', 'Attach files to your own messages, or to the case', {
            errors: [{ path: 'querystring/messageId', message: 'is not your message' }],
          });
      }
      const internal = message?.visibility === 'internal';
      // Stored before the row: a row must never point at bytes that are not there. An orphan file
      // (the transaction failed) costs only space.
      const stored = await files.put(maskedIfText(contentType, input.bytes));
      const id = await withCaseLocked(ctx, key, async (tx) => {
        const attachmentId = await repo.insertAttachment(tx, {
          ...key,
          messageId: message?.id ?? null,
          fileName,
          contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          uploadedBy: ctx.actor.userId,
          createdAt: clock.now(),
        });
        const details = {
          attachmentId,
          messageId: message?.id ?? null,
          fileName,
          contentType,
          sizeBytes: stored.sizeBytes,
          internal,
        };
        await record(tx, ctx, key, 'attachment_added', details, { sha256: stored.sha256 });
        return attachmentId;
      });
      return presentAttachment((await repo.findAttachment(db, key, id))!);
    },

    async read(ctx: RequestContext, idOrNumber: string, attachmentId: string) {
      assertCan(ctx.actor, 'cases:read');
      const key = await visibleCase(ctx, idOrNumber);
      const row = await repo.findAttachment(db, key, attachmentId);
      if (!row || (isInternal(row) && !can(ctx.actor, 'cases:read-internal'))) throw attachmentNotFound();
      return { attachment: presentAttachment(row), bytes: await files.read(row.sha256) };
    },

    async remove(ctx: RequestContext, idOrNumber: string, attachmentId: string) {
      assertCan(ctx.actor, 'cases:work');
      const key = await visibleCase(ctx, idOrNumber);
      await withCaseLocked(ctx, key, async (tx) => {
        const row = await repo.findAttachment(tx, key, attachmentId);
        if (!row) throw attachmentNotFound();
        await repo.deleteAttachment(tx, key, attachmentId);
        const details = { attachmentId, fileName: row.fileName, internal: isInternal(row) };
        // The content hash stays in the audit log: the bytes remain findable in the store.
        await record(tx, ctx, key, 'attachment_removed', details, { sha256: row.sha256 });
      });
    },
  };
}

function isInternal(row: repo.AttachmentRow) {
  return row.messageVisibility === 'internal';
}

function presentAttachment(row: repo.AttachmentRow) {
  const { uploadedBy, uploadedByName, sizeBytes, messageVisibility, ...rest } = row;
  return {
    ...rest,
    internal: messageVisibility === 'internal',
    sizeBytes: Number(sizeBytes),
    createdAt: row.createdAt.toISOString(),
    uploadedBy: uploadedBy === null ? null : { id: uploadedBy, displayName: uploadedByName ?? '' },
  };
}

function invalid(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', `${path.replace(/^\w+\//, '')} ${message}`, {
    errors: [{ path, message }],
  });
}

function attachmentNotFound() {
  return new AppError('CASE_ATTACHMENT_NOT_FOUND', 'No such attachment on this case');
}
