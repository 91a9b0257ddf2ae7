import { sql, type ColumnType, type RawBuilder } from 'kysely';
import { withModuleTables, type Executor, type Tx } from '../../platform/db/index.ts';
import type { ClockRow, QueueSummary } from './sla.repository.ts';
import type { HistoryRow } from './sla-engine.ts';

/**
 * Kysely only: the recomputation runs (their own table) and the set-based reads and writes a run
 * does per batch of cases — their events, their clocks, their queue summary — one statement each
 * instead of one per case. The per-case forms of the same writes are in sla.repository.ts.
 */

export type RecomputeTrigger = 'calendar' | 'contract' | 'agreement' | 'manual';
export type RecomputeScope = 'all' | 'calendar' | 'account' | 'team' | 'vendor';
export type RecomputeStatus = 'queued' | 'running' | 'done' | 'failed';

interface SlaRecomputationsTable {
  id: ColumnType<string, never, never>;
  trigger: RecomputeTrigger;
  triggerId: string | null;
  scope: RecomputeScope;
  scopeId: string | null;
  requestedBy: string | null;
  status: ColumnType<RecomputeStatus, RecomputeStatus | undefined, RecomputeStatus>;
  totalCases: number | null;
  casesDone: ColumnType<number, never, number>;
  /** bigint: the driver gives it back as a decimal string. */
  clocksWritten: ColumnType<string, never, number>;
  afterAccountId: string | null;
  afterCaseId: string | null;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
}

// A type, not an interface: withTables needs an index-compatible record.
export type RecomputeTables = { slaRecomputations: SlaRecomputationsTable };

const tables = (executor: Executor) => withModuleTables<RecomputeTables>(executor);

export interface RunTarget {
  trigger: RecomputeTrigger;
  triggerId: string | null;
  scope: RecomputeScope;
  scopeId: string | null;
}

export type RunRow = Awaited<ReturnType<typeof findRun>> & {};

const runColumns = [
  'id',
  'trigger',
  'triggerId',
  'scope',
  'scopeId',
  'requestedBy',
  'status',
  'totalCases',
  'casesDone',
  'clocksWritten',
  'afterAccountId',
  'afterCaseId',
  'requestedAt',
  'startedAt',
  'finishedAt',
  'error',
] as const;

// Runs

/**
 * A new queued run, or undefined when one for the same scope is already queued (the unique index
 * on queued runs decides, so two processes asking at once still queue one).
 */
export function insertRun(tx: Tx, values: RunTarget & { requestedBy: string | null; requestedAt: Date }) {
  return tables(tx)
    .insertInto('slaRecomputations')
    .values(values)
    .onConflict((oc) =>
      oc
        .expression(sql`scope, (coalesce(scope_id, '00000000-0000-0000-0000-000000000000'))`)
        .where('status', '=', 'queued')
        .doNothing(),
    )
    .returning(runColumns)
    .executeTakeFirst();
}

export function findQueuedRun(executor: Executor, scope: RecomputeScope, scopeId: string | null) {
  return tables(executor)
    .selectFrom('slaRecomputations')
    .select(runColumns)
    .where('status', '=', 'queued')
    .where('scope', '=', scope)
    .where(sql<boolean>`scope_id is not distinct from ${scopeId}::uuid`)
    .executeTakeFirst();
}

export function findRun(executor: Executor, id: string) {
  return tables(executor)
    .selectFrom('slaRecomputations')
    .select(runColumns)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Holds the run's row: one attempt at a time advances it. */
export function lockRun(tx: Tx, id: string) {
  return tables(tx)
    .selectFrom('slaRecomputations')
    .select(runColumns)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Newest first; `after` is the last row's (requestedAt ISO, id). */
export function listRuns(executor: Executor, page: { limit: number; after?: [string, string] }) {
  return tables(executor)
    .selectFrom('slaRecomputations')
    .select(runColumns)
    .$if(page.after !== undefined, (query) =>
      query.where(
        sql<boolean>`(requested_at, id) < (${page.after![0]}::timestamptz, ${page.after![1]}::uuid)`,
      ),
    )
    .orderBy('requestedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

export async function startRun(tx: Tx, id: string, values: { totalCases: number; startedAt: Date }) {
  await tables(tx)
    .updateTable('slaRecomputations')
    .set({ ...values, status: 'running' })
    .where('id', '=', id)
    .execute();
}

/** A batch committed: progress and the place to go on from. */
export async function advanceRun(
  tx: Tx,
  id: string,
  batch: { cases: number; clocks: number; after: CaseKey },
) {
  await tables(tx)
    .updateTable('slaRecomputations')
    .set({
      casesDone: sql<number>`cases_done + ${batch.cases}`,
      clocksWritten: sql<number>`clocks_written + ${batch.clocks}`,
      afterAccountId: batch.after.accountId,
      afterCaseId: batch.after.caseId,
    })
    .where('id', '=', id)
    .execute();
}

export async function finishRun(
  executor: Executor,
  id: string,
  values: { status: 'done' | 'failed'; finishedAt: Date; error?: string },
) {
  await tables(executor)
    .updateTable('slaRecomputations')
    .set(values)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

// What a manual run may name

export async function calendarExists(executor: Executor, id: string) {
  return (
    (await executor.selectFrom('businessCalendars').select('id').where('id', '=', id).executeTakeFirst()) !==
    undefined
  );
}

export async function accountExists(executor: Executor, id: string) {
  return (
    (await executor.selectFrom('accounts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

// The cases in a run's scope: open ones, in keyset order (account, case)

export interface CaseKey {
  accountId: string;
  caseId: string;
}

const openCase = sql<boolean>`k.status not in ('resolved', 'closed')`;

/** Open cases with an open (running or paused) clock on the calendar. */
function calendarCases(calendarId: string) {
  return sql`select distinct c.account_id, c.case_id
    from sla_clocks c
    join cases k on k.account_id = c.account_id and k.id = c.case_id and ${openCase}
    where c.calendar_id = ${calendarId}::uuid and c.status in ('running', 'paused')`;
}

/**
 * A vendor's: escalated to it now, or with underpinning clocks under one of its contracts (the
 * clocks follow the escalation events, so a case escalated to the vendor before has them).
 */
function vendorFilter(vendorId: string) {
  return sql`(k.vendor_id = ${vendorId}::uuid or exists (
    select 1 from sla_clocks c join operational_agreements a on a.id = c.agreement_id
    where c.account_id = k.account_id and c.case_id = k.id and c.source = 'underpinning'
      and a.vendor_id = ${vendorId}::uuid))`;
}

function scopedCases(scope: RecomputeScope, scopeId: string | null): RawBuilder<unknown> {
  if (scope === 'calendar') return calendarCases(scopeId!);
  const filter =
    scope === 'all'
      ? sql`true`
      : scope === 'vendor'
        ? vendorFilter(scopeId!)
        : sql`${sql.ref(scope === 'account' ? 'k.account_id' : 'k.team_id')} = ${scopeId}::uuid`;
  return sql`select k.account_id, k.id as case_id from cases k where ${openCase} and ${filter}`;
}

export async function countCases(executor: Executor, scope: RecomputeScope, scopeId: string | null) {
  const { rows } = await sql<{
    n: string;
  }>`select count(*) as n from (${scopedCases(scope, scopeId)}) s`.execute(executor);
  return Number(rows[0]!.n);
}

/** The next `limit` cases after `after` (keyset: an index range, however far the run has got). */
export async function nextCases(
  executor: Executor,
  scope: RecomputeScope,
  scopeId: string | null,
  after: CaseKey | null,
  limit: number,
): Promise<CaseKey[]> {
  const [accountColumn, caseColumnName] =
    scope === 'calendar' ? ['c.account_id', 'c.case_id'] : ['k.account_id', 'k.id'];
  const keyset =
    after === null
      ? sql`true`
      : sql`(${sql.ref(accountColumn)}, ${sql.ref(caseColumnName)}) > (${after.accountId}::uuid, ${after.caseId}::uuid)`;
  const { rows } = await sql<CaseKey>`${scopedCases(scope, scopeId)} and ${keyset}
    order by 1, 2 limit ${limit}`.execute(executor);
  return rows;
}

// A batch's reads and writes

function batchKeys(keys: CaseKey[]) {
  return sql`select * from unnest(${sql.val(keys.map((key) => key.accountId))}::uuid[],
    ${sql.val(keys.map((key) => key.caseId))}::uuid[]) as b(account_id, case_id)`;
}

/** Each case's events in the order they were appended (what `events` gives one case). */
export async function listHistories(executor: Executor, keys: CaseKey[]) {
  const { rows } = await sql<{ caseId: string; type: string; at: Date; dataJson: string }>`
    select e.case_id, e.type, e.at, e.data::text as data_json
    from (${batchKeys(keys)}) b
    join case_events e on e.account_id = b.account_id and e.case_id = b.case_id
    order by e.account_id, e.case_id, e.seq`.execute(executor);
  const histories = new Map<string, HistoryRow[]>();
  for (const row of rows) {
    let history = histories.get(row.caseId);
    if (!history) histories.set(row.caseId, (history = []));
    history.push({ type: row.type, at: row.at, data: JSON.parse(row.dataJson) as Record<string, unknown> });
  }
  return histories;
}

/**
 * Per case, the soonest instant from `now` on at which its stored running clocks warn or fall
 * due: the check the per-case path scheduled for it when it stored them.
 */
export async function soonestStoredChecks(executor: Executor, keys: CaseKey[], now: Date) {
  const { rows } = await sql<{ caseId: string; at: Date }>`
    select c.case_id, min(i.at) as at
    from (${batchKeys(keys)}) b
    join sla_clocks c on c.account_id = b.account_id and c.case_id = b.case_id
    cross join lateral (
      select c.due_at as at
      union all
      select (w ->> 'at')::timestamptz from jsonb_array_elements(c.warnings) w
    ) i
    where c.status = 'running' and i.at >= ${now}
    group by c.case_id`.execute(executor);
  return new Map(rows.map((row) => [row.caseId, row.at.getTime()]));
}

const clockKey = ['account_id', 'case_id', 'source', 'metric', 'cycle'];

/**
 * The per-case `replaceClocks` for many cases: upserts the batch's clocks (an update of a clock
 * that exists skips the foreign-key check an insert makes) and deletes the batch's clocks no longer
 * produced. The cases' rows are locked by the caller, so no other writer touches these clocks meanwhile.
 */
export async function replaceBatchClocks(
  tx: Tx,
  keys: CaseKey[],
  clocks: Array<CaseKey & { clock: ClockRow }>,
  now: Date,
) {
  const rows = clocks.map(({ accountId, caseId, clock }) =>
    snakeCased({ accountId, caseId, ...clock, updatedAt: now }),
  );
  const json = JSON.stringify(rows);
  if (rows.length > 0) {
    // Columns by name from the rows themselves: the upsert writes whatever a ClockRow holds.
    const columns = Object.keys(rows[0]!);
    await sql`insert into sla_clocks (${sql.join(columns.map((column) => sql.id(column)))})
      select ${sql.join(columns.map((column) => sql.ref(`r.${column}`)))}
      from jsonb_populate_recordset(null::sla_clocks, ${json}::jsonb) r
      on conflict (${sql.join(clockKey.map((column) => sql.id(column)))}) do update set ${sql.join(
        columns
          .filter((column) => !clockKey.includes(column))
          .map((column) => sql`${sql.id(column)} = excluded.${sql.id(column)}`),
      )}`.execute(tx);
  }
  // NOT IN over the written keys: a hashed lookup per stored clock, not a scan of the batch's rows.
  await sql`delete from sla_clocks c
    using (${batchKeys(keys)}) b
    where c.account_id = b.account_id and c.case_id = b.case_id
      and (c.case_id, c.source, c.metric, c.cycle) not in (
        select r.case_id, r.source, r.metric, r.cycle
        from jsonb_to_recordset(${json}::jsonb) as r(case_id uuid, source text, metric text, cycle integer)
      )`.execute(tx);
}

/** The per-case `setQueueSummary` for many cases: one UPDATE, rows whose summary did not change untouched. */
export async function setQueueSummaries(tx: Tx, summaries: Array<CaseKey & { summary: QueueSummary }>) {
  if (summaries.length === 0) return;
  const rows = summaries.map(({ accountId, caseId, summary }) =>
    snakeCased({ accountId, id: caseId, ...summary }),
  );
  const columns = Object.keys(rows[0]!).filter((column) => column !== 'account_id' && column !== 'id');
  const target = (column: string) => sql.ref(`cases.${column}`);
  const source = (column: string) => sql.ref(`v.${column}`);
  await sql`update cases set ${sql.join(columns.map((column) => sql`${sql.id(column)} = ${source(column)}`))}
    from jsonb_populate_recordset(null::cases, ${JSON.stringify(rows)}::jsonb) v
    where cases.account_id = v.account_id and cases.id = v.id
      and (${sql.join(columns.map(target))}) is distinct from (${sql.join(columns.map(source))})`.execute(tx);
}

const snakeNames = new Map<string, string>();

/** Column names for a row's camelCase keys (remembered: a run names the same few thousands of times). */
function snakeCased(row: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key in row) {
    let name = snakeNames.get(key);
    if (name === undefined) {
      name = key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
      snakeNames.set(key, name);
    }
    result[name] = row[key];
  }
  return result;
}
