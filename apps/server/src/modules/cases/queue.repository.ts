import { sql } from 'kysely';
import type { CaseStatus, Priority } from '@paydesk/shared';
import { inScope, type Scope } from '../../platform/auth/index.ts';
import { withModuleTables, type Executor } from '../../platform/db/index.ts';
import { selectCases, type CaseRow, type CaseTables } from './cases.repository.ts';

/**
 * The queue: a page of cases in next-due order. Kysely only, no rules.
 *
 * A page is an index scan on one of `case_queue`'s indexes (no sort) that stops after a page, each
 * row's case fetched by key. A user's teams are one such scan per team (LATERAL over their
 * memberships), merged by the outer ORDER BY, in the same statement: `team_id IN (…)` would read
 * and sort every open case of those teams, and looking the teams up first would cost a round trip.
 * The names come with the rows (`selectCases`: scalar subqueries, run for the page's rows only).
 */

export type SlaFilter = 'at_risk' | 'breached';

export interface CaseFilter {
  accountId?: string;
  /** The queues of this user's teams. */
  teamsOf?: string;
  assigneeId?: string;
  statuses?: CaseStatus[];
  openOnly?: boolean;
  priority?: Priority;
  /** at_risk: a running clock is past its first warning and none has breached; breached: one has. */
  sla?: SlaFilter;
  search?: string;
}

export type QueueRow = CaseRow & { dueKey: string };

/**
 * Whether a queue row is at risk or breached as of `now`, from the instants the SLA engine keeps in
 * it; the one test both the filters and the counts use.
 */
function slaTest(sla: SlaFilter, now: Date) {
  return sla === 'breached'
    ? sql<boolean>`queue.sla_breach_at <= ${now}`
    : sql<boolean>`(queue.sla_at_risk_at <= ${now}
        and (queue.sla_breach_at is null or queue.sla_breach_at > ${now}))`;
}

/** The page key: the expression the queue indexes hold (no due time sorts last). */
const dueKey = sql<string>`coalesce(queue.next_due_at, 'infinity'::timestamptz)`;

/**
 * The queue order: soonest due first (no SLA due time last), then by number; `limit + 1` rows so the
 * caller knows whether there is a next page. `now` decides which clocks are at risk or breached.
 */
export async function listCases(
  executor: Executor,
  scope: Scope,
  filter: CaseFilter,
  page: { limit: number; after?: [string, string] },
  now: Date,
): Promise<QueueRow[]> {
  const { teamsOf } = filter;
  if (teamsOf === undefined) return pageQuery(executor, scope, filter, page, now, false).execute();
  return executor
    .selectFrom('teamMembers as membership')
    .innerJoinLateral(
      () => pageQuery(executor, scope, filter, page, now, true).as('page'),
      (join) => join.onTrue(),
    )
    .selectAll('page')
    .where('membership.userId', '=', teamsOf)
    .orderBy('page.dueAt')
    .orderBy('page.number')
    .limit(page.limit + 1)
    .execute();
}

function pageQuery(
  executor: Executor,
  scope: Scope,
  filter: CaseFilter,
  page: { limit: number; after?: [string, string] },
  now: Date,
  /** Inside the memberships' LATERAL: the team is the membership's. */
  ofMembership: boolean,
) {
  let query = selectCases(executor, scope).select([
    sql<string>`${dueKey}::text`.as('dueKey'),
    // The same key as a timestamp, for the order across teams.
    sql<Date>`${dueKey}`.as('dueAt'),
  ]);
  if (ofMembership) query = query.where(sql<boolean>`queue.team_id = membership.team_id`);
  if (filter.accountId) query = query.where('queue.accountId', '=', filter.accountId);
  if (filter.assigneeId) query = query.where('queue.assigneeId', '=', filter.assigneeId);
  if (filter.statuses?.length) query = query.where('cases.status', 'in', filter.statuses);
  if (filter.openOnly) query = query.where('queue.open', '=', true);
  if (filter.priority) query = query.where('cases.priority', '=', filter.priority);
  if (filter.sla) query = query.where(slaTest(filter.sla, now));
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('cases.subject', 'ilike', pattern), eb('cases.externalReference', 'ilike', pattern)]),
    );
  }
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb(
        eb.tuple(dueKey, eb.ref('queue.number')),
        '>',
        eb.tuple(sql<string>`${after[0]}::timestamptz`, sql<string>`${after[1]}::bigint`),
      ),
    );
  }
  return query
    .orderBy(dueKey)
    .orderBy('queue.number')
    .limit(page.limit + 1);
}

/**
 * How many open cases a view holds, and how many of them are at risk or breached as of `now` (the
 * same tests as the `sla` filters), from `case_queue` alone, no case row fetched. The cost is the
 * view's open rows: a user's teams are counted one team at a time through the team index (a LATERAL
 * over their memberships, as the page is read), so a small team's count does not scan everyone's.
 */
export async function countQueue(
  executor: Executor,
  scope: Scope,
  filter: Pick<CaseFilter, 'accountId' | 'teamsOf' | 'assigneeId'>,
  now: Date,
): Promise<{ open: number; atRisk: number; breached: number }> {
  const { teamsOf } = filter;
  const row =
    teamsOf === undefined
      ? await countsQuery(executor, scope, filter, now, false).executeTakeFirstOrThrow()
      : await executor
          .selectFrom('teamMembers as membership')
          .innerJoinLateral(
            () => countsQuery(executor, scope, filter, now, true).as('counts'),
            (join) => join.onTrue(),
          )
          .select([
            sql<string>`coalesce(sum(counts.open), 0)`.as('open'),
            sql<string>`coalesce(sum(counts.at_risk), 0)`.as('atRisk'),
            sql<string>`coalesce(sum(counts.breached), 0)`.as('breached'),
          ])
          .where('membership.userId', '=', teamsOf)
          .executeTakeFirstOrThrow();
  return { open: Number(row.open), atRisk: Number(row.atRisk), breached: Number(row.breached) };
}

function countsQuery(
  executor: Executor,
  scope: Scope,
  filter: Pick<CaseFilter, 'accountId' | 'assigneeId'>,
  now: Date,
  /** Inside the memberships' LATERAL: the team is the membership's. */
  ofMembership: boolean,
) {
  let query = inScope(
    withModuleTables<CaseTables>(executor)
      .selectFrom('caseQueue as queue')
      .select([
        sql<string>`count(*)`.as('open'),
        sql<string>`count(*) filter (where ${slaTest('at_risk', now)})`.as('atRisk'),
        sql<string>`count(*) filter (where ${slaTest('breached', now)})`.as('breached'),
      ])
      .where('queue.open', '=', true),
    'queue.accountId',
    scope,
  );
  if (ofMembership) query = query.where(sql<boolean>`queue.team_id = membership.team_id`);
  if (filter.accountId) query = query.where('queue.accountId', '=', filter.accountId);
  if (filter.assigneeId) query = query.where('queue.assigneeId', '=', filter.assigneeId);
  return query;
}
