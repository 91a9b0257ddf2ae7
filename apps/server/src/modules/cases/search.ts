import { assertCan, can, scopeOf, type RequestContext } from '../../platform/auth/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { defineJob } from '../../platform/jobs/index.ts';
import { parseCaseNumber } from './case-rules.ts';
import { presentCase } from './cases.service.ts';
import { selectCases } from './cases.repository.ts';
import * as repo from './search.repository.ts';

export type CaseSearch = ReturnType<typeof createCaseSearch>;

/** Where words are looked for, in turn, until enough cases match. */
const textWindows: repo.TextWindow[] = ['recent', 'all'];

/** A piece of a snippet; `match` marks the words the search found. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * The search's matches. Words match first among the newest cases (at least 5,000), then among all
 * if fewer than `limit` cases were found: what support looks for is mostly recent, and a broad word
 * ranks the recent matches instead of every case's; a word rare enough to need the second look has
 * a short posting list there too. Identifiers (numbers, references, e-mails) match in every case,
 * looked for once.
 */
export async function findBestMatches(db: Db, filter: repo.SearchFilter, text: string, limit: number) {
  const number = parseCaseNumber(text);
  const found = new Map<string, repo.Match>();
  for (const [index, window] of textWindows.entries()) {
    const identifiers = index === 0;
    for (const match of await repo.findMatches(db, filter, text, { number, limit, window, identifiers })) {
      const known = found.get(match.caseId);
      found.set(
        match.caseId,
        known
          ? {
              ...known,
              score: Math.max(known.score, match.score),
              matchedOn: [...new Set([...known.matchedOn, ...match.matchedOn])],
            }
          : match,
      );
    }
    if (found.size >= limit) break;
  }
  return [...found.values()]
    .sort((a, b) => b.score - a.score || compareNumbers(b.number, a.number))
    .slice(0, limit);
}

/** Case numbers are bigints, which the driver gives as decimal strings. */
function compareNumbers(a: string | number, b: string | number): number {
  const [x, y] = [String(a), String(b)];
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

/**
 * Case search: full text over subjects, replies and notes in each case's language, and substrings of
 * case numbers, external references and contact e-mails, ranked, each with a snippet of where it
 * matched. Customers search their own account, and never match (or see quoted) internal notes.
 */
export function createCaseSearch(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** Every ten minutes: documents of cases no longer among the newest leave the recent copy. */
    pruneJob: defineJob<Record<string, never>>('case-search-prune', async () => {
      await repo.pruneRecent(db);
    }),

    async search(
      ctx: RequestContext,
      query: { q: string; limit?: number | undefined; accountId?: string | undefined },
    ) {
      assertCan(ctx.actor, 'cases:read');
      const text = query.q.trim().replace(/\s+/g, ' ');
      if (!text)
        throw new AppError('VALIDATION_FAILED', 'q must contain something to search for', {
          errors: [{ path: 'querystring/q', message: 'is blank' }],
        });
      const scope = scopeOf(ctx.actor);
      if (scope.kind === 'account' && query.accountId && query.accountId !== scope.accountId)
        return { items: [] };
      const filter: repo.SearchFilter = {
        accountId: scope.kind === 'account' ? scope.accountId : query.accountId,
        internal: can(ctx.actor, 'cases:read-internal'),
      };
      const matches = await findBestMatches(db, filter, text, query.limit ?? 20);
      if (matches.length === 0) return { items: [] };
      const [rows, snippets] = await Promise.all([
        selectCases(db, scope)
          .where(
            'cases.id',
            'in',
            matches.map((match) => match.caseId),
          )
          .execute(),
        repo.findSnippets(db, filter, text, matches),
      ]);
      const rowById = new Map(rows.map((row) => [row.id, row]));
      const snippetById = new Map(snippets.map((snippet) => [snippet.caseId, snippet]));
      return {
        items: matches.flatMap((match) => {
          const row = rowById.get(match.caseId);
          if (!row) return [];
          const snippet = snippetById.get(match.caseId);
          return [
            {
              ...presentCase(ctx, row),
              match: {
                on: match.matchedOn,
                rank: Number(match.score),
                snippet: snippet
                  ? snippet.language === 'zh-CN'
                    ? markTerms(snippet.source, text)
                    : splitHeadline(snippet.headline)
                  : [],
              },
            },
          ];
        }),
      };
    },
  };
}

// eslint-disable-next-line no-control-regex -- the delimiters ts_headline is told to use (search.repository.ts)
const markers = /[\u0001\u0002]/;

/** ts_headline's output, matches between \u0001 and \u0002, as parts a client renders safely. */
export function splitHeadline(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of headline.split(markers).entries())
    if (piece) parts.push({ text: piece, match: index % 2 === 1 });
  return parts;
}

const snippetChars = { before: 30, total: 100 };

/**
 * A window of text around the first occurrence of a search term, the terms marked. For Chinese,
 * where ts_headline cannot see words inside a run of characters: the terms are the query's words.
 */
export function markTerms(source: string, query: string): SnippetPart[] {
  const terms = query
    .toLowerCase()
    .split(' ')
    .map((term) => term.replace(/^[-"]+|"+$/g, ''))
    .filter(Boolean);
  const lower = source.toLowerCase();
  const first = Math.min(
    ...terms.map((term) => lower.indexOf(term)).filter((index) => index >= 0),
    Number.POSITIVE_INFINITY,
  );
  const start = Number.isFinite(first) ? Math.max(0, first - snippetChars.before) : 0;
  const window = source.slice(start, start + snippetChars.total);
  const pattern = terms.length
    ? new RegExp(`(${terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi')
    : undefined;
  const pieces = pattern ? window.split(pattern) : [window];
  return pieces.flatMap((piece, index) => (piece ? [{ text: piece, match: index % 2 === 1 }] : []));
}
