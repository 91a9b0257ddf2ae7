import { Type } from 'typebox';
import { attachmentDisposition } from '../../platform/files/index.ts';
import { contextOf, errorResponses, ProblemRef, type HttpServer } from '../../platform/http/index.ts';
import { AttachmentParams, AttachmentSchema, UploadQuery } from './attachments.schemas.ts';
import { attachmentContentTypes } from '@paydesk/shared';
import type { CaseAttachments } from './attachments.ts';
import { CaseParams } from './cases.schemas.ts';

const tags = ['cases'];

/**
 * A case's attachments: list, upload (the raw file as the body, its type as Content-Type, the name
 * in ?fileName=), download (always as an attachment, nosniff) and removal (staff).
 */
export function caseAttachmentsRoutes(attachments: CaseAttachments) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/cases/:id/attachments',
      {
        schema: {
          tags,
          summary: "The case's attachments, oldest first (customers: not those of internal notes)",
          params: CaseParams,
          response: { 200: Type.Object({ items: Type.Array(AttachmentSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await attachments.list(contextOf(request), request.params.id) }),
    );

    app.get(
      '/api/cases/:id/attachments/:attachmentId/content',
      {
        schema: {
          tags,
          summary: 'Download an attachment (as an attachment, never rendered inline)',
          params: AttachmentParams,
          response: { 200: Type.Any(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { attachment, bytes } = await attachments.read(
          contextOf(request),
          request.params.id,
          request.params.attachmentId,
        );
        return reply
          .type(attachment.contentType)
          .header('content-disposition', attachmentDisposition(attachment.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );

    app.delete(
      '/api/cases/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: 'Remove an attachment (staff); the timeline and the audit log keep a record',
          params: AttachmentParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await attachments.remove(contextOf(request), request.params.id, request.params.attachmentId);
        return reply.code(204).send(null);
      },
    );

    // The raw file as the body: no multipart parser, and the bytes reach the type check untouched.
    // Scoped to this route's plugin, so every other route keeps refusing bodies that are not JSON.
    await app.register(async (uploads: HttpServer) => {
      uploads.removeAllContentTypeParsers();
      uploads.addContentTypeParser(
        '*',
        { parseAs: 'buffer', bodyLimit: attachments.sizeLimitBytes },
        (_r, body, done) => done(null, body),
      );
      uploads.post(
        '/api/cases/:id/attachments',
        {
          bodyLimit: attachments.sizeLimitBytes,
          schema: {
            tags,
            summary: `Attach a file: the file as the body, its type as Content-Type (${attachmentContentTypes.join(', ')}); at most ${attachments.sizeLimitBytes / 1024 / 1024} MiB`,
            params: CaseParams,
            querystring: UploadQuery,
            response: { 201: AttachmentSchema, ...errorResponses, 413: ProblemRef, 415: ProblemRef },
          },
        },
        async (request, reply) => {
          const body = request.body;
          const attachment = await attachments.upload(contextOf(request), request.params.id, {
            fileName: request.query.fileName,
            messageId: request.query.messageId,
            contentType: request.headers['content-type'],
            bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
          });
          return reply.code(201).send(attachment);
        },
      );
    });
  };
}
