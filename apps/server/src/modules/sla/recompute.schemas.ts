import { Type } from 'typebox';
import { DateTime, Nullable, PageQuery, StrictObject, Uuid } from '../../platform/http/index.ts';

export const RecomputationListQuery = PageQuery;

export const RequestRecomputationBody = StrictObject(
  {
    calendarId: Type.Optional(Uuid),
    accountId: Type.Optional(Uuid),
  },
  {
    description:
      'Which open cases: those with open clocks on a calendar, or an account’s; neither for every open case',
  },
);

export const RecomputationSchema = Type.Object({
  id: Uuid,
  trigger: Type.Union([
    Type.Literal('calendar'),
    Type.Literal('contract'),
    Type.Literal('agreement'),
    Type.Literal('manual'),
  ]),
  // What changed: the calendar, contract or agreement (none for a manual run).
  triggerId: Nullable(Uuid),
  scope: Type.Union([
    Type.Literal('all'),
    Type.Literal('calendar'),
    Type.Literal('account'),
    Type.Literal('team'),
    Type.Literal('vendor'),
  ]),
  scopeId: Nullable(Uuid),
  requestedBy: Nullable(Uuid),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  totalCases: Nullable(Type.Integer({ description: 'The open cases in scope when the run started' })),
  casesDone: Type.Integer(),
  percent: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
  clocksWritten: Type.Integer(),
  requestedAt: DateTime,
  startedAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
  error: Nullable(Type.String()),
});

export const RequestedRecomputationSchema = Type.Object({
  run: RecomputationSchema,
  coalesced: Type.Boolean({ description: 'True: a run for the same cases was already queued; this is it' }),
});
