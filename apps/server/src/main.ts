import { buildApp, defaultWebDistDir, scheduleHousekeeping } from './app.ts';
import type { Config } from './config.ts';
import { demoPassword, demoUsers } from './demo/demo-data.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { systemClock } from './platform/clock.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './platform/db/index.ts';
import { createFileStore } from './platform/files/index.ts';
import { createJobs } from './platform/jobs/index.ts';

/** Opens the configured database: a PostgreSQL server, or embedded PGlite under the data dir's lock. */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Boot: config → database → migrate → (demo) → app → jobs → listen. */
export async function startServer(config: Config, options: { demo: boolean }): Promise<RunningServer> {
  const handle = await openConfiguredDatabase(config);
  try {
    await migrateToLatest(handle.db);
    let jobsRunning = false;
    const { app, services } = await buildApp({
      config,
      db: handle.db,
      clock: systemClock,
      files: createFileStore(config.filesDir),
      reopenWindowDays: config.reopenWindowDays,
      webDistDir: defaultWebDistDir,
      isReady: () => jobsRunning,
    });
    if (options.demo) {
      const seeded = await seedDemo(handle.db, services);
      if (seeded.seeded) app.log.info(seeded, 'seeded the demo data');
    }
    const jobs = createJobs({ db: handle.db, kind: handle.kind, logger: app.log });
    scheduleHousekeeping(jobs, systemClock, services);
    await jobs.start();
    jobsRunning = true;
    await app.listen({ port: config.port, host: config.host });

    let stopping: Promise<void> | undefined;
    return {
      url: config.publicUrl,
      stop() {
        stopping ??= (async () => {
          jobsRunning = false;
          await app.close();
          await jobs.stop({ timeoutMs: 10_000 });
          await handle.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export function describeDemoLogins(): string {
  const staff = demoUsers.map(
    (u) =>
      `    ${u.email.padEnd(32)} ${u.role}${u.tier ? ` (tier ${u.tier})` : ''}${u.account ? ` — ${u.account}` : ''}`,
  );
  return [`  Demo logins (password for all: ${demoPassword}):`, ...staff].join('\n');
}
