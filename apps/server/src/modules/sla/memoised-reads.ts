import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type QueryResult,
} from 'kysely';
import type { Db, Executor } from '../../platform/db/index.ts';

/**
 * Read-only query results shared across the cases of a recomputation run. The engine picks each
 * case's policies with a few queries (the account's contracts in force on the opening date, the
 * team's agreements, the calendars' versions) that are the same for thousands of cases; a run
 * answers a repeated query (same SQL, same parameters) from here instead of asking the database
 * again. Memoising the queries rather than the engine's functions keeps the engine the one place
 * that decides which facts a policy depends on: a query that names the case is simply never repeated.
 *
 * Only for reads, and only for the length of one run: what changes meanwhile queues another run.
 */
export function createReadMemo(options: { maxEntries: number }) {
  const results = new Map<string, Promise<QueryResult<unknown>>>();
  return {
    /** An executor reading through `executor` (the batch's transaction), remembering what it read. */
    over(executor: Executor): Db {
      const raw = executor.withoutPlugins();
      const connection: DatabaseConnection = {
        executeQuery<R>(compiled: CompiledQuery) {
          const key = `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
          let result = results.get(key);
          if (!result) {
            // A bound, not an eviction policy: a run that meets more distinct queries than this
            // (many accounts × opening dates) starts remembering afresh.
            if (results.size >= options.maxEntries) results.clear();
            result = raw.executeQuery(compiled);
            results.set(key, result);
            // A failed read is not remembered: the batch fails, and its retry asks again.
            result.catch(() => results.delete(key));
          }
          return result as Promise<QueryResult<R>>;
        },
        streamQuery() {
          throw new Error('memoised reads do not stream');
        },
      };
      return new Kysely({
        dialect: {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => ({
            init: async () => {},
            acquireConnection: async () => connection,
            beginTransaction: async () => {
              throw new Error('memoised reads run inside the caller’s transaction');
            },
            commitTransaction: async () => {},
            rollbackTransaction: async () => {},
            releaseConnection: async () => {},
            destroy: async () => {},
          }),
          createIntrospector: (db) => new PostgresIntrospector(db),
          createQueryCompiler: () => new PostgresQueryCompiler(),
        },
        // The same plugins as the executor's (camelCase results), applied to the remembered raw rows.
        plugins: [...executor.getExecutor().plugins],
      });
    },
  };
}
