import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Scope } from './actor.ts';

/**
 * The one helper that applies a customer scope to a query. Repositories of customer-scoped tables
 * call it on every read, with the column that holds the row's account:
 *
 *   inScope(db.selectFrom('accounts').selectAll(), 'accounts.id', scope)
 *
 * For staff it adds nothing; for a customer user it restricts to their account, so another
 * account's row is simply not found (404, never 403: existence is not disclosed).
 */
export function inScope<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  accountColumn: Parameters<ExpressionBuilder<DB, TB>['ref']>[0],
  scope: Scope,
): SelectQueryBuilder<DB, TB, O> {
  if (scope.kind === 'all') return query;
  return query.where((eb) => eb(eb.ref(accountColumn), '=', scope.accountId as never));
}

export function isInScope(scope: Scope, accountId: string | null): boolean {
  return scope.kind === 'all' || scope.accountId === accountId;
}
