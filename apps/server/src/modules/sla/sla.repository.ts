import { sql, type ColumnType } from 'kysely';
import type { CaseChannel, CaseStatus, CaseType, Priority, SlaMetric } from '@paydesk/shared';
import { withModuleTables, type Executor, type Tx } from '../../platform/db/index.ts';
import type { CaseTables } from '../cases/index.ts';
import type { ClockStatus } from '../sla-clocks/index.ts';

/**
 * Kysely only: no rules here. The SLA engine reads a case's facts (and keeps the due time, at-risk
 * and breach instants of its `case_queue` row, which it owns), a calendar's stored spec and version,
 * and team leads; its own tables are the clocks, the alert claims and the penalties.
 */

export type ClockSource = 'customer' | 'ola' | 'underpinning';

/** bigint: the driver gives int8 back as a decimal string. */
type BigIntMs = ColumnType<string, number, number>;

interface SlaClocksTable {
  accountId: string;
  caseId: string;
  source: ClockSource;
  metric: SlaMetric;
  cycle: number;
  contractId: string | null;
  contractVersion: number | null;
  agreementId: string | null;
  policyName: string;
  status: ClockStatus;
  targetMs: BigIntMs;
  calendarId: string | null;
  startedAt: Date;
  /** jsonb, written as JSON text; read back as text so no plugin rewrites its keys. */
  pauses: ColumnType<unknown, string, string>;
  dueAt: Date | null;
  remainingMs: BigIntMs;
  businessElapsedMs: BigIntMs;
  breachedAt: Date | null;
  stoppedAt: Date | null;
  warnings: ColumnType<unknown, string, string>;
  updatedAt: Date;
}

interface SlaAlertsTable {
  accountId: string;
  caseId: string;
  source: ClockSource;
  metric: SlaMetric;
  cycle: number;
  threshold: number;
  reachedAt: Date;
  claimedAt: Date;
  pendingActions: ColumnType<unknown, string, string>;
  raiseTo: Priority | null;
}

interface SlaPenaltiesTable {
  accountId: string;
  id: ColumnType<string, never, never>;
  contractId: string;
  contractVersion: number;
  caseId: string;
  metric: SlaMetric;
  cycle: number;
  priority: Priority;
  amountMinor: ColumnType<string, string, never>;
  currency: string;
  accruedAt: Date;
}

// A type, not an interface: withTables needs an index-compatible record.
export type SlaTables = {
  slaClocks: SlaClocksTable;
  slaAlerts: SlaAlertsTable;
  slaPenalties: SlaPenaltiesTable;
};

const tables = (executor: Executor) => withModuleTables<SlaTables & CaseTables>(executor);

// Cases

/** What decides which policies govern a case, and who hears about its clocks. */
export interface CaseFacts {
  accountId: string;
  id: string;
  /** bigint, as the driver gives it: a decimal string. */
  number: string;
  type: CaseType;
  status: CaseStatus;
  priority: Priority;
  channel: CaseChannel;
  serviceCode: string | null;
  teamId: string | null;
  assigneeId: string | null;
  openedAt: Date;
  accountTimeZone: string;
}

function selectFacts(executor: Executor) {
  return tables(executor)
    .selectFrom('cases')
    .innerJoin('accounts as account', 'account.id', 'cases.accountId')
    .leftJoin('services as service', 'service.id', 'cases.serviceId')
    .select([
      'cases.accountId',
      'cases.id',
      'cases.number',
      'cases.type',
      'cases.status',
      'cases.priority',
      'cases.channel',
      'service.code as serviceCode',
      'cases.teamId',
      'cases.assigneeId',
      'cases.openedAt',
      'account.timeZone as accountTimeZone',
    ]);
}

export function findCaseFacts(executor: Executor, accountId: string, caseId: string) {
  return selectFacts(executor)
    .where('cases.accountId', '=', accountId)
    .where('cases.id', '=', caseId)
    .executeTakeFirst() satisfies Promise<CaseFacts | undefined>;
}

/** Holds the case row until the transaction ends, as a user's change does: one writer per case. */
export function lockCaseFacts(tx: Tx, accountId: string, caseId: string) {
  return selectFacts(tx)
    .where('cases.accountId', '=', accountId)
    .where('cases.id', '=', caseId)
    .forUpdate('cases')
    .executeTakeFirst() satisfies Promise<CaseFacts | undefined>;
}

/** Many cases' facts at once, their rows held as `lockCaseFacts` holds one (the recomputation run). */
export function lockCasesFacts(tx: Tx, caseIds: string[]) {
  return selectFacts(tx)
    .where('cases.id', '=', sql<string>`any(${sql.val(caseIds)}::uuid[])`)
    .orderBy('cases.accountId')
    .orderBy('cases.id')
    .forUpdate('cases')
    .execute() satisfies Promise<CaseFacts[]>;
}

/** What the queue reads from a case's clocks (the engine's `queueSummary`). */
export interface QueueSummary {
  nextDueAt: Date | null;
  slaAtRiskAt: Date | null;
  slaBreachAt: Date | null;
}

/** Only when it changed: the queue index is not rewritten for nothing. */
export async function setQueueSummary(tx: Tx, accountId: string, caseId: string, summary: QueueSummary) {
  await tables(tx)
    .updateTable('caseQueue')
    .set(summary)
    .where('accountId', '=', accountId)
    .where('caseId', '=', caseId)
    .where(
      sql<boolean>`(next_due_at, sla_at_risk_at, sla_breach_at) is distinct from (${summary.nextDueAt}::timestamptz, ${summary.slaAtRiskAt}::timestamptz, ${summary.slaBreachAt}::timestamptz)`,
    )
    .execute();
}

// Calendars

export async function listCalendarVersions(executor: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return executor.selectFrom('businessCalendars').select(['id', 'version']).where('id', 'in', ids).execute();
}

// Clocks

export interface ClockRow {
  source: ClockSource;
  metric: SlaMetric;
  cycle: number;
  contractId: string | null;
  contractVersion: number | null;
  agreementId: string | null;
  policyName: string;
  status: ClockStatus;
  targetMs: number;
  calendarId: string | null;
  startedAt: Date;
  pauses: unknown;
  dueAt: Date | null;
  remainingMs: number;
  businessElapsedMs: number;
  breachedAt: Date | null;
  stoppedAt: Date | null;
  warnings: unknown;
}

/** Writes the case's clocks and deletes the ones no longer produced (a policy or team changed). */
export async function replaceClocks(
  tx: Tx,
  key: { accountId: string; caseId: string },
  clocks: ClockRow[],
  now: Date,
) {
  const keep = clocks.map((clock) => `${clock.source}:${clock.metric}:${clock.cycle}`);
  await tables(tx)
    .deleteFrom('slaClocks')
    .where('accountId', '=', key.accountId)
    .where('caseId', '=', key.caseId)
    .$if(keep.length > 0, (query) =>
      query.where(sql<boolean>`(source || ':' || metric || ':' || cycle) <> all(${sql.val(keep)}::text[])`),
    )
    .execute();
  if (clocks.length === 0) return;
  const rows = clocks.map((clock) => ({
    ...key,
    ...clock,
    pauses: JSON.stringify(clock.pauses),
    warnings: JSON.stringify(clock.warnings),
    updatedAt: now,
  }));
  await tables(tx)
    .insertInto('slaClocks')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['accountId', 'caseId', 'source', 'metric', 'cycle']).doUpdateSet((eb) => ({
        contractId: eb.ref('excluded.contractId'),
        contractVersion: eb.ref('excluded.contractVersion'),
        agreementId: eb.ref('excluded.agreementId'),
        policyName: eb.ref('excluded.policyName'),
        status: eb.ref('excluded.status'),
        targetMs: eb.ref('excluded.targetMs'),
        calendarId: eb.ref('excluded.calendarId'),
        startedAt: eb.ref('excluded.startedAt'),
        pauses: eb.ref('excluded.pauses'),
        dueAt: eb.ref('excluded.dueAt'),
        remainingMs: eb.ref('excluded.remainingMs'),
        businessElapsedMs: eb.ref('excluded.businessElapsedMs'),
        breachedAt: eb.ref('excluded.breachedAt'),
        stoppedAt: eb.ref('excluded.stoppedAt'),
        warnings: eb.ref('excluded.warnings'),
        updatedAt: eb.ref('excluded.updatedAt'),
      })),
    )
    .execute();
}

export async function listClocks(executor: Executor, accountId: string, caseId: string): Promise<ClockRow[]> {
  const rows = await tables(executor)
    .selectFrom('slaClocks')
    .select([
      'source',
      'metric',
      'cycle',
      'contractId',
      'contractVersion',
      'agreementId',
      'policyName',
      'status',
      'targetMs',
      'calendarId',
      'startedAt',
      'dueAt',
      'remainingMs',
      'businessElapsedMs',
      'breachedAt',
      'stoppedAt',
      sql<string>`pauses::text`.as('pausesJson'),
      sql<string>`warnings::text`.as('warningsJson'),
    ])
    .where('accountId', '=', accountId)
    .where('caseId', '=', caseId)
    .orderBy('source')
    .orderBy('metric')
    .orderBy('cycle')
    .execute();
  return rows.map(({ pausesJson, warningsJson, ...row }) => ({
    ...row,
    targetMs: Number(row.targetMs),
    remainingMs: Number(row.remainingMs),
    businessElapsedMs: Number(row.businessElapsedMs),
    pauses: JSON.parse(pausesJson) as unknown,
    warnings: JSON.parse(warningsJson) as unknown,
  }));
}

/**
 * The sweep's work, as the stored clocks say: cases with a breach or a warning reached and not
 * claimed, in (account, case) order after `after`. A breach: a running clock past its due time. A
 * warning: an open clock not breached (the check skips the warnings of a breached clock, so those
 * would be listed for ever) with a warning instant passed and no claim for its threshold.
 */
export function listUnfiredAlerts(
  executor: Executor,
  now: Date,
  page: { after?: { accountId: string; caseId: string } | undefined; limit: number },
) {
  const { after } = page;
  return tables(executor)
    .selectFrom('slaClocks as c')
    .select(['c.accountId', 'c.caseId'])
    .distinct()
    .where((eb) =>
      eb.or([
        eb.and([
          eb('c.status', '=', 'running'),
          // Strictly: a clock counting exactly its target at now is breached only after it.
          eb('c.dueAt', '<', now),
          eb.not(
            eb.exists(
              eb
                .selectFrom('slaAlerts as a')
                .select('a.threshold')
                .whereRef('a.accountId', '=', 'c.accountId')
                .whereRef('a.caseId', '=', 'c.caseId')
                .whereRef('a.source', '=', 'c.source')
                .whereRef('a.metric', '=', 'c.metric')
                .whereRef('a.cycle', '=', 'c.cycle')
                .where('a.threshold', '=', 100),
            ),
          ),
        ]),
        eb.and([
          eb('c.status', 'in', ['running', 'paused']),
          eb('c.breachedAt', 'is', null),
          sql<boolean>`exists (
            select 1 from jsonb_array_elements(c.warnings) as w (warning)
            where (w.warning ->> 'at')::timestamptz <= ${now}
              and not exists (
                select 1 from sla_alerts as a
                where a.account_id = c.account_id and a.case_id = c.case_id and a.source = c.source
                  and a.metric = c.metric and a.cycle = c.cycle
                  and a.threshold = (w.warning ->> 'thresholdPercent')::integer))`,
        ]),
      ]),
    )
    .$if(after !== undefined, (query) =>
      query.where((eb) =>
        eb(eb.refTuple('c.accountId', 'c.caseId'), '>', eb.tuple(after!.accountId, after!.caseId)),
      ),
    )
    .orderBy('c.accountId')
    .orderBy('c.caseId')
    .limit(page.limit)
    .execute();
}

// Alerts

export interface AlertKey {
  accountId: string;
  caseId: string;
  source: ClockSource;
  metric: SlaMetric;
  cycle: number;
  threshold: number;
}

/** True when this call claimed the alert; false when it had already fired (here or elsewhere). */
export async function claimAlert(
  tx: Tx,
  alert: AlertKey & { reachedAt: Date; claimedAt: Date; pendingActions: string[]; raiseTo: Priority | null },
): Promise<boolean> {
  const row = await tables(tx)
    .insertInto('slaAlerts')
    .values({ ...alert, pendingActions: JSON.stringify(alert.pendingActions) })
    .onConflict((oc) =>
      oc.columns(['accountId', 'caseId', 'source', 'metric', 'cycle', 'threshold']).doNothing(),
    )
    .returning('threshold')
    .executeTakeFirst();
  return row !== undefined;
}

export async function listPendingActions(executor: Executor, accountId: string, caseId: string) {
  const rows = await tables(executor)
    .selectFrom('slaAlerts')
    .select([
      'source',
      'metric',
      'cycle',
      'threshold',
      'raiseTo',
      sql<string>`pending_actions::text`.as('json'),
    ])
    .where('accountId', '=', accountId)
    .where('caseId', '=', caseId)
    .where(sql<boolean>`pending_actions <> '[]'`)
    .orderBy('reachedAt')
    .execute();
  return rows.map(({ json, ...row }) => ({ ...row, actions: JSON.parse(json) as string[] }));
}

export async function clearPendingActions(executor: Executor, alert: AlertKey) {
  await tables(executor)
    .updateTable('slaAlerts')
    .set({ pendingActions: '[]' })
    .where('accountId', '=', alert.accountId)
    .where('caseId', '=', alert.caseId)
    .where('source', '=', alert.source)
    .where('metric', '=', alert.metric)
    .where('cycle', '=', alert.cycle)
    .where('threshold', '=', alert.threshold)
    .execute();
}

// Penalties

/** Once per case and contract: a second breach of the same incident accrues nothing more. */
export async function accruePenalty(
  tx: Tx,
  penalty: Omit<SlaPenaltiesTable, 'id' | 'amountMinor'> & { amountMinor: string },
): Promise<boolean> {
  const row = await tables(tx)
    .insertInto('slaPenalties')
    .values(penalty)
    .onConflict((oc) => oc.columns(['accountId', 'caseId', 'contractId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function listPenalties(executor: Executor, accountId: string, caseId: string) {
  return tables(executor)
    .selectFrom('slaPenalties')
    .select([
      'contractId',
      'contractVersion',
      'metric',
      'cycle',
      'priority',
      'amountMinor',
      'currency',
      'accruedAt',
    ])
    .where('accountId', '=', accountId)
    .where('caseId', '=', caseId)
    .orderBy('accruedAt')
    .execute();
}
