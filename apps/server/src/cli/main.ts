import fs from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { roles, type Role } from '@paydesk/shared';
import { ConfigError, parseConfig, type Config } from '../config.ts';
import { DataDirLockedError } from '../platform/db/data-dir-lock.ts';
import type { DatabaseHandle } from '../platform/db/index.ts';
import { isAppError } from '../platform/errors.ts';
import { registerCasesCommands } from './cases-commands.ts';
import { registerSlaCommands } from './sla-commands.ts';

/** A failure the user can act on: printed without a stack trace, exit code 1. */
class CliFailure extends Error {}

/**
 * `paydesk <command>`. Every command reads the same environment as the server (PAYDESK_DATA_DIR,
 * DATABASE_URL, …); `--json` prints one JSON document for scripts. Returns the exit code.
 */
export async function runCli(argv: string[]): Promise<number> {
  const program = new Command('paydesk')
    .description('Paydesk — customer operations for a payments network operator')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('serve')
    .description('Start the server (API, web app, jobs); migrates the database first')
    .option('--demo', 'seed the demo organisation when the database has no users')
    .action(async (options: { demo?: boolean }) => {
      const { describeDemoLogins, startServer } = await import('../main.ts');
      const config = loadConfig();
      const server = await startServer(config, { demo: options.demo ?? false });
      process.stdout.write(
        `\n  Paydesk is running at ${server.url}\n` +
          `  Data: ${config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`}\n` +
          (options.demo ? `${describeDemoLogins()}\n` : '') +
          '\n',
      );
      await new Promise<void>((resolve) => {
        const shutdown = () => {
          process.off('SIGINT', shutdown);
          process.off('SIGTERM', shutdown);
          server.stop().then(resolve, (error: unknown) => {
            process.stderr.write(`shutdown failed: ${String(error)}\n`);
            resolve();
          });
        };
        process.on('SIGINT', shutdown);
        process.on('SIGTERM', shutdown);
      });
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async (handle) => {
        const { migrateToLatest } = await import('../platform/db/index.ts');
        const report = await migrateToLatest(handle.db);
        print(
          options.json,
          report,
          report.applied.length ? `Applied: ${report.applied.join(', ')}` : 'Up to date',
        );
      });
    });

  program
    .command('seed')
    .description('Seed data')
    .option('--demo', 'the demo organisation: customer accounts, teams, staff and customer users')
    .option(
      '--cases <n>',
      'also generate N realistic cases with history over the last 90 days, for benchmarks (seeds the demo first if the database has no users)',
      parseCount,
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: { demo?: boolean; cases?: number; json?: boolean }) => {
      if (!options.demo && options.cases === undefined)
        throw new CliFailure('Give --demo, --cases <n>, or both');
      await withDatabase(async (handle, { servicesFor, migrateToLatest }) => {
        const { seedDemo } = await import('../demo/seed-demo.ts');
        const { describeDemoLogins } = await import('../main.ts');
        await migrateToLatest(handle.db);
        const result = await seedDemo(handle.db, servicesFor(handle));
        const demoText = result.seeded
          ? `Seeded ${result.accounts} accounts, ${result.teams} teams, ${result.users} users.\n${describeDemoLogins()}`
          : 'The database already has users; nothing seeded.';
        if (options.cases === undefined) return print(options.json, result, demoText);
        const { generateCases } = await import('../demo/generate-cases.ts');
        const { progressBar } = await import('./cases-commands.ts');
        const progress = progressBar('Generating cases', options.cases);
        const cases = await generateCases(handle.db, { count: options.cases, onProgress: progress.update });
        progress.done();
        print(
          options.json,
          { ...result, cases },
          `${demoText}\nGenerated ${cases.generated} cases in ${cases.seconds.toFixed(1)} s.`,
        );
      });
    });

  const user = program.command('user').description('Manage users');
  user
    .command('create')
    .description('Create a user (the password is read from PAYDESK_NEW_PASSWORD or standard input)')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role').choices([...roles]).makeOptionMandatory())
    .option('--account <id>', 'customer account id (customer roles only)')
    .addOption(new Option('--tier <tier>', 'agent tier').choices(['1', '2', '3']))
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        email: string;
        name: string;
        role: Role;
        account?: string;
        tier?: string;
        passwordStdin?: boolean;
        json?: boolean;
      }) => {
        const password = options.passwordStdin
          ? fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '')
          : process.env.PAYDESK_NEW_PASSWORD;
        if (!password)
          throw new CliFailure('Give the password in PAYDESK_NEW_PASSWORD or with --password-stdin');
        await withDatabase(async (handle, { servicesFor, migrateToLatest }) => {
          await migrateToLatest(handle.db);
          const created = await servicesFor(handle).identity.createUser(null, {
            email: options.email,
            displayName: options.name,
            role: options.role,
            accountId: options.account ?? null,
            tier: options.tier ? (Number(options.tier) as 1 | 2 | 3) : null,
            password,
          });
          print(options.json, created, `Created ${created.role} ${created.email} (${created.id})`);
        });
      },
    );

  const audit = program.command('audit').description('The audit log');
  audit
    .command('verify')
    .description('Check the audit log hash chain; exit code 1 and the first broken link if tampered with')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async (handle) => {
        const { verifyAuditChain } = await import('../platform/audit/index.ts');
        const result = await verifyAuditChain(handle.db);
        print(
          options.json,
          result,
          result.ok
            ? `Audit log intact: ${result.checked} entries verified.`
            : `Audit log BROKEN at entry ${result.firstBrokenSeq} (${result.reason}); ${result.checked} entries before it verified.`,
        );
        if (!result.ok) process.exitCode = 1;
      });
    });

  registerSlaCommands(program);
  registerCasesCommands(program);

  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`paydesk: ${describeFailure(error)}\n`);
    return 1;
  }
}

function parseCount(value: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value))
    throw new InvalidArgumentError('give a whole number from 1 to 999,999,999');
  return Number(value);
}

function loadConfig() {
  return parseConfig(process.env);
}

/**
 * Opens the configured database for one command. The heavy modules load here, not at start-up,
 * so `--help` and configuration errors answer at once. Exported for `sla` with a stored calendar.
 */
export async function withDatabase(
  work: (handle: DatabaseHandle, lib: Awaited<ReturnType<typeof loadServerModules>>) => Promise<void>,
) {
  const config = loadConfig();
  const lib = await loadServerModules(config);
  const handle = await lib.openConfiguredDatabase(config);
  try {
    await work(handle, lib);
  } finally {
    await handle.close();
  }
}

async function loadServerModules(config: Config) {
  const [
    { createServices },
    { openConfiguredDatabase },
    { migrateToLatest },
    { systemClock },
    { createFileStore },
  ] = await Promise.all([
    import('../app.ts'),
    import('../main.ts'),
    import('../platform/db/index.ts'),
    import('../platform/clock.ts'),
    import('../platform/files/index.ts'),
  ]);
  /** The services as the server builds them, on the configured file store and the system clock. */
  const servicesFor = (handle: DatabaseHandle) =>
    createServices({
      db: handle.db,
      clock: systemClock,
      files: createFileStore(config.filesDir),
      reopenWindowDays: config.reopenWindowDays,
    });
  return { servicesFor, openConfiguredDatabase, migrateToLatest };
}

function print(json: boolean | undefined, value: unknown, text: string) {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

function describeFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof CliFailure)
    return error.message;
  if (isAppError(error)) {
    const details = error.extra.errors?.map((e) => `\n  - ${e.path}: ${e.message}`).join('') ?? '';
    return `${error.code}: ${error.message}${details}`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
