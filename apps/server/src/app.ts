import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { createAccountsService, accountsRoutes } from './modules/accounts/index.ts';
import { agreementsRoutes, createAgreementsService } from './modules/agreements/index.ts';
import { calendarsRoutes, createCalendarsService } from './modules/calendars/index.ts';
import { casesRoutes, createCasesService } from './modules/cases/index.ts';
import {
  contractsRoutes,
  contractsTimelineSource,
  createContractsModule,
} from './modules/contracts/index.ts';
import {
  createActionItemRemindersJob,
  createGovernanceService,
  governanceRoutes,
} from './modules/governance/index.ts';
import { createNotificationsService, notificationsRoutes } from './modules/notifications/index.ts';
import {
  createAuthenticator,
  createIdentityPurgeJob,
  createIdentityService,
  createLoginThrottle,
  identityRoutes,
} from './modules/identity/index.ts';
import { auditRoutes } from './platform/audit/index.ts';
import type { Clock } from './platform/clock.ts';
import type { Db } from './platform/db/index.ts';
import { createHttpServer, createIdempotencyPurgeJob, type HttpServer } from './platform/http/index.ts';
import type { FileStore } from './platform/files/index.ts';
import type { Jobs } from './platform/jobs/index.ts';

export const defaultWebDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface AppDeps {
  config: Pick<Config, 'logLevel' | 'publicUrl' | 'secureCookies'>;
  db: Db;
  clock: Clock;
  /** Uploaded files (contract documents). */
  files: FileStore;
  webDistDir?: string;
  isReady?: () => boolean;
  logStream?: NodeJS.WritableStream;
  /** Sign-in attempts per IP per minute; tests raise it. */
  loginAttemptsPerMinute?: number;
  /** Days after resolution within which a case reopens (configuration; default 14). */
  reopenWindowDays?: number;
}

export interface Services {
  identity: ReturnType<typeof createIdentityService>;
  accounts: ReturnType<typeof createAccountsService>;
  calendars: ReturnType<typeof createCalendarsService>;
  agreements: ReturnType<typeof createAgreementsService>;
  notifications: ReturnType<typeof createNotificationsService>;
  governance: ReturnType<typeof createGovernanceService>;
  contracts: ReturnType<typeof createContractsModule>;
  cases: ReturnType<typeof createCasesService>;
}

/** Wires the modules into the HTTP platform. Services are returned too, for the CLI and seeding. */
export async function buildApp(deps: AppDeps): Promise<{ app: HttpServer; services: Services }> {
  const services = createServices(deps);
  const app = await createHttpServer({
    config: deps.config,
    db: deps.db,
    clock: deps.clock,
    authenticator: createAuthenticator({ db: deps.db, clock: deps.clock }),
    ...(deps.webDistDir ? { webDistDir: deps.webDistDir } : {}),
    ...(deps.isReady ? { isReady: deps.isReady } : {}),
    ...(deps.logStream ? { logStream: deps.logStream } : {}),
  });
  await app.register(identityRoutes(services.identity, { secureCookies: deps.config.secureCookies }));
  await app.register(accountsRoutes(services.accounts));
  await app.register(calendarsRoutes(services.calendars));
  await app.register(agreementsRoutes(services.agreements));
  await app.register(notificationsRoutes(services.notifications));
  await app.register(governanceRoutes(services.governance));
  await app.register(contractsRoutes(services.contracts));
  await app.register(casesRoutes(services.cases));
  await app.register(auditRoutes({ db: deps.db }));
  return { app, services };
}

export function createServices(
  deps: Pick<AppDeps, 'db' | 'clock' | 'files' | 'loginAttemptsPerMinute' | 'reopenWindowDays'>,
): Services {
  const notifications = createNotificationsService({ db: deps.db, clock: deps.clock });
  return {
    identity: createIdentityService({
      db: deps.db,
      clock: deps.clock,
      loginThrottle: createLoginThrottle({ limit: deps.loginAttemptsPerMinute ?? 20, windowMs: 60_000 }),
    }),
    accounts: createAccountsService({ db: deps.db, clock: deps.clock }),
    calendars: createCalendarsService({ db: deps.db, clock: deps.clock }),
    agreements: createAgreementsService({ db: deps.db, clock: deps.clock }),
    notifications,
    governance: createGovernanceService({
      db: deps.db,
      clock: deps.clock,
      notifications,
      timelineSources: [contractsTimelineSource],
    }),
    contracts: createContractsModule({
      db: deps.db,
      clock: deps.clock,
      files: deps.files,
      notify: notifications.notify,
    }),
    cases: createCasesService({
      db: deps.db,
      clock: deps.clock,
      reopenWindowDays: deps.reopenWindowDays ?? 14,
    }),
  };
}

const hourMs = 60 * 60 * 1000;

/** Housekeeping every process schedules; the singleton key keeps one queued run cluster-wide. */
export function scheduleHousekeeping(jobs: Jobs, clock: Clock, services: Services): void {
  jobs.every(createIdentityPurgeJob(clock), {}, hourMs);
  jobs.every(createIdempotencyPurgeJob(clock), {}, hourMs);
  jobs.every(createActionItemRemindersJob(clock), {}, hourMs);
  jobs.every(services.contracts.lifecycleJob, {}, hourMs);
}
