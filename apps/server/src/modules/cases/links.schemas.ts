import { Type } from 'typebox';
import { caseStatuses } from '@paydesk/shared';
import { DateTime, Nullable, StrictObject, Uuid } from '../../platform/http/index.ts';
import { CaseParams, CaseSchema } from './cases.schemas.ts';
import { linkKinds, linkViewKinds } from './links.ts';

export const LinkParams = StrictObject({ ...CaseParams.properties, linkId: Type.String({ maxLength: 40 }) });

export const LinkSchema = Type.Object({
  id: Uuid,
  kind: Type.Enum(linkViewKinds, {
    description:
      'parent / child: the other case is this one’s parent / child; duplicate_of / duplicated_by: this case duplicates the other / is duplicated by it; merged_into / merged_from: the merge that closed this case / the other',
  }),
  case: Type.Object({
    id: Uuid,
    number: Type.Integer(),
    reference: Type.String(),
    subject: Type.String(),
    status: Type.Enum(caseStatuses),
  }),
  createdAt: DateTime,
  createdBy: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
});

export const CreateLinkBody = StrictObject({
  kind: Type.Enum(linkKinds, {
    description:
      'parent: the other case becomes this one’s parent; child: its child; duplicate_of: this case duplicates the other; related',
  }),
  caseId: Type.Optional(Uuid),
  caseNumber: Type.Optional(
    Type.String({ minLength: 1, maxLength: 20, description: 'The other case by number: PD-100001' }),
  ),
});

export const MergeBody = StrictObject({
  into: Type.String({
    minLength: 1,
    maxLength: 40,
    description: 'The surviving case: its id or number (PD-100001)',
  }),
});
export const MergeResult = Type.Object({ merged: CaseSchema, into: CaseSchema });

export const SplitBody = StrictObject({
  messageIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }),
  subject: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
});
