import { Type, type TProperties } from 'typebox';
import {
  DateTime,
  Nullable,
  PageQuery,
  ProblemSchema,
  StrictObject,
  Uuid,
} from '../../platform/http/index.ts';
import { SlaPolicySchema } from '../contract-terms/index.ts';
import { agreementKinds, vendorKinds } from '@paydesk/shared';

/** The same fields, each optional: what a PATCH body holds. */
const optional = <T extends TProperties>(fields: T) => Type.Partial(Type.Object(fields)).properties;
/** Required text: something besides white space, which the service trims away. */
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const CivilDate = (description: string) =>
  Type.String({ format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });
const VendorKind = Type.Enum(vendorKinds);
const AgreementKind = Type.Enum(agreementKinds);
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });
/** International format; spaces, dashes, dots and brackets are allowed and stripped. */
const Phone = Type.String({ minLength: 7, maxLength: 30, pattern: '^\\+[0-9 ().-]+$' });

export const VendorSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    kind: VendorKind,
    contactEmail: Nullable(Type.String()),
    contactPhone: Nullable(Type.String()),
    notes: Type.String(),
    isActive: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Vendor' },
);

const vendorEditable = {
  name: Text(200),
  kind: VendorKind,
  contactEmail: Nullable(Email),
  contactPhone: Nullable(Phone),
  notes: Type.String({ maxLength: 5000 }),
};

export const CreateVendorBody = StrictObject({
  name: vendorEditable.name,
  kind: vendorEditable.kind,
  ...optional({
    contactEmail: vendorEditable.contactEmail,
    contactPhone: vendorEditable.contactPhone,
    notes: vendorEditable.notes,
  }),
});
export const UpdateVendorBody = StrictObject(optional({ ...vendorEditable, isActive: Type.Boolean() }));

export const VendorListQuery = StrictObject({
  ...PageQuery.properties,
  includeRetired: Type.Optional(Type.Boolean({ description: 'Also list vendors no longer used' })),
});

export const AgreementSchema = Type.Object(
  {
    id: Uuid,
    kind: AgreementKind,
    team: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
    vendor: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
    name: Type.String(),
    reference: Type.String(),
    policy: SlaPolicySchema,
    effectiveFrom: Type.String({ format: 'date' }),
    effectiveTo: Nullable(Type.String({ format: 'date' })),
    version: Type.Integer({ description: 'Send it back as If-Match: "<version>" to replace' }),
    createdBy: Nullable(Uuid),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'OperationalAgreement' },
);

export const CreateAgreementBody = StrictObject({
  kind: AgreementKind,
  teamId: Type.Optional(Uuid),
  vendorId: Type.Optional(Uuid),
  name: Text(200),
  reference: Type.Optional(Type.String({ maxLength: 100, description: "The vendor's contract number" })),
  policy: SlaPolicySchema,
  effectiveFrom: CivilDate('The first day the agreement applies'),
  effectiveTo: Type.Optional(
    Nullable(CivilDate('The first day it no longer applies (exclusive); null or absent = open-ended')),
  ),
});
/** A PUT replaces the agreement as a whole: the editor sends what it shows. */
export const ReplaceAgreementBody = CreateAgreementBody;

export const AgreementListQuery = StrictObject({
  ...PageQuery.properties,
  kind: Type.Optional(AgreementKind),
  teamId: Type.Optional(Uuid),
  vendorId: Type.Optional(Uuid),
});

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The version being replaced: "3" (an ETag)' })),
});

/** A stale If-Match: the problem carries the agreement as it now is, so the editor can merge. */
export const AgreementConflictSchema = Type.Object({
  ...ProblemSchema.properties,
  current: AgreementSchema,
});
