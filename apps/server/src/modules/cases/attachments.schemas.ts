import { Type } from 'typebox';
import { DateTime, Nullable, StrictObject, Uuid } from '../../platform/http/index.ts';
import { CaseParams } from './cases.schemas.ts';

export const AttachmentSchema = Type.Object({
  id: Uuid,
  caseId: Uuid,
  messageId: Nullable(Uuid),
  internal: Type.Boolean({ description: 'Tied to an internal note: staff only' }),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  createdAt: DateTime,
});
export const AttachmentParams = StrictObject({ ...CaseParams.properties, attachmentId: Uuid });
export const UploadQuery = StrictObject({
  fileName: Type.String({ minLength: 1, maxLength: 255 }),
  messageId: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'A message of yours on this case to attach the file to; without it, the case',
    }),
  ),
});
