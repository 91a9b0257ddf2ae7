import { sql, type RawBuilder } from 'kysely';
import type { Language } from '@paydesk/shared';
import type { Executor } from '../../platform/db/index.ts';
import { caseNumberPart } from './case-rules.ts';

/**
 * Kysely only: the case search queries over migration 0013's search documents and trigram indexes.
 * Every query takes `accountId` (a customer's account, or a staff filter; undefined: every account)
 * and `internal` (whether internal notes' words may match and be quoted).
 */

export interface SearchFilter {
  accountId: string | undefined;
  internal: boolean;
}

export type MatchedOn = 'number' | 'reference' | 'email' | 'text';

export type Match = Awaited<ReturnType<typeof findMatches>>[number];

/**
 * The query in every case language at once: english and spanish stems, and the simple words (Polish,
 * and Chinese as bigrams). A case's document holds its own language's lexemes, so the other
 * branches simply find nothing in it; one tsquery keeps the GIN index usable for all of them.
 */
function tsQuery(text: string): RawBuilder<unknown> {
  return sql`(websearch_to_tsquery('english', ${text}) || websearch_to_tsquery('spanish', ${text})
    || websearch_to_tsquery('simple', case_search_cjk_bigrams(${text})))`;
}

function accountCondition(column: string, accountId: string | undefined) {
  return accountId === undefined ? sql`true` : sql`${sql.ref(column)} = ${accountId}`;
}

/**
 * How many text matches are ranked at most: ranking reads every matching document. With the recency
 * windows a broad word rarely reaches it; it bounds the widest window.
 */
const textCandidates = 2000;

/**
 * Where words are looked for: `recent`, the copy of the newest cases' documents (0016: small
 * indexes, so a broad word costs a few hundred entries); `all`, every case's.
 */
export type TextWindow = 'recent' | 'all';

/**
 * The best matches, best first: an exact case number, then substrings of case numbers, external
 * references and contact e-mails (trigram indexes; three characters at least, as a trigram needs),
 * then words of subjects and messages by text rank. Ties: the newest case first.
 *
 * `window`: where words may match (identifiers match in every case); `identifiers`: whether to look
 * for them at all (a wider window of words needs them no more than once).
 */
export async function findMatches(
  executor: Executor,
  filter: SearchFilter,
  text: string,
  options: { number: number | undefined; limit: number; window: TextWindow; identifiers: boolean },
) {
  const query = tsQuery(text);
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { limit, window } = options;
  // Identifiers people paste are one word: a query with a space looks for words only.
  const substrings = options.identifiers && text.length >= 3 && !/\s/.test(text);
  // Each identifier branch has one score, so only its newest `limit` cases can make the page: the
  // branch stops there (a contact with 40,000 cases would otherwise send all of them to the sort).
  const identifiers = (score: number, on: MatchedOn, from: RawBuilder<unknown>) =>
    sql`UNION ALL (SELECT c.account_id, c.id, c.number, ${sql.lit(score)}::real, ${sql.lit(on)} ${from}
      AND ${accountCondition('c.account_id', filter.accountId)} ORDER BY c.number DESC LIMIT ${limit})`;
  const byNumber =
    !options.identifiers || options.number === undefined
      ? sql``
      : identifiers(100, 'number', sql`FROM cases c WHERE c.number = ${String(options.number)}`);
  const numbers = substrings ? numberCondition(text) : undefined;
  const bySubstring = substrings
    ? sql`${numbers ? identifiers(50, 'number', sql`FROM cases c WHERE ${numbers}`) : sql``}
      ${identifiers(40, 'reference', sql`FROM cases c WHERE c.external_reference ILIKE ${pattern}`)}
      ${identifiers(
        30,
        'email',
        // From the matching contacts to their newest cases: driven the other way round, PostgreSQL
        // walks every case newest first looking for a contact that may match none.
        sql`FROM account_contacts ac CROSS JOIN LATERAL (
            SELECT c.account_id, c.id, c.number FROM cases c
            WHERE c.account_id = ac.account_id AND c.contact_id = ac.id ORDER BY c.number DESC LIMIT ${limit}
          ) AS c
          WHERE ac.email ILIKE ${pattern}`,
      )}`
    : sql``;
  const textRank = filter.internal
    ? sql`ts_rank(d.public_document, q.query) + ts_rank(d.internal_document, q.query)`
    : sql`ts_rank(d.public_document, q.query)`;
  const textMatch = filter.internal
    ? sql`(d.public_document @@ q.query OR d.internal_document @@ q.query)`
    : sql`d.public_document @@ q.query`;
  const documents = sql.table(window === 'recent' ? 'case_search_recent' : 'case_search_documents');
  // Every branch carries the case number, so the ranking needs no join back to cases.
  const result = await sql<{
    accountId: string;
    caseId: string;
    number: string;
    score: number;
    matchedOn: MatchedOn[];
  }>`
    WITH q AS (SELECT ${query} AS query),
    hits (account_id, case_id, number, score, matched_on) AS (
      SELECT d.account_id, d.case_id, d.case_number, ${textRank}, 'text'
      FROM (SELECT d.* FROM ${documents} d, q
        WHERE ${textMatch} AND ${accountCondition('d.account_id', filter.accountId)}
        LIMIT ${textCandidates}) AS d, q
      ${byNumber}
      ${bySubstring}
    )
    SELECT account_id, case_id, number, max(score) AS score, array_agg(DISTINCT matched_on) AS matched_on
    FROM hits
    GROUP BY account_id, case_id, number
    ORDER BY max(score) DESC, number DESC
    LIMIT ${limit}`.execute(executor);
  return result.rows;
}

/**
 * The case numbers `text` can be part of (`caseNumberPart`) as a condition on `c.number`, or
 * undefined for none: a trigram scan for text no number contains would read the posting lists of
 * trigrams every number shares only to find nothing. The start of a number is a few index ranges;
 * bare digits, which may sit anywhere, are the trigram index's.
 */
function numberCondition(text: string): RawBuilder<boolean> | undefined {
  const part = caseNumberPart(text);
  if (part === undefined) return undefined;
  if ('anywhere' in part) return sql<boolean>`('PD-' || c.number::text) ILIKE ${`%${part.anywhere}%`}`;
  const ranges = part.start.map(([from, to]) => sql`c.number BETWEEN ${String(from)} AND ${String(to)}`);
  return sql<boolean>`(${sql.join(ranges, sql` OR `)})`;
}

/** Drops the recent copy's documents of cases no longer among the newest `keep` (default: 0016's size). */
export async function pruneRecent(executor: Executor, keep?: number): Promise<number> {
  const size = keep === undefined ? sql`case_search_recent_size()` : sql`${keep}::bigint`;
  const result = await sql<{ pruned: number }>`SELECT case_search_prune_recent(${size}) AS pruned`.execute(
    executor,
  );
  return result.rows[0]?.pruned ?? 0;
}

/**
 * For each case, the first text that matched (a message, else the subject) with the matched words
 * marked by ts_headline between \u0001 and \u0002, to be cut into parts by the service. Chinese
 * cases get their raw text back (ts_headline cannot mark words inside a run of characters).
 */
export async function findSnippets(
  executor: Executor,
  filter: SearchFilter,
  text: string,
  cases: Array<{ accountId: string; caseId: string }>,
) {
  if (cases.length === 0) return [];
  const query = tsQuery(text);
  const keys = JSON.stringify(cases.map(({ accountId, caseId }) => ({ account: accountId, id: caseId })));
  const visible = filter.internal ? sql`true` : sql`m.visibility = 'public'`;
  const result = await sql<{
    caseId: string;
    language: Language;
    source: string;
    headline: string;
  }>`
    WITH q AS (SELECT ${query} AS query)
    SELECT c.id AS case_id, c.language, coalesce(m.body, c.subject) AS source,
      CASE WHEN c.language = 'zh-CN' THEN coalesce(m.body, c.subject)
        ELSE ts_headline(case_search_config(c.language), coalesce(m.body, c.subject), q.query,
          'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=24, MinWords=10, MaxFragments=1')
      END AS headline
    FROM jsonb_to_recordset(${keys}::jsonb) AS k (account uuid, id uuid)
    JOIN cases c ON c.account_id = k.account AND c.id = k.id
    CROSS JOIN q
    LEFT JOIN LATERAL (
      SELECT m.body FROM case_messages m
      WHERE m.account_id = c.account_id AND m.case_id = c.id AND ${visible}
        AND case_search_vector(c.language, m.body) @@ q.query
      ORDER BY m.created_at, m.id LIMIT 1
    ) AS m ON true`.execute(executor);
  return result.rows;
}
