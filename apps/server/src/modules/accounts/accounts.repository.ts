import { inScope, type Scope } from '../../platform/auth/index.ts';
import type { Executor } from '../../platform/db/index.ts';

const columns = [
  'accounts.id',
  'accounts.name',
  'accounts.legalName',
  'accounts.countryCode',
  'accounts.kind',
  'accounts.defaultLanguage',
  'accounts.timeZone',
  'accounts.createdAt',
] as const;

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export function findAccount(db: Executor, scope: Scope, id: string) {
  return inScope(db.selectFrom('accounts').select(columns), 'accounts.id', scope)
    .where('accounts.id', '=', id)
    .executeTakeFirst();
}

export function listAccounts(
  db: Executor,
  scope: Scope,
  page: { limit: number; afterName?: string; afterId?: string; search?: string },
) {
  let query = inScope(db.selectFrom('accounts').select(columns), 'accounts.id', scope);
  if (page.search)
    query = query.where('accounts.name', 'ilike', `%${page.search.replace(/[\\%_]/g, '\\$&')}%`);
  if (page.afterName !== undefined && page.afterId !== undefined) {
    const { afterName, afterId } = page;
    query = query.where((eb) =>
      eb.or([
        eb('accounts.name', '>', afterName),
        eb.and([eb('accounts.name', '=', afterName), eb('accounts.id', '>', afterId)]),
      ]),
    );
  }
  return query
    .orderBy('accounts.name')
    .orderBy('accounts.id')
    .limit(page.limit + 1)
    .execute();
}

export function insertAccount(
  db: Executor,
  account: {
    name: string;
    legalName: string;
    countryCode: string;
    kind: AccountRow['kind'];
    defaultLanguage: string;
    timeZone: string;
  },
) {
  return db.insertInto('accounts').values(account).returning(columns).executeTakeFirstOrThrow();
}
