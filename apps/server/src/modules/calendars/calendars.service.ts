import {
  actualElapsed,
  compileCalendar,
  formatInstant,
  importICalendarHolidays,
  parseCalendarSpec,
  parseDuration,
  parseInstant,
  type BusinessCalendar,
  type CalendarSpec,
  type HolidaySpec,
  type Pause,
} from '../business-time/index.ts';
import type { Static } from 'typebox';
import { describeChanges, recordAudit, type AuditEntry } from '../../platform/audit/index.ts';
import { assertCan, auditContextOf, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { isForeignKeyViolation, refuseDuplicates, type Db, type Tx } from '../../platform/db/index.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/index.ts';
import { readCalendarHistory } from './calendar-history.ts';
import * as repo from './calendars.repository.ts';
import type {
  CreateCalendarBody,
  ReplaceCalendarBody,
  ImportHolidaysBody,
  PreviewDueBody,
  PreviewElapsedBody,
} from './calendars.schemas.ts';

export type NewCalendar = Static<typeof CreateCalendarBody>;
export type CalendarReplacement = Static<typeof ReplaceCalendarBody>;
export type CalendarRow = repo.CalendarRow;

type AuditFields = Omit<AuditEntry, 'actor' | 'requestId' | 'sourceIp'>;

const calendarAuditFields = ['name', 'description', 'spec'] as const;

/**
 * An update named a version that is no longer the current one. It carries the calendar as it now
 * is, so the client can show what changed instead of overwriting someone else's edit.
 */
export class CalendarVersionConflict extends AppError {
  constructor(readonly current: CalendarRow) {
    super(
      'CALENDAR_VERSION_CONFLICT',
      `The calendar is at version ${current.version}; reload it and apply your change again`,
    );
  }
}

/**
 * Business calendars: global reference data that SLA policies will point at. Every staff member may
 * read them and preview SLA clocks on them; admins, account managers and service-level analysts edit
 * them. Customers see neither (403): which hours a customer's SLA counts is shown with the SLA.
 * A stored spec has always passed `parseCalendarSpec`; an invalid one is refused with nothing changed.
 */
export function createCalendarsService(deps: {
  db: Db;
  clock: Clock;
  /**
   * Runs in the transaction of every change to a calendar's hours or holidays (SLA recomputation).
   * `movesFrom`: the instant the change governs from, when that is not before it was made (only
   * clocks running past it can move); null for a correction reaching into the past.
   */
  onChanged?: (
    tx: Tx,
    change: { calendarId: string; userId: string | null; movesFrom: Date | null },
  ) => Promise<unknown>;
}) {
  const { db, clock } = deps;

  function audit(tx: Tx, ctx: RequestContext | null, entry: AuditFields) {
    return recordAudit(tx, { ...auditContextOf(ctx), ...entry }, clock);
  }

  /** Keeps the new spec as a change governing from `effectiveFrom`, and asks for the recomputation. */
  async function recordChange(
    tx: Tx,
    ctx: RequestContext | null,
    after: repo.CalendarRow,
    effectiveFrom: Date,
  ) {
    await repo.insertCalendarChange(tx, after.id, {
      version: after.version,
      effectiveFrom,
      spec: after.spec,
      madeAt: after.updatedAt,
      madeBy: ctx?.actor.userId ?? null,
    });
    await deps.onChanged?.(tx, {
      calendarId: after.id,
      userId: ctx?.actor.userId ?? null,
      movesFrom: effectiveFrom >= after.updatedAt ? effectiveFrom : null,
    });
  }

  /** A stored calendar with its changes, for the maths: a span in the past reads as it was measured then. */
  async function compiled(id: string) {
    const stored = await readCalendarHistory(db, id);
    if (!stored) throw calendarNotFound();
    return stored.calendar;
  }

  async function loadCalendar(id: string) {
    const calendar = await repo.findCalendar(db, id);
    if (!calendar) throw calendarNotFound();
    return calendar;
  }

  async function calendarFor(ctx: RequestContext, input: { calendarId?: string; spec?: unknown }) {
    assertCan(ctx.actor, 'calendars:read');
    if ((input.calendarId === undefined) === (input.spec === undefined))
      throw invalid('body', 'give either calendarId (a stored calendar) or spec (a calendar being edited)');
    if (input.calendarId === undefined) return compileCalendar(readSpec(input.spec, 'body/spec'));
    return compiled(input.calendarId);
  }

  return {
    async list(ctx: RequestContext, query: { limit: number; cursor?: string | undefined }) {
      assertCan(ctx.actor, 'calendars:read');
      const after = decodeCursor(query.cursor, 2);
      const rows = await repo.listCalendars(db, {
        limit: query.limit,
        ...(after ? { after: [String(after[0]), String(after[1])] } : {}),
      });
      return toPage(rows, query.limit, (row) => [row.sortKey, row.id]);
    },

    async get(ctx: RequestContext | null, id: string) {
      if (ctx) assertCan(ctx.actor, 'calendars:read');
      return loadCalendar(id);
    },

    /** The calendar ready for the maths, with every change it has had. */
    async compiled(ctx: RequestContext | null, id: string) {
      if (ctx) assertCan(ctx.actor, 'calendars:read');
      return compiled(id);
    },

    async create(ctx: RequestContext | null, input: NewCalendar) {
      if (ctx) assertCan(ctx.actor, 'calendars:manage');
      const values = {
        name: input.name.trim(),
        description: input.description?.trim() ?? '',
        spec: readSpec(input.spec, 'body/spec'),
        createdBy: ctx?.actor.userId ?? null,
        createdAt: clock.now(),
      };
      return refuseDuplicates('CALENDAR_ALREADY_EXISTS', { business_calendars_name_key: 'body/name' }, () =>
        db.transaction().execute(async (tx) => {
          const calendar = await repo.insertCalendar(tx, values);
          await repo.insertCalendarChange(tx, calendar.id, {
            version: calendar.version,
            effectiveFrom: null,
            spec: calendar.spec,
            madeAt: values.createdAt,
            madeBy: values.createdBy,
          });
          await audit(tx, ctx, {
            action: 'calendar.created',
            entityType: 'business_calendar',
            entityId: calendar.id,
            changes: describeChanges(null, calendar, calendarAuditFields),
          });
          return calendar;
        }),
      );
    },

    /** Replaces name, description and spec, if `expectedVersion` is still the current version. */
    async replace(
      ctx: RequestContext | null,
      id: string,
      expectedVersion: number | undefined,
      input: CalendarReplacement,
    ) {
      if (ctx) assertCan(ctx.actor, 'calendars:manage');
      // Without the version edited, a replacement could silently undo someone else's change.
      if (expectedVersion === undefined)
        throw new AppError(
          'PRECONDITION_REQUIRED',
          'Send If-Match: "<version>" with the version you edited',
          {
            errors: [{ path: 'headers/if-match', message: 'required' }],
          },
        );
      const values = {
        name: input.name.trim(),
        description: input.description?.trim() ?? '',
        spec: readSpec(input.spec, 'body/spec'),
      };
      const effectiveFrom =
        input.effectiveFrom === undefined
          ? undefined
          : new Date(readInstant('body/effectiveFrom', input.effectiveFrom));
      return refuseDuplicates('CALENDAR_ALREADY_EXISTS', { business_calendars_name_key: 'body/name' }, () =>
        db.transaction().execute(async (tx) => {
          // The row lock makes check-then-write atomic: of two writers of one version, one wins.
          const before = await repo.lockCalendar(tx, id);
          if (!before) throw calendarNotFound();
          if (before.version !== expectedVersion) throw new CalendarVersionConflict(before);
          const now = clock.now();
          const after = await repo.updateCalendar(tx, id, { ...values, updatedAt: now });
          // A new name or description moves no due time; a new spec does, and so does the same spec
          // declared in force from another instant (a correction).
          const isChangeOfTime =
            JSON.stringify(before.spec) !== JSON.stringify(after.spec) || effectiveFrom !== undefined;
          const takesEffect = effectiveFrom ?? now;
          if (isChangeOfTime) await recordChange(tx, ctx, after, takesEffect);
          await audit(tx, ctx, {
            action: 'calendar.updated',
            entityType: 'business_calendar',
            entityId: id,
            changes: {
              ...describeChanges(before, after, calendarAuditFields),
              version: after.version,
              ...(isChangeOfTime ? { effectiveFrom: takesEffect.toISOString() } : {}),
            },
          });
          return after;
        }),
      );
    },

    /** Refused (409 CALENDAR_IN_USE) while a contract version or an agreement counts on it. */
    async remove(ctx: RequestContext | null, id: string) {
      if (ctx) assertCan(ctx.actor, 'calendars:manage');
      await inUseGuard(() =>
        db.transaction().execute(async (tx) => {
          const before = await repo.lockCalendar(tx, id);
          if (!before) throw calendarNotFound();
          await repo.deleteCalendar(tx, id);
          await audit(tx, ctx, {
            action: 'calendar.deleted',
            entityType: 'business_calendar',
            entityId: id,
            // What was deleted, in full: the audit log is then the only copy.
            changes: Object.fromEntries(
              calendarAuditFields.map((field) => [field, { from: before[field], to: null }]),
            ),
          });
        }),
      );
    },

    /**
     * Merges the holidays an iCalendar file has between `from` and `to` into the calendar. A holiday
     * the calendar already has (same date and hours) is kept as it is, so importing twice adds nothing.
     * A merge, not a replacement, so it needs no If-Match: it cannot undo a concurrent edit.
     */
    async importHolidays(ctx: RequestContext | null, id: string, input: Static<typeof ImportHolidaysBody>) {
      if (ctx) assertCan(ctx.actor, 'calendars:manage');
      return db.transaction().execute(async (tx) => {
        const before = await repo.lockCalendar(tx, id);
        if (!before) throw calendarNotFound();
        const spec = before.spec as CalendarSpec;
        const imported = withPathPrefix('body', () =>
          importICalendarHolidays(input.ics, { timeZone: spec.timeZone, from: input.from, to: input.to }),
        );
        const existing = spec.holidays ?? [];
        const known = new Set(existing.map(holidayKey));
        const added = imported.filter((holiday) => {
          const key = holidayKey(holiday);
          if (known.has(key)) return false;
          known.add(key);
          return true;
        });
        if (added.length === 0) return { calendar: before, imported: imported.length, added: 0 };
        const holidays = [...existing, ...added].sort((a, b) => holidayKey(a).localeCompare(holidayKey(b)));
        const merged = readSpec({ ...spec, holidays }, 'body/ics');
        const now = clock.now();
        const after = await repo.updateCalendar(tx, id, {
          name: before.name,
          description: before.description,
          spec: merged,
          updatedAt: now,
        });
        // From now, as any change: a holiday already past when it is imported moves no clock.
        await recordChange(tx, ctx, after, now);
        await audit(tx, ctx, {
          action: 'calendar.holidays_imported',
          entityType: 'business_calendar',
          entityId: id,
          changes: { holidaysAdded: added, version: after.version },
        });
        return { calendar: after, imported: imported.length, added: added.length };
      });
    },

    /** "If a case opened at `from` (now by default), when is `target` of business time due?" */
    async previewDue(ctx: RequestContext, input: Static<typeof PreviewDueBody>) {
      const calendar = await calendarFor(ctx, input);
      const from = input.from === undefined ? clock.now().getTime() : readInstant('body/from', input.from);
      const target = parseDuration(input.target);
      if (target === undefined)
        throw invalid(
          'body/target',
          'is not a duration: give hours, minutes or seconds (8h, 90m, 1h30m, PT8H)',
        );
      const pauses = readPauses(input.pauses ?? []);
      const due = calendar.addBusinessTime(from, target, pauses);
      return {
        timeZone: calendar.timeZone,
        ...instants(calendar, { from, due }),
        businessSeconds: target / 1000,
        actualSeconds: actualElapsed(from, due, pauses) / 1000,
      };
    },

    /** Business and wall-clock time between two instants (to: now by default), pauses excluded. */
    async previewElapsed(ctx: RequestContext, input: Static<typeof PreviewElapsedBody>) {
      const calendar = await calendarFor(ctx, input);
      const from = readInstant('body/from', input.from);
      const to = input.to === undefined ? clock.now().getTime() : readInstant('body/to', input.to);
      if (to < from) throw invalid('body/to', 'must not be before from');
      const pauses = readPauses(input.pauses ?? []);
      return {
        timeZone: calendar.timeZone,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        businessSeconds: calendar.businessElapsed(from, to, pauses) / 1000,
        actualSeconds: actualElapsed(from, to, pauses) / 1000,
      };
    },
  };
}

export type CalendarsService = ReturnType<typeof createCalendarsService>;

function instants(calendar: BusinessCalendar, at: { from: number; due: number }) {
  return {
    from: new Date(at.from).toISOString(),
    fromLocal: formatInstant(at.from, calendar.timeZone),
    due: new Date(at.due).toISOString(),
    dueLocal: formatInstant(at.due, calendar.timeZone),
  };
}

/** Validates a calendar's JSON form; problems are named by where they are in the request. */
function readSpec(input: unknown, path: string): CalendarSpec {
  return withPathPrefix(path, () => parseCalendarSpec(input));
}

/** The maths names problems within its own input (`/timeZone`, `line 3`); the client needs the request path. */
function withPathPrefix<T>(prefix: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isAppError(error) || !error.extra.errors) throw error;
    throw new AppError(error.code, error.message, {
      ...error.extra,
      errors: error.extra.errors.map((problem) => ({
        ...problem,
        path:
          problem.path.startsWith('/') || problem.path === ''
            ? `${prefix}${problem.path}`
            : `${prefix}/${problem.path}`,
      })),
    });
  }
}

/** A whole day is its date, however it is written; part of a day adds its hours. */
function holidayKey(holiday: HolidaySpec): string {
  if (typeof holiday === 'string') return holiday;
  return holiday.from === undefined ? holiday.date : `${holiday.date} ${holiday.from}-${holiday.to ?? ''}`;
}

function readInstant(path: string, text: string): number {
  const instant = parseInstant(text);
  if (instant === undefined)
    throw invalid(path, 'is not an ISO 8601 instant with an offset (2026-03-02T09:00:00+00:00 or …Z)');
  return instant;
}

function readPauses(pauses: readonly { start: string; end: string }[]): Pause[] {
  return pauses.map((pause, index) => {
    const start = readInstant(`body/pauses/${index}/start`, pause.start);
    const end = readInstant(`body/pauses/${index}/end`, pause.end);
    if (end < start) throw invalid(`body/pauses/${index}/end`, 'must not be before start');
    return { start, end };
  });
}

function invalid(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', `${path.replace(/^body\/?/, '') || 'body'} ${message}`, {
    errors: [{ path, message }],
  });
}

function calendarNotFound() {
  return new AppError('CALENDAR_NOT_FOUND', 'No such business calendar');
}

/**
 * Contract versions and agreements reference the calendars their clocks count on, RESTRICT: the
 * database refuses the delete, and that becomes a clear 409 instead of a 500.
 */
async function inUseGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isForeignKeyViolation(error))
      throw new AppError(
        'CALENDAR_IN_USE',
        'SLA policies of contracts or agreements count on this calendar; change them to another calendar first',
      );
    throw error;
  }
}
