import { Type } from 'typebox';
import {
  caseChannels,
  caseStatuses,
  caseTypes,
  impactLevels,
  languages,
  messageVisibilities,
  priorities,
} from '@paydesk/shared';
import { DateTime, Nullable, PageQuery, StrictObject, Uuid } from '../../platform/http/index.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const Ref = Type.Object({ id: Uuid, displayName: Type.String() });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 });

export const CaseParams = StrictObject({
  id: Type.String({ minLength: 1, maxLength: 40, description: 'The case id, or its number (PD-100001)' }),
});

export const CaseSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  reference: Type.String({ description: 'The number people quote: PD-100001' }),
  accountId: Uuid,
  accountName: Type.String(),
  subject: Type.String(),
  type: Type.Enum(caseTypes),
  status: Type.Enum(caseStatuses),
  allowedStatuses: Type.Array(Type.Enum(caseStatuses)),
  impact: Type.Enum(impactLevels),
  urgency: Type.Enum(impactLevels),
  priority: Type.Enum(priorities),
  priorityReason: Type.Optional(Nullable(Type.String())),
  service: Nullable(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  category: Type.String(),
  channel: Type.Enum(caseChannels),
  contact: Nullable(Type.Object({ id: Uuid, name: Type.String(), email: Type.String() })),
  team: Type.Optional(Nullable(Type.Object({ id: Uuid, name: Type.String() }))),
  assignee: Nullable(Ref),
  tier: Type.Optional(Type.Integer()),
  language: Type.Enum(languages),
  tags: Type.Optional(Type.Array(Type.String())),
  externalReference: Nullable(Type.String()),
  version: Type.Integer({ description: 'Bumped by every change; the ETag' }),
  nextDueAt: Nullable(DateTime),
  openedAt: DateTime,
  resolvedAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
  watchers: Type.Optional(Type.Array(Ref)),
});

export const CreateCaseBody = StrictObject({
  accountId: Uuid,
  subject: Text(300),
  description: Text(100000),
  type: Type.Enum(caseTypes),
  impact: Type.Enum(impactLevels),
  urgency: Type.Enum(impactLevels),
  priority: Type.Optional(
    Type.Enum(priorities, { description: 'Overrides impact × urgency; needs priorityReason' }),
  ),
  priorityReason: Type.Optional(Type.String({ maxLength: 500 })),
  serviceCode: Type.Optional(Type.String({ maxLength: 50 })),
  category: Type.Optional(Type.String({ maxLength: 100 })),
  channel: Type.Optional(
    Type.Enum(caseChannels, { description: 'Staff: how it reached you; customers: always portal' }),
  ),
  contactId: Type.Optional(Uuid),
  teamId: Type.Optional(Uuid),
  assigneeId: Type.Optional(Uuid),
  tier: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
  language: Type.Optional(Type.Enum(languages)),
  tags: Type.Optional(Tags),
  externalReference: Type.Optional(Type.String({ maxLength: 200 })),
});

export const UpdateCaseBody = StrictObject({
  subject: Type.Optional(Text(300)),
  type: Type.Optional(Type.Enum(caseTypes)),
  status: Type.Optional(Type.Enum(caseStatuses)),
  impact: Type.Optional(Type.Enum(impactLevels)),
  urgency: Type.Optional(Type.Enum(impactLevels)),
  priority: Type.Optional(Type.Enum(priorities)),
  priorityReason: Type.Optional(Type.String({ maxLength: 500 })),
  serviceCode: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  category: Type.Optional(Type.String({ maxLength: 100 })),
  contactId: Type.Optional(Nullable(Uuid)),
  teamId: Type.Optional(Nullable(Uuid)),
  assigneeId: Type.Optional(Nullable(Uuid)),
  tier: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
  language: Type.Optional(Type.Enum(languages)),
  tags: Type.Optional(Tags),
  externalReference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
});

const QueueView = Type.Union([Type.Literal('mine'), Type.Literal('team'), Type.Literal('all')], {
  description: "mine: assigned to me; team: my teams' queues; all (default)",
});

export const CaseListQuery = StrictObject({
  ...PageQuery.properties,
  view: Type.Optional(QueueView),
  accountId: Type.Optional(Uuid),
  status: Type.Optional(Type.Array(Type.Enum(caseStatuses), { maxItems: 8 })),
  open: Type.Optional(Type.Boolean({ description: 'Only cases not resolved or closed' })),
  priority: Type.Optional(Type.Enum(priorities)),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Subject or external reference contains' })),
  sla: Type.Optional(
    Type.Union([Type.Literal('at_risk'), Type.Literal('breached')], {
      description:
        'Staff only. at_risk: a running SLA clock is past its first warning and none has breached; breached: a clock has',
    }),
  ),
});

export const QueueCountsQuery = StrictObject({
  view: Type.Optional(QueueView),
  accountId: Type.Optional(Uuid),
});

export const QueueCountsSchema = Type.Object({
  open: Type.Integer({ description: 'Open cases in the view' }),
  atRisk: Type.Integer({ description: 'Of them, at risk (as the sla=at_risk filter)' }),
  breached: Type.Integer({ description: 'Of them, breached (as the sla=breached filter)' }),
});

export const MessageSchema = Type.Object({
  id: Uuid,
  visibility: Type.Enum(messageVisibilities),
  fromCustomer: Type.Boolean(),
  author: Nullable(Ref),
  recordedByStaff: Type.Boolean({
    description:
      "The customer's words, entered by the staff member in author (a case opened from a call or a forwarded e-mail)",
  }),
  body: Type.String(),
  createdAt: DateTime,
  movedFrom: Type.Optional(
    Nullable(
      Type.Object(
        {
          caseId: Uuid,
          reference: Type.String(),
          by: Type.Union([Type.Literal('merge'), Type.Literal('split')]),
        },
        { description: 'Where a merge or a split moved the message from; author and time are as written' },
      ),
    ),
  ),
});
export const CreateMessageBody = StrictObject({
  visibility: Type.Enum(messageVisibilities, {
    description: 'public: a reply the customer sees; internal: a note',
  }),
  body: Text(100000),
});

export const EventSchema = Type.Object({
  seq: Type.Integer(),
  type: Type.String(),
  at: DateTime,
  actor: Nullable(Ref),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const WatchBody = StrictObject({ userId: Uuid, watching: Type.Boolean() });

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({ description: 'The version you edited, as the ETag gave it: "<version>"' }),
  ),
});

export const CaseConflictSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  detail: Type.Optional(Type.String()),
  requestId: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  /** Present on CASE_VERSION_CONFLICT: the case as it now is. */
  current: Type.Optional(CaseSchema),
});

export const AssigneesSchema = Type.Object({
  team: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      displayName: Type.String(),
      isLead: Type.Boolean({ description: "A lead of the case's team" }),
      inTeam: Type.Boolean({ description: "False for the caller when not in the case's team" }),
    }),
  ),
});
