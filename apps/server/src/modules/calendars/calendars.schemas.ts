import { Type } from 'typebox';
import { PageQuery, ProblemSchema, StrictObject, Uuid, DateTime } from '../../platform/http/index.ts';

const CivilDate = Type.String({ format: 'date' });
/** Required text: something besides white space, which the service trims away. */
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

/**
 * The calendar's JSON form (README, "Business calendars"). Its rules (zones, windows, holidays) are
 * checked by `parseCalendarSpec`, which names every problem; the schema only says "an object".
 */
const Spec = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      '{"timeZone": "Europe/London", "week": {"mon": [["09:00", "17:30"]], …}, "holidays": ["2025-12-25", …]} or {"timeZone": "UTC", "always": true}',
  },
);

export const CalendarSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    description: Type.String(),
    spec: Spec,
    version: Type.Integer({ description: 'Send it back as If-Match: "<version>" to update' }),
    createdBy: Type.Union([Uuid, Type.Null()]),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'BusinessCalendar' },
);

export const CreateCalendarBody = StrictObject({
  name: Text(200),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  spec: Spec,
});
/**
 * A PUT replaces the calendar as a whole: the editor sends what it shows. A new spec governs from
 * `effectiveFrom` on (now by default): time before it stays measured by the rules then in force.
 */
export const ReplaceCalendarBody = StrictObject({
  ...CreateCalendarBody.properties,
  effectiveFrom: Type.Optional(
    Type.String({
      description:
        'ISO 8601 instant with an offset from which the new spec governs; now if left out. An earlier ' +
        'instant corrects the past (a holiday forgotten last week): clocks are re-measured from it.',
    }),
  ),
});

export const CalendarListQuery = PageQuery;

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The version being replaced: "3" (an ETag)' })),
});

/** A stale If-Match: the problem carries the calendar as it now is, so the editor can merge. */
export const VersionConflictSchema = Type.Object({
  ...ProblemSchema.properties,
  current: CalendarSchema,
});

export const ImportHolidaysBody = StrictObject({
  ics: Type.String({ minLength: 1, description: 'The iCalendar (RFC 5545) file as text' }),
  from: CivilDate,
  to: CivilDate,
});

export const ImportHolidaysResult = Type.Object({
  calendar: CalendarSchema,
  imported: Type.Integer({ description: 'Holidays the file had in the range' }),
  added: Type.Integer({ description: 'Of those, the ones the calendar did not already have' }),
});

const Pauses = Type.Array(StrictObject({ start: Type.String(), end: Type.String() }), {
  maxItems: 1000,
  description: 'Stretches during which the clock does not run: ISO 8601 instants with offsets',
});
/** The calendar to preview on: a stored one, or a spec being edited and not yet saved. */
const calendarChoice = {
  calendarId: Type.Optional(Uuid),
  spec: Type.Optional(Spec),
};

export const PreviewDueBody = StrictObject({
  ...calendarChoice,
  from: Type.Optional(Type.String({ description: 'ISO 8601 instant with an offset; now if left out' })),
  target: Type.String({ minLength: 1, maxLength: 50, description: 'Business time: 8h, 90m, 1h30m, PT8H' }),
  pauses: Type.Optional(Pauses),
});

export const PreviewDueResult = Type.Object({
  timeZone: Type.String(),
  from: DateTime,
  fromLocal: Type.String({ description: "The start in the calendar zone's time, with its offset" }),
  due: DateTime,
  dueLocal: Type.String({ description: "The due instant in the calendar zone's time, with its offset" }),
  businessSeconds: Type.Number({ description: 'The target, in seconds of business time' }),
  actualSeconds: Type.Number({
    description: 'Wall-clock seconds from the start to the due time, pauses excluded',
  }),
});

export const PreviewElapsedBody = StrictObject({
  ...calendarChoice,
  from: Type.String({ description: 'ISO 8601 instant with an offset' }),
  to: Type.Optional(Type.String({ description: 'ISO 8601 instant with an offset; now if left out' })),
  pauses: Type.Optional(Pauses),
});

export const PreviewElapsedResult = Type.Object({
  timeZone: Type.String(),
  from: DateTime,
  to: DateTime,
  businessSeconds: Type.Number(),
  actualSeconds: Type.Number({ description: 'Wall-clock seconds, pauses excluded' }),
});
