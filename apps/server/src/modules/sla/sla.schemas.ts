import { Type } from 'typebox';
import { slaMetrics } from '@paydesk/shared';
import { DateTime, Nullable, StrictObject, Uuid } from '../../platform/http/index.ts';

export const CaseSlaParams = StrictObject({
  id: Type.String({ minLength: 1, maxLength: 40, description: 'The case id, or its number (PD-100001)' }),
});

const Segment = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('counted'),
      Type.Literal('closed'),
      Type.Literal('holiday'),
      Type.Literal('paused'),
    ]),
    from: DateTime,
    to: DateTime,
    text: Type.String(),
    isProjected: Type.Optional(Type.Boolean({ description: 'After now: how the clock will run on' })),
    businessMs: Type.Optional(Type.Integer({ description: 'counted: business time in the stretch' })),
    date: Type.Optional(Type.String({ description: 'holiday: its date' })),
    name: Type.Optional(Nullable(Type.String())),
    reason: Type.Optional(
      Type.String({ description: 'paused: the status, resolved/closed, or not_measured' }),
    ),
    heldBackMs: Type.Optional(Type.Integer({ description: 'paused: business time not counted' })),
  },
  { description: 'One stretch between the start and the due time, stop or now' },
);

export const ClockSchema = Type.Object({
  source: Type.Union([Type.Literal('customer'), Type.Literal('ola'), Type.Literal('underpinning')]),
  policy: Type.Object({
    name: Type.String(),
    calendarId: Nullable(Uuid),
    contractId: Nullable(Uuid),
    contractVersion: Nullable(Type.Integer()),
    agreementId: Nullable(Uuid),
  }),
  vendor: Nullable(
    Type.Object(
      { id: Uuid, name: Type.String() },
      {
        description:
          "Underpinning clocks: the vendor the case was escalated to (the cycle is that escalation's)",
      },
    ),
  ),
  metric: Type.Enum(slaMetrics),
  cycle: Type.Integer({ minimum: 1 }),
  status: Type.Union([
    Type.Literal('running'),
    Type.Literal('paused'),
    Type.Literal('met'),
    Type.Literal('breached'),
    Type.Literal('stopped'),
  ]),
  targetMs: Type.Integer(),
  startedAt: DateTime,
  dueAt: Nullable(DateTime),
  remainingMs: Type.Integer({ description: 'Negative once breached' }),
  businessElapsedMs: Type.Integer(),
  breachedAt: Nullable(DateTime),
  stoppedAt: Nullable(DateTime),
  pauses: Type.Array(Type.Object({ from: DateTime, to: Nullable(DateTime), reason: Type.String() })),
  warnings: Type.Array(Type.Object({ thresholdPercent: Type.Integer(), at: DateTime })),
  explanation: Type.Object({
    timeZone: Type.String(),
    from: DateTime,
    to: DateTime,
    summary: Type.String(),
    segments: Type.Array(Segment),
  }),
});

export const CaseSlaSchema = Type.Object({
  caseId: Uuid,
  at: DateTime,
  clocks: Type.Array(ClockSchema),
});
