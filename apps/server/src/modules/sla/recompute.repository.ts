import { sql, type ColumnType, type RawBuilder } from 'kysely';
import { withModuleTables, type Executor, type Tx } from '../../platform/db/index.ts';
import type { ClockRow, QueueSummary } from './sla.repository.ts';

/**
 * Kysely only: the recomputation runs (their own table) and the set-based reads and writes a run
 * does per batch of cases — their stored checks, their clocks, their queue summary — one statement
 * each instead of one per case (their events come from the cases module, `histories`). The per-case
 * forms of the same writes are in sla.repository.ts.
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
  /** A calendar run: only clocks running past this instant can move (NULL: every open clock). */
  movesFrom: Date | null;
}

// A type, not an interface: withTables needs an index-compatible record.
export type RecomputeTables = { slaRecomputations: SlaRecomputationsTable };

const tables = (executor: Executor) => withModuleTables<RecomputeTables>(executor);

export interface RunTarget {
  trigger: RecomputeTrigger;
  triggerId: string | null;
  scope: RecomputeScope;
  scopeId: string | null;
  /** A calendar run's narrowing (migration 0021); null or absent: every open case in scope. */
  movesFrom?: Date | null;
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
  'movesFrom',
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

/**
 * A request coalesced into a queued run: the run's narrowing widens to cover it (the earlier
 * instant; none when either has none).
 */
export async function widenQueuedRun(tx: Tx, runId: string, movesFrom: Date | null) {
  await tables(tx)
    .updateTable('slaRecomputations')
    .set({
      movesFrom:
        movesFrom === null
          ? null
          : sql<Date | null>`case when moves_from is null then null else least(moves_from, ${movesFrom}) end`,
    })
    .where('id', '=', runId)
    .where('status', '=', 'queued')
    .execute();
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
function calendarCases(calendarId: string, movesFrom: Date | null) {
  // Narrowed: a clock can move only if it still runs past the instant (see migration 0021).
  const canMove = movesFrom === null ? sql`true` : sql`c.status = 'running' and c.due_at > ${movesFrom}`;
  return sql`select distinct c.account_id, c.case_id
    from sla_clocks c
    join cases k on k.account_id = c.account_id and k.id = c.case_id and ${openCase}
    where c.calendar_id = ${calendarId}::uuid and c.status in ('running', 'paused') and ${canMove}`;
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

/** The cases a run covers: its scope, and a calendar run's narrowing. */
type RunScope = Pick<RunRow, 'scope' | 'scopeId' | 'movesFrom'>;

function scopedCases({ scope, scopeId, movesFrom }: RunScope): RawBuilder<unknown> {
  if (scope === 'calendar') return calendarCases(scopeId!, movesFrom);
  const filter =
    scope === 'all'
      ? sql`true`
      : scope === 'vendor'
        ? vendorFilter(scopeId!)
        : sql`${sql.ref(scope === 'account' ? 'k.account_id' : 'k.team_id')} = ${scopeId}::uuid`;
  return sql`select k.account_id, k.id as case_id from cases k where ${openCase} and ${filter}`;
}

export async function countCases(executor: Executor, run: RunScope) {
  const { rows } = await sql<{
    n: string;
  }>`select count(*) as n from (${scopedCases(run)}) s`.execute(executor);
  return Number(rows[0]!.n);
}

/** The next `limit` cases after `after` (keyset: an index range, however far the run has got). */
export async function nextCases(
  executor: Executor,
  run: RunScope,
  after: CaseKey | null,
  limit: number,
): Promise<CaseKey[]> {
  const [accountColumn, caseColumnName] =
    run.scope === 'calendar' ? ['c.account_id', 'c.case_id'] : ['k.account_id', 'k.id'];
  const keyset =
    after === null
      ? sql`true`
      : sql`(${sql.ref(accountColumn)}, ${sql.ref(caseColumnName)}) > (${after.accountId}::uuid, ${after.caseId}::uuid)`;
  const { rows } = await sql<CaseKey>`${scopedCases(run)} and ${keyset}
    order by 1, 2 limit ${limit}`.execute(executor);
  return rows;
}

// A batch's reads and writes

/** A batch's case keys as a relation `b(account_id, case_id)`. */
function batchKeys(keys: CaseKey[]) {
  return sql`unnest(${sql.val(keys.map((key) => key.accountId))}::uuid[],
    ${sql.val(keys.map((key) => key.caseId))}::uuid[]) as b(account_id, case_id)`;
}

/** Epoch milliseconds as a timestamptz (numbers bind and parse cheaper than dates as text). */
const instant = (column: string) =>
  sql`(timestamptz 'epoch' + ${sql.ref(column)} * interval '1 millisecond')`;
const epochMs = (date: Date | null) => (date === null ? null : date.getTime());

/**
 * What a clock's row says about its schedule. The other columns — remaining_ms and
 * business_elapsed_ms — are figures as of updated_at that move with time alone; a row whose schedule
 * did not change keeps them (still true as of its updated_at) and is not rewritten.
 */
const scheduleColumns = [
  'contract_id',
  'contract_version',
  'agreement_id',
  'policy_name',
  'status',
  'target_ms',
  'calendar_id',
  'started_at',
  'pauses',
  'due_at',
  'breached_at',
  'stopped_at',
  'warnings',
];
/** Everything a clock's row holds besides its key and updated_at. */
const valueColumns = [...scheduleColumns, 'remaining_ms', 'business_elapsed_ms'];

/**
 * A batch's writes in one statement, the per-case `replaceClocks` and `setQueueSummary` for many
 * cases: the clocks whose schedule changed updated and new ones inserted (rows whose schedule did
 * not change are left as they are), the batch's clocks no longer produced deleted, the queue
 * summaries that changed updated. Returns, per case, the soonest instant from `now` on at which
 * its clocks as stored before warned or fell due: the check the per-case path scheduled when it
 * stored them. The cases' rows are locked by the caller, so no other writer touches these meanwhile.
 */
export async function writeBatch(
  tx: Tx,
  keys: CaseKey[],
  clocks: Array<CaseKey & { clock: ClockRow }>,
  summaries: Array<CaseKey & { summary: QueueSummary }>,
  now: Date,
): Promise<Map<string, number>> {
  // The rows as one JSON text, read by json_to_recordset: V8 writes JSON natively, where array
  // parameters are escaped element by element in JavaScript; instants as epoch milliseconds.
  const produced = JSON.stringify(
    clocks.map(({ accountId, caseId, clock }) => ({
      a: accountId,
      k: caseId,
      so: clock.source,
      m: clock.metric,
      cy: clock.cycle,
      ci: clock.contractId,
      cv: clock.contractVersion,
      ag: clock.agreementId,
      pn: clock.policyName,
      st: clock.status,
      t: clock.targetMs,
      ca: clock.calendarId,
      sa: clock.startedAt.getTime(),
      pa: clock.pauses,
      du: epochMs(clock.dueAt),
      r: clock.remainingMs,
      be: clock.businessElapsedMs,
      br: epochMs(clock.breachedAt),
      sp: epochMs(clock.stoppedAt),
      w: clock.warnings,
    })),
  );
  const { rows } = await sql<{ caseId: string; at: Date }>`
    with stored_checks as (
      select c.case_id, min(i.at) as at
      from ${batchKeys(keys)}
      join sla_clocks c on c.account_id = b.account_id and c.case_id = b.case_id
      cross join lateral (
        select c.due_at as at
        union all
        select (w ->> 'at')::timestamptz from jsonb_array_elements(c.warnings) w
      ) i
      where c.status = 'running' and i.at >= ${now}
      group by c.case_id
    ),
    produced as (
      -- In the table's terms: full column names, instants as timestamps.
      select a as account_id, k as case_id, so as source, m as metric, cy as cycle, ci as contract_id,
        cv as contract_version, ag as agreement_id, pn as policy_name, st as status, t as target_ms,
        ca as calendar_id, ${instant('sa')} as started_at, pa as pauses, ${instant('du')} as due_at,
        r as remaining_ms, be as business_elapsed_ms, ${instant('br')} as breached_at,
        ${instant('sp')} as stopped_at, w as warnings
      from json_to_recordset(${produced}::json) as p(a uuid, k uuid, so text, m text, cy integer,
        ci uuid, cv integer, ag uuid, pn text, st text, t bigint, ca uuid, sa bigint, pa jsonb,
        du bigint, r bigint, be bigint, br bigint, sp bigint, w jsonb)
    ),
    -- Cases locked, so no one else writes their clocks meanwhile: an UPDATE of the rows whose
    -- schedule changed (an unchanged row is compared, not locked or rewritten, where ON CONFLICT
    -- would lock every row) and an INSERT of the new ones, which both read the same snapshot.
    updated as (
      update sla_clocks c set ${sql.join(
        valueColumns.map((name) => sql`${sql.id(name)} = n.${sql.id(name)}`),
      )}, updated_at = ${now}
      from produced n
      where c.account_id = n.account_id and c.case_id = n.case_id and c.source = n.source
        and c.metric = n.metric and c.cycle = n.cycle
        and (${sql.join(scheduleColumns.map((name) => sql.ref(`c.${name}`)))})
          is distinct from (${sql.join(scheduleColumns.map((name) => sql.ref(`n.${name}`)))})
    ),
    inserted as (
      insert into sla_clocks (account_id, case_id, source, metric, cycle, ${sql.join(
        valueColumns.map((name) => sql.id(name)),
      )}, updated_at)
      select account_id, case_id, source, metric, cycle, ${sql.join(
        valueColumns.map((name) => sql.ref(`n.${name}`)),
      )}, ${now}
      from produced n
      where not exists (
        select 1 from sla_clocks c
        where c.account_id = n.account_id and c.case_id = n.case_id and c.source = n.source
          and c.metric = n.metric and c.cycle = n.cycle)
    ),
    removed as (
      delete from sla_clocks c
      using ${batchKeys(keys)}
      where c.account_id = b.account_id and c.case_id = b.case_id
        and (c.case_id, c.source, c.metric, c.cycle) not in (
          select p.case_id, p.source, p.metric, p.cycle from produced p)
    ),
    summarised as (
      update case_queue q set next_due_at = v.next_due_at, sla_at_risk_at = v.sla_at_risk_at,
        sla_breach_at = v.sla_breach_at
      from (
        select s.account_id, s.id, ${instant('next_due_ms')} as next_due_at,
          ${instant('at_risk_ms')} as sla_at_risk_at, ${instant('breach_ms')} as sla_breach_at
        from unnest(${sql.val(summaries.map((entry) => entry.accountId))}::uuid[],
          ${sql.val(summaries.map((entry) => entry.caseId))}::uuid[],
          ${sql.val(summaries.map((entry) => epochMs(entry.summary.nextDueAt)))}::bigint[],
          ${sql.val(summaries.map((entry) => epochMs(entry.summary.slaAtRiskAt)))}::bigint[],
          ${sql.val(summaries.map((entry) => epochMs(entry.summary.slaBreachAt)))}::bigint[]
        ) as s(account_id, id, next_due_ms, at_risk_ms, breach_ms)
      ) v
      where q.account_id = v.account_id and q.case_id = v.id
        and (q.next_due_at, q.sla_at_risk_at, q.sla_breach_at)
          is distinct from (v.next_due_at, v.sla_at_risk_at, v.sla_breach_at)
    )
    -- The writes above run to completion whether or not this reads them; all of them, and this,
    -- see the clocks as they were before the statement.
    select case_id, at from stored_checks`.execute(tx);
  return new Map(rows.map((row) => [row.caseId, row.at.getTime()]));
}
