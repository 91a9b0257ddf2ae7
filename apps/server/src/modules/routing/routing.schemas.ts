import { Type } from 'typebox';
import { caseTypes, languages } from '@paydesk/shared';
import { DateTime, Nullable, StrictObject, Uuid } from '../../platform/http/index.ts';
import { CaseSchema } from '../cases/index.ts';

const Person = Type.Object({ id: Uuid, displayName: Type.String() });
const Named = Type.Object({ id: Uuid, name: Type.String() });

export const RoutingProfileSchema = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  configured: Type.Boolean({ description: 'False until someone sets it: the agent is not routed to' }),
  serviceCodes: Type.Array(Type.String()),
  caseTypes: Type.Array(Type.Enum(caseTypes)),
  languages: Type.Array(Type.Enum(languages)),
  loadCap: Type.Integer(),
  available: Type.Boolean(),
  openCases: Type.Integer({ description: 'Open cases assigned now: the load the cap limits' }),
  updatedAt: Nullable(DateTime),
});

export const RoutingProfileBody = StrictObject({
  serviceCodes: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
    maxItems: 100,
    description: 'Skills: services whose cases the agent takes',
  }),
  caseTypes: Type.Array(Type.Enum(caseTypes), {
    maxItems: caseTypes.length,
    description: 'Skills: case types the agent takes; with no service either, a generalist',
  }),
  languages: Type.Array(Type.Enum(languages), { minItems: 1, maxItems: languages.length }),
  loadCap: Type.Integer({ minimum: 0, maximum: 500, description: 'At most this many open cases assigned' }),
  available: Type.Boolean({ description: 'Off: routing passes the agent over (away, busy)' }),
});

export const TeamRoutingSchema = Type.Object({
  teamId: Uuid,
  autoAssign: Type.Boolean(),
  lastAssigned: Nullable(Type.Object({ user: Person, at: DateTime })),
});

export const TeamRoutingBody = StrictObject({
  autoAssign: Type.Boolean({
    description: "On: a case landing unassigned in the team's queue is assigned round robin",
  }),
});

export const EscalationCaseParams = StrictObject({
  id: Type.String({ minLength: 1, maxLength: 40, description: 'The case id, or its number (PD-100001)' }),
});

export const EscalationBody = StrictObject({
  kind: Type.Union([Type.Literal('tier'), Type.Literal('functional'), Type.Literal('hierarchical')]),
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
  teamId: Type.Optional(Uuid),
  vendorId: Type.Optional(Uuid),
  externalReference: Type.Optional(
    Type.String({ maxLength: 200, description: "The vendor's ticket number" }),
  ),
  managerId: Type.Optional(Uuid),
});

export const EscalationSchema = Type.Object({
  id: Uuid,
  kind: Type.String(),
  fromTier: Type.Integer(),
  toTier: Type.Integer(),
  fromTeam: Nullable(Named),
  toTeam: Nullable(Named),
  vendor: Nullable(Named),
  externalReference: Nullable(Type.String()),
  manager: Nullable(Person),
  notifiedUserIds: Type.Array(Uuid),
  reason: Type.String(),
  escalatedAt: DateTime,
  escalatedBy: Nullable(Person),
});

export const EscalatedSchema = Type.Object({ case: CaseSchema, escalation: EscalationSchema });
