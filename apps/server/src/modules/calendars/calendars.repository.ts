import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';

/**
 * Kysely only: no rules here. Business calendars are global reference data (no account), so reads
 * take no Scope; the service decides who may read them at all.
 */

const calendarColumns = [
  'businessCalendars.id',
  'businessCalendars.name',
  'businessCalendars.description',
  // As text: the driver and the CamelCasePlugin would otherwise rewrite the spec's keys.
  sql<string>`business_calendars.spec::text`.as('specJson'),
  'businessCalendars.version',
  'businessCalendars.createdBy',
  'businessCalendars.createdAt',
  'businessCalendars.updatedAt',
] as const;

export interface CalendarRow {
  id: string;
  name: string;
  description: string;
  spec: unknown;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function toRow({ specJson, ...row }: Omit<CalendarRow, 'spec'> & { specJson: string }): CalendarRow {
  return { ...row, spec: JSON.parse(specJson) as unknown };
}

export async function findCalendar(db: Executor, id: string): Promise<CalendarRow | undefined> {
  const row = await db
    .selectFrom('businessCalendars')
    .select(calendarColumns)
    .where('businessCalendars.id', '=', id)
    .executeTakeFirst();
  return row && toRow(row);
}

/**
 * Ordered by (lower(name), id): the page key of the list. `sortKey` is lower(name) as the database
 * computes it, so the next page's cursor matches the ORDER BY exactly (JavaScript's toLowerCase
 * differs from PostgreSQL's lower() for a few letters).
 */
export async function listCalendars(
  db: Executor,
  page: { limit: number; after?: [name: string, id: string] },
): Promise<Array<CalendarRow & { sortKey: string }>> {
  let query = db
    .selectFrom('businessCalendars')
    .select(calendarColumns)
    .select(sql<string>`lower(business_calendars.name)`.as('sortKey'));
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(
        eb.tuple(sql<string>`lower(business_calendars.name)`, eb.ref('businessCalendars.id')),
        '>',
        eb.tuple(after[0], after[1]),
      ),
    );
  }
  const rows = await query
    .orderBy(sql`lower(business_calendars.name)`)
    .orderBy('businessCalendars.id')
    .limit(page.limit + 1)
    .execute();
  return rows.map((row) => ({ ...toRow(row), sortKey: row.sortKey }));
}

export async function insertCalendar(
  tx: Tx,
  values: { name: string; description: string; spec: unknown; createdBy: string | null; createdAt: Date },
): Promise<CalendarRow> {
  const row = await tx
    .insertInto('businessCalendars')
    .values({ ...values, spec: JSON.stringify(values.spec), updatedAt: values.createdAt })
    .returning(calendarColumns)
    .executeTakeFirstOrThrow();
  return toRow(row);
}

export async function lockCalendar(tx: Tx, id: string): Promise<CalendarRow | undefined> {
  const row = await tx
    .selectFrom('businessCalendars')
    .select(calendarColumns)
    .where('businessCalendars.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toRow(row);
}

/** Writes the new state and bumps the version; the caller holds the row lock and checked the version. */
export async function updateCalendar(
  tx: Tx,
  id: string,
  values: { name: string; description: string; spec: unknown; updatedAt: Date },
): Promise<CalendarRow> {
  const row = await tx
    .updateTable('businessCalendars')
    .set((eb) => ({ ...values, spec: JSON.stringify(values.spec), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returning(calendarColumns)
    .executeTakeFirstOrThrow();
  return toRow(row);
}

export async function deleteCalendar(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('businessCalendars').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A change of the calendar's spec at `version`, governing from `effectiveFrom` (null: from the beginning). */
export interface CalendarChangeRow {
  version: number;
  effectiveFrom: Date | null;
  spec: unknown;
  madeAt: Date;
  madeBy: string | null;
}

export async function insertCalendarChange(tx: Tx, calendarId: string, change: CalendarChangeRow) {
  await tx
    .insertInto('businessCalendarChanges')
    .values({ calendarId, ...change, spec: JSON.stringify(change.spec) })
    .execute();
}

/**
 * The calendar's changes in the order they were made (version order), with the calendar's current
 * version read in the same statement; none for no such calendar.
 */
export async function listCalendarChanges(
  executor: Executor,
  calendarId: string,
): Promise<Array<CalendarChangeRow & { calendarVersion: number }>> {
  const rows = await executor
    .selectFrom('businessCalendarChanges as change')
    .innerJoin('businessCalendars as calendar', 'calendar.id', 'change.calendarId')
    .select([
      'change.version',
      'change.effectiveFrom',
      sql<string>`change.spec::text`.as('specJson'),
      'change.madeAt',
      'change.madeBy',
      'calendar.version as calendarVersion',
    ])
    .where('change.calendarId', '=', calendarId)
    .orderBy('change.version')
    .execute();
  return rows.map(({ specJson, ...row }) => ({ ...row, spec: JSON.parse(specJson) as unknown }));
}
