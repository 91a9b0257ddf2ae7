import { Type } from 'typebox';
import { caseStatuses, priorities } from '@paydesk/shared';
import { DateTime, Nullable, StrictObject, Uuid } from '../../platform/http/index.ts';
import { FieldActions } from '../macros/index.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

/** The filters of GET /api/cases, as a saved view keeps them. */
export const ViewFilters = StrictObject({
  view: Type.Optional(
    Type.Union([Type.Literal('mine'), Type.Literal('team'), Type.Literal('all')], {
      description: "mine: assigned to whoever uses the view; team: their teams' queues",
    }),
  ),
  status: Type.Optional(Type.Array(Type.Enum(caseStatuses), { maxItems: 8, uniqueItems: true })),
  open: Type.Optional(Type.Boolean()),
  priority: Type.Optional(Type.Enum(priorities)),
  accountId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  sla: Type.Optional(Type.Union([Type.Literal('at_risk'), Type.Literal('breached')])),
});

export const ViewSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  filters: ViewFilters,
  team: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  owner: Type.Object({ id: Uuid, displayName: Type.String() }),
  canEdit: Type.Boolean({ description: 'Whether the caller may change or delete it' }),
  position: Nullable(Type.Integer({ description: "The caller's place for it; null: after the placed ones" })),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const CreateViewBody = StrictObject({
  name: Text(100),
  filters: ViewFilters,
  teamId: Type.Optional(Uuid),
});

export const UpdateViewBody = StrictObject({
  name: Type.Optional(Text(100)),
  filters: Type.Optional(ViewFilters),
  // null: make the view personal again.
  teamId: Type.Optional(Nullable(Uuid)),
});

export const OrderBody = StrictObject({
  viewIds: Type.Array(Uuid, {
    maxItems: 200,
    uniqueItems: true,
    description: 'Your order for these views; views not named follow by name',
  }),
});

export const bulkOutcomes = ['ok', 'conflict', 'forbidden', 'not_found', 'invalid'] as const;

export const BulkBody = StrictObject({
  caseIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true })),
  viewId: Type.Optional(Uuid),
  changes: FieldActions,
});

export const BulkResultSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      caseId: Uuid,
      reference: Nullable(Type.String()),
      outcome: Type.Enum(bulkOutcomes),
      version: Type.Optional(Type.Integer({ description: 'ok: the new version; conflict: the current one' })),
      code: Type.Optional(Type.String()),
      message: Type.Optional(Type.String()),
      allowedStatuses: Type.Optional(Type.Array(Type.Enum(caseStatuses))),
    }),
  ),
  summary: Type.Record(Type.String(), Type.Integer()),
});
