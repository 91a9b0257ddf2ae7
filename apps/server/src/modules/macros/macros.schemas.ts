import { Type } from 'typebox';
import { caseStatuses, macroVariables, messageVisibilities, priorities } from '@paydesk/shared';
import { DateTime, Nullable, StrictObject, Uuid } from '../../platform/http/index.ts';
import { CaseSchema, MessageSchema } from '../cases/index.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 });
export const macroSharings = ['personal', 'team', 'everyone'] as const;

const Body = Type.String({
  minLength: 1,
  maxLength: 20000,
  pattern: '\\S',
  description: `The reply, with variables: ${macroVariables.map((name) => `{{${name}}}`).join(', ')}`,
});
export const Bodies = Type.Object(
  {
    en: Type.Optional(Body),
    'es-MX': Type.Optional(Body),
    pl: Type.Optional(Body),
    'zh-CN': Type.Optional(Body),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: "The reply per language; the case's language is used, else English, else the first",
  },
);

/** Field changes to a case: what a macro sets with its reply, and what a bulk action sets. */
export const FieldActions = StrictObject({
  status: Type.Optional(Type.Enum(caseStatuses)),
  priority: Type.Optional(Type.Enum(priorities, { description: 'Needs priorityReason' })),
  priorityReason: Type.Optional(Text(500)),
  teamId: Type.Optional(Nullable(Uuid)),
  assigneeId: Type.Optional(
    Nullable(Type.Union([Uuid, Type.Literal('me')], { description: "'me': whoever applies it" })),
  ),
  addTags: Type.Optional(Tags),
  removeTags: Type.Optional(Tags),
});

export const MacroSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  sharing: Type.Enum(macroSharings),
  team: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  owner: Type.Object({ id: Uuid, displayName: Type.String() }),
  bodies: Bodies,
  visibility: Type.Enum(messageVisibilities),
  actions: FieldActions,
  canEdit: Type.Boolean({ description: 'Whether the caller may change or delete it' }),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const CreateMacroBody = StrictObject({
  name: Text(100),
  sharing: Type.Enum(macroSharings, {
    description: "personal: only you; team: the team's members (teamId); everyone: all staff (admins)",
  }),
  teamId: Type.Optional(Uuid),
  bodies: Bodies,
  visibility: Type.Enum(messageVisibilities, { description: 'public: a reply; internal: a note' }),
  actions: Type.Optional(FieldActions),
});

export const UpdateMacroBody = StrictObject({
  name: Type.Optional(Text(100)),
  sharing: Type.Optional(Type.Enum(macroSharings)),
  teamId: Type.Optional(Nullable(Uuid)),
  bodies: Type.Optional(Bodies),
  visibility: Type.Optional(Type.Enum(messageVisibilities)),
  actions: Type.Optional(FieldActions),
});

export const MacroListQuery = StrictObject({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Name or body contains' })),
});

export const ApplyParams = StrictObject({
  id: Type.String({ minLength: 1, maxLength: 40, description: 'The case id, or its number (PD-100001)' }),
  macroId: Uuid,
});

export const CaseChangesSchema = Type.Object({
  status: Type.Optional(Type.Enum(caseStatuses)),
  priority: Type.Optional(Type.Enum(priorities)),
  priorityReason: Type.Optional(Type.String()),
  teamId: Type.Optional(Nullable(Uuid)),
  assigneeId: Type.Optional(Nullable(Uuid)),
  tags: Type.Optional(Type.Array(Type.String())),
});

export const PreviewSchema = Type.Object({
  language: Type.String({ description: 'The language of the body used' }),
  visibility: Type.Enum(messageVisibilities),
  body: Type.String({ description: 'The reply as it would be posted' }),
  missingVariables: Type.Array(Type.String(), {
    description: 'Variables the case has no value for: they render empty',
  }),
  changes: CaseChangesSchema,
});

export const AppliedSchema = Type.Object({ case: CaseSchema, message: MessageSchema });
