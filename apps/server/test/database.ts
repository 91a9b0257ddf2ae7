import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import {
  migrateToLatest,
  openDatabase,
  pgliteExtensions,
  type DatabaseHandle,
} from '../src/platform/db/index.ts';

/**
 * Integration tests run on the engine named by TEST_ENGINE. Every test file gets its own database,
 * cloned from one migrated template, so files never share state:
 * - pglite: a golden image (a dump of a migrated data dir) loaded into an in-memory PGlite;
 * - postgres: `CREATE DATABASE … TEMPLATE` from a template migrated once per run.
 */
const cacheDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../node_modules/.cache/paydesk-test',
);
const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/migrations');

export function testEngine(): 'pglite' | 'postgres' {
  return process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is required for the postgres engine');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function migrationsHash(): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (const file of (await fs.readdir(migrationsDir)).sort()) {
    hash.update(file).update(await fs.readFile(path.join(migrationsDir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

export async function prepareTestTemplate(
  engine: 'pglite' | 'postgres',
): Promise<{ name: string; dispose: () => Promise<void> }> {
  const hash = await migrationsHash();
  if (engine === 'pglite') {
    const file = path.join(cacheDir, `golden-${hash}.tar.gz`);
    const exists = await fs.stat(file).then(
      () => true,
      () => false,
    );
    if (!exists) {
      const pglite = await PGlite.create({ extensions: pgliteExtensions });
      const handle = await openDatabase({ kind: 'pglite-instance', pglite });
      await migrateToLatest(handle.db);
      await handle.close();
      const dump = await pglite.dumpDataDir('gzip');
      await pglite.close();
      await fs.mkdir(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}`;
      await fs.writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
      await fs.rename(tmp, file);
    }
    return { name: file, dispose: async () => {} };
  }

  const name = `pd_tpl_${process.pid}_${hash.slice(0, 8)}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(adminUrl(), name), poolSize: 1 });
  await migrateToLatest(handle.db);
  await handle.close();
  return { name, dispose: () => dropDatabase(name) };
}

/** A fresh, migrated database for one test file. `template` comes from `inject('testTemplate')`. */
export async function openTestDatabase(template: string): Promise<DatabaseHandle & { url?: string }> {
  if (testEngine() === 'pglite') {
    const image = await fs.readFile(template);
    const pglite = await PGlite.create({ loadDataDir: new Blob([image]), extensions: pgliteExtensions });
    const handle = await openDatabase({ kind: 'pglite-instance', pglite });
    return {
      ...handle,
      async close() {
        await handle.close();
        await pglite.close();
      },
    };
  }
  const name = `pd_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = withDatabase(adminUrl(), name);
  const handle = await openDatabase({ kind: 'postgres', url });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await dropDatabase(name);
    },
  };
}

/**
 * The pool's clients may still be saying goodbye when close() resolves. DROP … WITH (FORCE) would
 * kill them mid-goodbye and their 'error' event would surface as an uncaught exception, so wait
 * for them to leave, and force only as a last resort.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // 55006: still in use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
