import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  contextOf,
  errorResponses,
  etag,
  Page,
  ProblemRef,
  readIfMatch,
  sendVersionConflict,
  type HttpServer,
} from '../../platform/http/index.ts';
import { attachmentDisposition } from '../../platform/files/index.ts';
import type { ChangeRequests, ContractDocuments } from './index.ts';
import { documentContentTypes, documentSizeLimitBytes } from './contract-documents.ts';
import {
  AccountContractsParams,
  AmendBody,
  ChangeOwnerBody,
  ChangeRequestParams,
  ChangeRequestSchema,
  ContractIdParams,
  ContractListQuery,
  ContractSchema,
  ContractSummarySchema,
  CreateChangeRequestBody,
  CreateContractBody,
  DecideChangeRequestBody,
  DiffQuery,
  DiffSchema,
  DocumentParams,
  DocumentSchema,
  IfMatchHeaders,
  RenewBody,
  ReplaceDraftBody,
  TransitionBody,
  UploadQuery,
  VersionConflictSchema,
  VersionParams,
  VersionSchema,
  VersionSummarySchema,
} from './contracts.schemas.ts';
import { ContractVersionConflict, type ContractsService, type ContractView } from './contracts.service.ts';

const tags = ['contracts'];
/** Writes that name the revision they edited: 409 carries the current contract, 428 asks for it. */
const revisedResponses = {
  200: ContractSchema,
  ...errorResponses,
  409: VersionConflictSchema,
  428: ProblemRef,
} as const;

/**
 * Contracts, their versions and diffs, documents and change requests. Every write to a contract
 * sends If-Match with the revision (the ETag of GET); none: 428, stale: 409 with the current
 * contract in `current`.
 */
export function contractsRoutes(deps: {
  contracts: ContractsService;
  documents: ContractDocuments;
  changeRequests: ChangeRequests;
}) {
  const { contracts, documents, changeRequests } = deps;

  return async function register(app: HttpServer) {
    /** Sends a contract with its ETag, or the 409 of a stale revision. */
    async function revised(reply: FastifyReply, work: () => Promise<ContractView>) {
      try {
        const contract = await work();
        return await reply.header('etag', etag(contract.revision)).send(contract);
      } catch (error) {
        if (!(error instanceof ContractVersionConflict)) throw error;
        return sendVersionConflict(reply, error, { version: error.current.revision, body: error.current });
      }
    }

    app.get(
      '/api/contracts',
      {
        schema: {
          tags,
          summary: 'Contracts, newest first (customers: their own account, never drafts)',
          querystring: ContractListQuery,
          response: { 200: Page(ContractSummarySchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, ...filter } = request.query;
        return contracts.list(contextOf(request), { limit: limit ?? 50, ...filter });
      },
    );

    app.post(
      '/api/accounts/:accountId/contracts',
      {
        schema: {
          tags,
          summary: 'Draft a contract for an account (its first version, effective from its start date)',
          params: AccountContractsParams,
          body: CreateContractBody,
          response: { 201: ContractSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const contract = await contracts.create(contextOf(request), request.params.accountId, request.body);
        return reply.code(201).header('etag', etag(contract.revision)).send(contract);
      },
    );

    app.get(
      '/api/contracts/:id',
      {
        schema: {
          tags,
          summary: 'A contract with its newest terms; its revision is the ETag',
          params: ContractIdParams,
          response: { 200: ContractSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const contract = await contracts.get(contextOf(request), request.params.id);
        return reply.header('etag', etag(contract.revision)).send(contract);
      },
    );

    app.put(
      '/api/contracts/:id/draft',
      {
        schema: {
          tags,
          summary: 'Rewrite a draft (reference, owner, terms); If-Match required',
          params: ContractIdParams,
          headers: IfMatchHeaders,
          body: ReplaceDraftBody,
          response: revisedResponses,
        },
      },
      (request, reply) =>
        revised(reply, () =>
          contracts.replaceDraft(
            contextOf(request),
            request.params.id,
            readRevision(request.headers),
            request.body,
          ),
        ),
    );

    app.put(
      '/api/contracts/:id/owner',
      {
        schema: {
          tags,
          summary: 'Change who owns the contract; If-Match required',
          params: ContractIdParams,
          headers: IfMatchHeaders,
          body: ChangeOwnerBody,
          response: revisedResponses,
        },
      },
      (request, reply) =>
        revised(reply, () =>
          contracts.changeOwner(
            contextOf(request),
            request.params.id,
            readRevision(request.headers),
            request.body.ownerId,
          ),
        ),
    );

    app.post(
      '/api/contracts/:id/transitions',
      {
        schema: {
          tags,
          summary: 'Activate, expire or terminate the contract (as its lifecycle allows); If-Match required',
          params: ContractIdParams,
          headers: IfMatchHeaders,
          body: TransitionBody,
          response: revisedResponses,
        },
      },
      (request, reply) =>
        revised(reply, () =>
          contracts.transition(
            contextOf(request),
            request.params.id,
            readRevision(request.headers),
            request.body,
          ),
        ),
    );

    app.post(
      '/api/contracts/:id/amendments',
      {
        schema: {
          tags,
          summary:
            'Amend: a new version with its effective date (not before the newest one); If-Match required',
          params: ContractIdParams,
          headers: IfMatchHeaders,
          body: AmendBody,
          response: revisedResponses,
        },
      },
      (request, reply) =>
        revised(reply, () =>
          contracts.amend(contextOf(request), request.params.id, readRevision(request.headers), request.body),
        ),
    );

    app.post(
      '/api/contracts/:id/renewals',
      {
        schema: {
          tags,
          summary: 'Renew: a new version running to a later end date; If-Match required',
          params: ContractIdParams,
          headers: IfMatchHeaders,
          body: RenewBody,
          response: revisedResponses,
        },
      },
      (request, reply) =>
        revised(reply, () =>
          contracts.renew(contextOf(request), request.params.id, readRevision(request.headers), request.body),
        ),
    );

    app.delete(
      '/api/contracts/:id',
      {
        schema: {
          tags,
          summary: 'Discard a draft (a contract once active is terminated instead)',
          params: ContractIdParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await contracts.discardDraft(contextOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/contracts/:id/versions',
      {
        schema: {
          tags,
          summary: 'The versions of a contract, oldest first',
          params: ContractIdParams,
          response: { 200: Type.Object({ items: Type.Array(VersionSummarySchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await contracts.listVersions(contextOf(request), request.params.id) }),
    );

    app.get(
      '/api/contracts/:id/versions/:version',
      {
        schema: {
          tags,
          summary: 'One version with its terms',
          params: VersionParams,
          response: { 200: VersionSchema, ...errorResponses },
        },
      },
      async (request) => contracts.getVersion(contextOf(request), request.params.id, request.params.version),
    );

    app.get(
      '/api/contracts/:id/versions/:version/diff',
      {
        schema: {
          tags,
          summary: 'What changed in a version, readable: against the previous version or `against`',
          params: VersionParams,
          querystring: DiffQuery,
          response: { 200: DiffSchema, ...errorResponses },
        },
      },
      async (request) =>
        contracts.diff(contextOf(request), request.params.id, request.params.version, request.query.against),
    );

    app.get(
      '/api/contracts/:id/change-requests',
      {
        schema: {
          tags,
          summary: 'Change requests of a contract, newest first',
          params: ContractIdParams,
          response: { 200: Type.Object({ items: Type.Array(ChangeRequestSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await changeRequests.list(contextOf(request), request.params.id) }),
    );

    app.post(
      '/api/contracts/:id/change-requests',
      {
        schema: {
          tags,
          summary: 'Ask for a change to a contract in force (staff, or the customer’s administrator)',
          params: ContractIdParams,
          body: CreateChangeRequestBody,
          response: { 201: ChangeRequestSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await changeRequests.raise(contextOf(request), request.params.id, request.body)),
    );

    app.post(
      '/api/contracts/:id/change-requests/:changeRequestId/decision',
      {
        schema: {
          tags,
          summary: 'Approve or reject a change request (not your own approval: four eyes)',
          params: ChangeRequestParams,
          body: DecideChangeRequestBody,
          response: { 200: ChangeRequestSchema, ...errorResponses },
        },
      },
      async (request) =>
        changeRequests.decide(
          contextOf(request),
          request.params.id,
          request.params.changeRequestId,
          request.body,
        ),
    );

    app.post(
      '/api/contracts/:id/change-requests/:changeRequestId/withdrawal',
      {
        schema: {
          tags,
          summary: 'Withdraw a change request before it is implemented',
          params: ChangeRequestParams,
          response: { 200: ChangeRequestSchema, ...errorResponses },
        },
      },
      async (request) =>
        changeRequests.withdraw(contextOf(request), request.params.id, request.params.changeRequestId),
    );

    app.get(
      '/api/contracts/:id/documents',
      {
        schema: {
          tags,
          summary: 'Documents attached to a contract, newest first',
          params: ContractIdParams,
          response: { 200: Type.Object({ items: Type.Array(DocumentSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await documents.list(contextOf(request), request.params.id) }),
    );

    app.get(
      '/api/contracts/:id/documents/:documentId/content',
      {
        schema: {
          tags,
          summary: 'Download a document (as an attachment, never rendered inline)',
          params: DocumentParams,
          response: { 200: Type.Any(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { document, bytes } = await documents.read(
          contextOf(request),
          request.params.id,
          request.params.documentId,
        );
        return reply
          .type(document.contentType)
          .header('content-disposition', attachmentDisposition(document.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );

    app.delete(
      '/api/contracts/:id/documents/:documentId',
      {
        schema: {
          tags,
          summary: 'Remove a document from a contract',
          params: DocumentParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await documents.remove(contextOf(request), request.params.id, request.params.documentId);
        return reply.code(204).send(null);
      },
    );

    // Uploads are the raw file as the body, its type as Content-Type: no multipart parser, and the
    // bytes reach the type check untouched. Scoped to this one route's plugin, so every other route
    // keeps refusing bodies that are not JSON.
    await app.register(async (uploads: HttpServer) => {
      uploads.removeAllContentTypeParsers();
      uploads.addContentTypeParser(
        '*',
        { parseAs: 'buffer', bodyLimit: documentSizeLimitBytes },
        (_r, body, done) => done(null, body),
      );
      uploads.post(
        '/api/contracts/:id/documents',
        {
          bodyLimit: documentSizeLimitBytes,
          schema: {
            tags,
            summary: `Attach a document: the file as the body, its type as Content-Type (${documentContentTypes.join(', ')}); at most 20 MiB`,
            params: ContractIdParams,
            querystring: UploadQuery,
            response: { 201: DocumentSchema, ...errorResponses, 413: ProblemRef, 415: ProblemRef },
          },
        },
        async (request, reply) => {
          const body = request.body;
          const document = await documents.upload(contextOf(request), request.params.id, {
            fileName: request.query.fileName,
            version: request.query.version,
            contentType: request.headers['content-type'],
            bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
          });
          return reply.code(201).send(document);
        },
      );
    });
  };
}

function readRevision(headers: { 'if-match'?: string | undefined }) {
  return readIfMatch(headers['if-match'], 'contract revision');
}
