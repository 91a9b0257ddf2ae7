import { recordAudit } from '../../platform/audit/index.ts';
import { assertCan, auditContextOf, scopeOf, type RequestContext } from '../../platform/auth/index.ts';
import { isValidTimeZone, type Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/index.ts';
import * as repo from './accounts.repository.ts';

export interface NewAccount {
  name: string;
  legalName: string;
  countryCode: string;
  kind: repo.AccountRow['kind'];
  defaultLanguage?: string;
  timeZone?: string;
}

/**
 * Customer organisations: the tenant boundary. This is the minimum the platform needs (customer
 * users belong to one); contacts, services and contracts come with the accounts & contracts work.
 */
export function createAccountsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async list(
      ctx: RequestContext,
      query: { limit: number; cursor?: string | undefined; search?: string | undefined },
    ) {
      assertCan(ctx.actor, 'accounts:read');
      const after = decodeCursor(query.cursor, 2);
      const rows = await repo.listAccounts(db, scopeOf(ctx.actor), {
        limit: query.limit,
        ...(after ? { afterName: String(after[0]), afterId: String(after[1]) } : {}),
        ...(query.search ? { search: query.search } : {}),
      });
      return toPage(rows, query.limit, (a) => [a.name, a.id]);
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'accounts:read');
      const account = await repo.findAccount(db, scopeOf(ctx.actor), id);
      if (!account) throw new AppError('ACCOUNT_NOT_FOUND', 'No such account');
      return account;
    },

    async create(ctx: RequestContext | null, input: NewAccount) {
      if (ctx) assertCan(ctx.actor, 'accounts:manage');
      const timeZone = input.timeZone ?? 'Europe/London';
      if (!isValidTimeZone(timeZone)) {
        throw new AppError('VALIDATION_FAILED', `Unknown time zone "${timeZone}"`, {
          errors: [{ path: 'body/timeZone', message: 'is not an IANA time zone' }],
        });
      }
      try {
        return await db.transaction().execute(async (tx) => {
          const account = await repo.insertAccount(tx, {
            name: input.name.trim(),
            legalName: input.legalName.trim(),
            countryCode: input.countryCode.toUpperCase(),
            kind: input.kind,
            defaultLanguage: input.defaultLanguage ?? 'en',
            timeZone,
          });
          await recordAudit(
            tx,
            {
              ...auditContextOf(ctx),
              action: 'account.created',
              entityType: 'account',
              entityId: account.id,
              accountId: account.id,
              changes: { name: account.name, kind: account.kind, countryCode: account.countryCode },
            },
            clock,
          );
          return account;
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError('VALIDATION_FAILED', 'An account with this name exists', {
            errors: [{ path: 'body/name', message: 'is taken' }],
          });
        }
        throw error;
      }
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
