import { recordAudit } from '../../platform/audit/index.ts';
import { assertCan, auditContextOf, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import {
  cleanFileName,
  maskedIfText,
  mediaTypeOf,
  sniffedTypeMatches,
  type FileStore,
} from '../../platform/files/index.ts';
import * as repo from './contracts.repository.ts';
import { invalid, type ContractsService } from './contracts.service.ts';

/** 20 MiB: a scanned, signed contract with schedules fits; a video does not. */
export const documentSizeLimitBytes = 20 * 1024 * 1024;

/** The types a contract document may be; each is checked by its first bytes (`sniffedTypeMatches`). */
export const documentContentTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/msword',
  'text/plain',
  'text/csv',
];

/**
 * Documents attached to a contract (the signed PDF, schedules, amendments). The bytes live in the
 * file store under their SHA-256; a row here says which contract (and version) they belong to. Text
 * documents are stored with card numbers masked, like everything else that enters Paydesk; binary
 * documents cannot be read reliably and are stored as uploaded (an operator should not attach card
 * data to a contract, and the README says so).
 */
export function createContractDocuments(deps: {
  db: Db;
  clock: Clock;
  files: FileStore;
  contracts: Pick<ContractsService, 'visibleContract'>;
}) {
  const { db, clock, files, contracts } = deps;

  return {
    async list(ctx: RequestContext, contractId: string) {
      assertCan(ctx.actor, 'contracts:read');
      await contracts.visibleContract(ctx, contractId);
      return (await repo.listDocuments(db, contractId)).map(presentDocument);
    },

    async upload(
      ctx: RequestContext | null,
      contractId: string,
      input: {
        fileName: string;
        contentType: string | undefined;
        bytes: Buffer;
        version?: number | undefined;
      },
    ) {
      if (ctx) assertCan(ctx.actor, 'contracts:manage');
      const contract = await contracts.visibleContract(ctx, contractId);
      const contentType = mediaTypeOf(input.contentType);
      if (!documentContentTypes.includes(contentType))
        throw new AppError(
          'DOCUMENT_TYPE_UNSUPPORTED',
          `${contentType || 'No content type'} is not accepted; send one of ${documentContentTypes.join(', ')}`,
        );
      if (input.bytes.length === 0) throw invalid('body', 'is empty');
      if (!sniffedTypeMatches(contentType, input.bytes))
        throw new AppError('DOCUMENT_TYPE_UNSUPPORTED', `The file's content is not ${contentType}`);
      if (input.version !== undefined && input.version > contract.latestVersion)
        throw invalid('querystring/version', `the contract has no version ${input.version}`);
      const fileName = cleanFileName(input.fileName);
      if (fileName === '') throw invalid('querystring/fileName', 'has no usable characters');
      const bytes = maskedIfText(contentType, input.bytes);
      // Stored before the row: a row must never point at bytes that are not there. An orphan file
      // (the transaction failed) costs only space.
      const stored = await files.put(bytes);
      const id = await db.transaction().execute(async (tx) => {
        const documentId = await repo.insertDocument(tx, {
          accountId: contract.accountId,
          contractId,
          fileName,
          contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          version: input.version ?? null,
          uploadedBy: ctx?.actor.userId ?? null,
          createdAt: clock.now(),
        });
        await recordAudit(
          tx,
          {
            ...auditContextOf(ctx),
            action: 'contract.document_added',
            entityType: 'contract',
            entityId: contractId,
            accountId: contract.accountId,
            changes: {
              documentId,
              fileName,
              contentType,
              sizeBytes: stored.sizeBytes,
              sha256: stored.sha256,
            },
          },
          clock,
        );
        return documentId;
      });
      return presentDocument((await repo.findDocument(db, contractId, id))!);
    },

    async read(ctx: RequestContext, contractId: string, documentId: string) {
      assertCan(ctx.actor, 'contracts:read');
      await contracts.visibleContract(ctx, contractId);
      const document = await repo.findDocument(db, contractId, documentId);
      if (!document) throw documentNotFound();
      return { document: presentDocument(document), bytes: await files.read(document.sha256) };
    },

    async remove(ctx: RequestContext | null, contractId: string, documentId: string) {
      if (ctx) assertCan(ctx.actor, 'contracts:manage');
      const contract = await contracts.visibleContract(ctx, contractId);
      await db.transaction().execute(async (tx) => {
        const document = await repo.findDocument(tx, contractId, documentId);
        if (!document) throw documentNotFound();
        await repo.deleteDocument(tx, contractId, documentId);
        await recordAudit(
          tx,
          {
            ...auditContextOf(ctx),
            action: 'contract.document_removed',
            entityType: 'contract',
            entityId: contractId,
            accountId: contract.accountId,
            // The content hash stays in the audit log: the bytes remain findable in the store.
            changes: { documentId, fileName: document.fileName, sha256: document.sha256 },
          },
          clock,
        );
      });
    },
  };
}

function presentDocument(row: repo.DocumentRow) {
  const { uploadedBy, uploadedByName, sizeBytes, ...rest } = row;
  return {
    ...rest,
    sizeBytes: Number(sizeBytes),
    createdAt: row.createdAt.toISOString(),
    uploadedBy: uploadedBy === null ? null : { id: uploadedBy, displayName: uploadedByName ?? '' },
  };
}

function documentNotFound() {
  return new AppError('CONTRACT_DOCUMENT_NOT_FOUND', 'No such document on this contract');
}
