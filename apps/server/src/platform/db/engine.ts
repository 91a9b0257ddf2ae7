import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or a transaction: repositories take whichever the service gives them. */
export type Executor = Db | Tx;

/**
 * A module's own tables, added to the typed view of the database where the module queries them: a
 * module owns its tables and declares their types next to its queries (DESIGN: only its repository
 * touches them). The older modules' tables are still declared in schema.ts.
 */
export function withModuleTables<T extends Record<string, object>>(executor: Executor): Kysely<Database & T> {
  return (executor as Db).withTables<T>();
}

export type EngineKind = 'pglite' | 'postgres';

/**
 * The extensions migrations create (pg_trgm: case search). PGlite loads an extension only when it is
 * passed at creation, so every PGlite that opens a Paydesk database is created with these.
 */
export const pgliteExtensions = { pg_trgm };

export interface DatabaseHandle {
  db: Db;
  kind: EngineKind;
  /** Closes connections, then (embedded) PGlite, then releases the data-directory lock. */
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` holds the lock and `pglite/`; `pglite` lets tests hand in an in-memory instance. */
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-instance'; pglite: PGlite };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    const db = createKysely(pool);
    await db.selectNoFrom((eb) => eb.val(1).as('ok')).execute();
    return { db, kind: 'postgres', close: () => db.destroy() };
  }

  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  let ownsPglite = true;
  if (target.kind === 'pglite') {
    lock = acquireDataDirLock(target.dataDir);
    try {
      pglite = await PGlite.create(path.join(target.dataDir, 'pglite'), { extensions: pgliteExtensions });
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    pglite = target.pglite;
    ownsPglite = false;
  }
  // PGlite is one connection: the pool has size 1, so a transaction holds it and every other query
  // (jobs included, see platform/jobs) waits its turn instead of slipping into the transaction.
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = createKysely(pool);
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy();
      if (ownsPglite) await pglite.close();
      lock?.release();
    },
  };
}

/**
 * Column names to camelCase, values as they come. Nested keys stay as stored: jsonb payloads (audit
 * changes, stored headers) are data, not columns. With nested keys kept, Kysely's own `mapRow` still
 * inspects every value and copies every array (a case's tags) on every row: a third of its time
 * (0.20 → 0.14 ms for a 51-row queue page).
 */
class ColumnNamesPlugin extends CamelCasePlugin {
  constructor() {
    super({ maintainNestedObjectKeys: true });
  }

  protected override mapRow(row: Record<string, unknown>): Record<string, unknown> {
    const mapped: Record<string, unknown> = {};
    for (const key in row) mapped[this.camelCase(key)] = row[key];
    return mapped;
  }
}

function createKysely(pool: pg.Pool): Db {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new ColumnNamesPlugin()],
  });
}
