import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { createAccountsService, accountsRoutes } from './modules/accounts/index.ts';
import { agreementsRoutes, createAgreementsService } from './modules/agreements/index.ts';
import { calendarsRoutes, createCalendarsService } from './modules/calendars/index.ts';
import {
  caseAttachmentsRoutes,
  casesRoutes,
  createCaseAttachments,
  createCasesService,
  createMentionNotifier,
} from './modules/cases/index.ts';
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
import { createMacrosService, macrosRoutes } from './modules/macros/index.ts';
import { createNotificationsService, notificationsRoutes } from './modules/notifications/index.ts';
import {
  createCaseRouter,
  createEscalationsService,
  createRoutingService,
  routingRoutes,
} from './modules/routing/index.ts';
import { createSlaEngine, createSlaRecomputations, recomputeRoutes, slaRoutes } from './modules/sla/index.ts';
import {
  createAuthenticator,
  createIdentityPurgeJob,
  createIdentityService,
  createLoginThrottle,
  identityRoutes,
} from './modules/identity/index.ts';
import { createBulkActions, createViewsService, viewsRoutes } from './modules/views/index.ts';
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
  caseAttachments: ReturnType<typeof createCaseAttachments>;
  macros: ReturnType<typeof createMacrosService>;
  views: ReturnType<typeof createViewsService>;
  bulkActions: ReturnType<typeof createBulkActions>;
  sla: ReturnType<typeof createSlaEngine>;
  slaRecomputations: ReturnType<typeof createSlaRecomputations>;
  routing: ReturnType<typeof createRoutingService>;
  escalations: ReturnType<typeof createEscalationsService>;
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
  await app.register(caseAttachmentsRoutes(services.caseAttachments));
  await app.register(macrosRoutes(services.macros));
  await app.register(viewsRoutes(services.views, services.bulkActions));
  await app.register(slaRoutes(services.sla));
  await app.register(recomputeRoutes(services.slaRecomputations));
  await app.register(routingRoutes(services.routing, services.escalations));
  await app.register(auditRoutes({ db: deps.db }));
  return { app, services };
}

export function createServices(
  deps: Pick<AppDeps, 'db' | 'clock' | 'files' | 'loginAttemptsPerMinute' | 'reopenWindowDays'>,
): Services {
  const notifications = createNotificationsService({ db: deps.db, clock: deps.clock });
  const views = createViewsService({ db: deps.db, clock: deps.clock });
  // The engine recomputes clocks on every case change and changes cases on a breach: each needs the other.
  const sla = createSlaEngine({
    db: deps.db,
    clock: deps.clock,
    notify: notifications.notify,
    cases: () => cases,
  });
  // Changes that move due times of cases already open (calendars, contracts, agreements) queue a
  // recomputation of those cases' clocks, in the change's transaction.
  const slaRecomputations = createSlaRecomputations({ db: deps.db, clock: deps.clock, engine: sla });
  const cases = createCasesService({
    db: deps.db,
    clock: deps.clock,
    reopenWindowDays: deps.reopenWindowDays ?? 14,
    listeners: [sla.recompute],
    messageListeners: [createMentionNotifier({ notify: notifications.notify })],
    router: createCaseRouter(),
  });
  return {
    identity: createIdentityService({
      db: deps.db,
      clock: deps.clock,
      loginThrottle: createLoginThrottle({ limit: deps.loginAttemptsPerMinute ?? 20, windowMs: 60_000 }),
    }),
    accounts: createAccountsService({ db: deps.db, clock: deps.clock }),
    calendars: createCalendarsService({
      db: deps.db,
      clock: deps.clock,
      onChanged: slaRecomputations.calendarChanged,
    }),
    agreements: createAgreementsService({
      db: deps.db,
      clock: deps.clock,
      onChanged: slaRecomputations.agreementChanged,
    }),
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
      onChanged: slaRecomputations.contractChanged,
    }),
    cases,
    caseAttachments: createCaseAttachments({ db: deps.db, clock: deps.clock, files: deps.files, cases }),
    macros: createMacrosService({ db: deps.db, clock: deps.clock, cases }),
    views,
    bulkActions: createBulkActions({ db: deps.db, cases, views }),
    sla,
    slaRecomputations,
    routing: createRoutingService({ db: deps.db, clock: deps.clock }),
    escalations: createEscalationsService({
      db: deps.db,
      clock: deps.clock,
      cases,
      notify: notifications.notify,
    }),
  };
}

const minuteMs = 60 * 1000;
const hourMs = 60 * minuteMs;

/** Housekeeping every process schedules; the singleton key keeps one queued run cluster-wide. */
export function scheduleHousekeeping(jobs: Jobs, clock: Clock, services: Services): void {
  jobs.every(createIdentityPurgeJob(clock), {}, hourMs);
  jobs.every(createIdempotencyPurgeJob(clock), {}, hourMs);
  jobs.every(createActionItemRemindersJob(clock), {}, hourMs);
  jobs.every(services.contracts.lifecycleJob, {}, hourMs);
  // Not recurring: each check is enqueued for its case's next warning or due instant.
  jobs.register(services.sla.checkJob);
  services.sla.useJobs(jobs);
  jobs.every(services.sla.sweepJob, {}, minuteMs);
  jobs.every(services.cases.search.pruneJob, {}, 10 * minuteMs);
  jobs.register(services.slaRecomputations.runJob);
  services.slaRecomputations.useJobs(jobs);
}
