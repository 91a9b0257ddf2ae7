import { Type } from 'typebox';
import { changeRequestStatuses, contractActions, contractStatuses } from '@paydesk/shared';
import { ContractTermsSchema } from '../contract-terms/index.ts';
import { DateTime, Nullable, PageQuery, StrictObject, Uuid } from '../../platform/http/index.ts';

const CivilDate = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const UserRef = Type.Object({ id: Uuid, displayName: Type.String() });
const Reference = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$',
  description: 'The reference people quote, e.g. MSA-2026-017; unique across all contracts',
});

export const ContractIdParams = StrictObject({ id: Uuid });
export const AccountContractsParams = StrictObject({ accountId: Uuid });
export const VersionParams = StrictObject({ id: Uuid, version: Type.Integer({ minimum: 1 }) });
export const DocumentParams = StrictObject({ id: Uuid, documentId: Uuid });
export const ChangeRequestParams = StrictObject({ id: Uuid, changeRequestId: Uuid });

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({ description: 'The revision you edited, as the ETag gave it: "<revision>"' }),
  ),
});

export const ContractSummarySchema = Type.Object({
  id: Uuid,
  accountId: Uuid,
  accountName: Type.String(),
  reference: Type.String(),
  status: Type.Enum(contractStatuses),
  title: Type.String(),
  startDate: CivilDate,
  endDate: Nullable(CivilDate),
  owner: Nullable(UserRef),
  latestVersion: Type.Integer(),
  revision: Type.Integer({ description: 'Bumped by every change; the ETag' }),
  allowedActions: Type.Array(Type.Enum(contractActions)),
  activatedAt: Nullable(DateTime),
  endedAt: Nullable(DateTime),
  endReason: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const ContractSchema = Type.Object({
  ...ContractSummarySchema.properties,
  terms: ContractTermsSchema,
  effectiveFrom: Type.String({ format: 'date', description: "The newest version's effective date" }),
  versionInForce: Nullable(
    Type.Integer({ description: "The version in force today in the account's time zone" }),
  ),
  calendars: Type.Array(Type.Object({ id: Uuid, name: Type.String() }), {
    description: "The business calendars the newest terms' policies count on, by name",
  }),
});

export const VersionSummarySchema = Type.Object({
  version: Type.Integer(),
  kind: Type.Union([Type.Literal('original'), Type.Literal('amendment'), Type.Literal('renewal')]),
  effectiveFrom: CivilDate,
  summary: Type.String(),
  changeRequestId: Nullable(Uuid),
  createdBy: Nullable(UserRef),
  createdAt: DateTime,
});
export const VersionSchema = Type.Object({ ...VersionSummarySchema.properties, terms: ContractTermsSchema });

export const DiffQuery = StrictObject({
  against: Type.Optional(Type.Integer({ minimum: 1, description: 'Default: the previous version' })),
});
export const DiffSchema = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  changes: Type.Array(
    Type.Object({
      path: Type.String(),
      label: Type.String(),
      kind: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
      before: Nullable(Type.String()),
      after: Nullable(Type.String()),
    }),
  ),
});

export const ContractListQuery = StrictObject({
  ...PageQuery.properties,
  accountId: Type.Optional(Uuid),
  status: Type.Optional(Type.Enum(contractStatuses)),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Reference or title contains' })),
  endingBefore: Type.Optional(
    Type.String({ format: 'date', description: 'In force and ending on or before this date' }),
  ),
});

export const CreateContractBody = StrictObject({
  reference: Reference,
  ownerId: Type.Optional(Nullable(Uuid)),
  terms: ContractTermsSchema,
});
export const ReplaceDraftBody = StrictObject({
  reference: Reference,
  ownerId: Nullable(Uuid),
  terms: ContractTermsSchema,
});
export const ChangeOwnerBody = StrictObject({ ownerId: Nullable(Uuid) });

export const AmendBody = StrictObject({
  effectiveFrom: CivilDate,
  summary: Text(2000),
  terms: ContractTermsSchema,
  changeRequestId: Type.Optional(Uuid),
});
export const RenewBody = StrictObject({
  effectiveFrom: Type.Optional(
    Type.String({ format: 'date', description: 'Default: the day after the current end date' }),
  ),
  summary: Text(2000),
  terms: ContractTermsSchema,
});
export const TransitionBody = StrictObject({
  action: Type.Union([Type.Literal('activate'), Type.Literal('expire'), Type.Literal('terminate')]),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const DocumentSchema = Type.Object({
  id: Uuid,
  contractId: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  version: Nullable(Type.Integer()),
  uploadedBy: Nullable(UserRef),
  createdAt: DateTime,
});
export const UploadQuery = StrictObject({
  fileName: Type.String({ minLength: 1, maxLength: 255 }),
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version the document belongs to' })),
});

export const ChangeRequestSchema = Type.Object({
  id: Uuid,
  contractId: Uuid,
  title: Type.String(),
  description: Type.String(),
  status: Type.Enum(changeRequestStatuses),
  requestedBy: UserRef,
  decidedBy: Nullable(UserRef),
  decidedAt: Nullable(DateTime),
  decisionNote: Type.String(),
  implementedVersion: Nullable(Type.Integer()),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export const CreateChangeRequestBody = StrictObject({
  title: Text(200),
  description: Type.Optional(Type.String({ maxLength: 10000 })),
});
export const DecideChangeRequestBody = StrictObject({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const VersionConflictSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  detail: Type.Optional(Type.String()),
  requestId: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  /** Present on CONTRACT_VERSION_CONFLICT: the contract as it now is. */
  current: Type.Optional(ContractSchema),
});
