import type { Db } from '../db/index.ts';

/** The slice of pino the jobs platform needs, so a pino logger (or a test double) fits as is. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobContext {
  db: Db;
  /** Already carries `job`, `jobId` and `attempt`, so handlers log only what is theirs. */
  logger: Logger;
  jobId: string;
  /** 1 on the first run; a retry, an expiry or a release at shutdown each start a new attempt. */
  attempt: number;
  /**
   * Aborted when this attempt is given up while the handler is still running (its claim was
   * released at shutdown, or it ran past `expireInSeconds`). Another attempt may already be under
   * way, so a long handler should check it between steps and stop.
   */
  signal: AbortSignal;
}

export interface JobOptions {
  /** Retries after the first attempt; 0 means one attempt only. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Doubles the delay on each retry (with jitter), starting from `retryDelaySeconds`. */
  retryBackoff: boolean;
  /** How long one attempt may run before it is failed and, retries permitting, run again. */
  expireInSeconds: number;
}

export interface JobDefinition<P> {
  readonly name: string;
  handle(payload: P, ctx: JobContext): Promise<void>;
  readonly options: JobOptions;
}

// Chosen for the jobs Paydesk has (SLA checks, e-mail out, recomputation): a few quick retries
// ride out a busy or restarting database; five minutes is far beyond any of them, and failing a
// stuck attempt sooner lets another process take it over.
const defaultOptions: JobOptions = {
  retryLimit: 5,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireInSeconds: 300,
};

const kebabCase = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Declares a background job. The name is its queue, kebab-case (`sla-breach-check`), and must stay
 * stable: jobs already queued under it run only if a process still registers that name.
 *
 * **The handler must be idempotent.** A job may run more than once: after a failed attempt, when
 * an attempt outlives `expireInSeconds`, when a process stops or dies mid-run, or when the handler
 * finished but the completion did not reach the database. Write handlers so a second run changes
 * nothing (check-then-act inside one transaction, upserts, an idempotency key toward other systems).
 *
 * The payload travels as JSON: use plain objects of strings, numbers, booleans, arrays and nulls
 * (ids, not rows; ISO strings, not Dates; minor units as strings, not bigints).
 */
export function defineJob<P extends object>(
  name: string,
  handle: (payload: P, ctx: JobContext) => Promise<void>,
  options: Partial<JobOptions> = {},
): JobDefinition<P> {
  if (!kebabCase.test(name)) throw new Error(`job name must be kebab-case, got ${JSON.stringify(name)}`);
  const resolved: JobOptions = { ...defaultOptions, ...options };
  assertInteger(name, 'retryLimit', resolved.retryLimit, 0);
  assertInteger(name, 'retryDelaySeconds', resolved.retryDelaySeconds, 0);
  // pg-boss refuses expirations beyond 24 hours; saying so here points at the definition instead.
  assertInteger(name, 'expireInSeconds', resolved.expireInSeconds, 1, 24 * 60 * 60);
  return Object.freeze({ name, handle, options: Object.freeze(resolved) });
}

function assertInteger(
  job: string,
  option: string,
  value: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`job ${job}: ${option} must be an integer from ${min} to ${max}, got ${value}`);
  }
}
