import { sql, type RawBuilder } from 'kysely';
import type { Language } from '@paydesk/shared';
import type { Executor } from '../../platform/db/index.ts';

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
 * How many text matches are ranked at most: ranking reads every matching document, so a word found
 * in a large share of a million cases would cost seconds. A broad query ranks the first matches the
 * index gives; identifiers and narrower words are unaffected.
 */
const textCandidates = 2000;

/**
 * The best matches, best first: an exact case number, then substrings of case numbers, external
 * references and contact e-mails (trigram indexes; three characters at least, as a trigram needs),
 * then words of subjects and messages by text rank. Ties: the newest case first.
 */
export async function findMatches(
  executor: Executor,
  filter: SearchFilter,
  text: string,
  options: { number: number | undefined; limit: number },
) {
  const query = tsQuery(text);
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const substrings = text.length >= 3;
  const byNumber =
    options.number === undefined
      ? sql``
      : sql`UNION ALL SELECT account_id, id, 100::real, 'number' FROM cases
          WHERE number = ${String(options.number)} AND ${accountCondition('account_id', filter.accountId)}`;
  const bySubstring = substrings
    ? sql`UNION ALL SELECT account_id, id, 50::real, 'number' FROM cases
          WHERE ('PD-' || number::text) ILIKE ${pattern} AND ${accountCondition('account_id', filter.accountId)}
        UNION ALL SELECT account_id, id, 40::real, 'reference' FROM cases
          WHERE external_reference ILIKE ${pattern} AND ${accountCondition('account_id', filter.accountId)}
        UNION ALL SELECT c.account_id, c.id, 30::real, 'email' FROM account_contacts ac
          JOIN cases c ON c.account_id = ac.account_id AND c.contact_id = ac.id
          WHERE ac.email ILIKE ${pattern} AND ${accountCondition('ac.account_id', filter.accountId)}`
    : sql``;
  const textRank = filter.internal
    ? sql`ts_rank(d.public_document, q.query) + ts_rank(d.internal_document, q.query)`
    : sql`ts_rank(d.public_document, q.query)`;
  const textMatch = filter.internal
    ? sql`(d.public_document @@ q.query OR d.internal_document @@ q.query)`
    : sql`d.public_document @@ q.query`;
  const result = await sql<{
    accountId: string;
    caseId: string;
    score: number;
    matchedOn: MatchedOn[];
  }>`
    WITH q AS (SELECT ${query} AS query),
    hits (account_id, case_id, score, matched_on) AS (
      SELECT d.account_id, d.case_id, ${textRank}, 'text'
      FROM (SELECT d.* FROM case_search_documents d, q
        WHERE ${textMatch} AND ${accountCondition('d.account_id', filter.accountId)}
        LIMIT ${textCandidates}) AS d, q
      ${byNumber}
      ${bySubstring}
    )
    SELECT h.account_id, h.case_id, max(h.score) AS score, array_agg(DISTINCT h.matched_on) AS matched_on
    FROM hits h JOIN cases c ON c.account_id = h.account_id AND c.id = h.case_id
    GROUP BY h.account_id, h.case_id, c.number
    ORDER BY max(h.score) DESC, c.number DESC
    LIMIT ${options.limit}`.execute(executor);
  return result.rows;
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
