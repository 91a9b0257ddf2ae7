import path from 'node:path';

/**
 * The environment, parsed once at boot. Every problem is collected so an operator fixes them all in
 * one go instead of one per restart.
 */
export interface Config {
  dataDir: string;
  /** Uploaded files (contract documents, attachments), content-addressed; default `<dataDir>/files`. */
  filesDir: string;
  /** Set: a PostgreSQL server. Unset: embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  publicUrl: string;
  logLevel: LogLevel;
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
  /** Days after resolution during which a reply or a status change reopens a case. */
  reopenWindowDays: number;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const problems: string[] = [];

  const port = parsePort(env.PORT ?? '3000', problems);
  const host = env.HOST ?? '0.0.0.0';
  const dataDir = path.resolve(cwd, env.PAYDESK_DATA_DIR ?? './data');
  const filesDir = path.resolve(cwd, emptyToUndefined(env.PAYDESK_FILES_DIR) ?? path.join(dataDir, 'files'));

  const databaseUrl = emptyToUndefined(env.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const publicUrl = emptyToUndefined(env.PUBLIC_URL) ?? `http://localhost:${port ?? 3000}`;
  let secureCookies = false;
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push('PUBLIC_URL must be http(s)');
    secureCookies = url.protocol === 'https:';
  } catch {
    problems.push(`PUBLIC_URL is not a URL: ${publicUrl}`);
  }

  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!logLevels.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}`);
  }

  const reopenRaw = emptyToUndefined(env.PAYDESK_REOPEN_WINDOW_DAYS) ?? '14';
  const reopenWindowDays = Number(reopenRaw);
  if (!/^\d{1,3}$/.test(reopenRaw) || reopenWindowDays > 365)
    problems.push(
      `PAYDESK_REOPEN_WINDOW_DAYS must be a whole number of days from 0 to 365, got "${reopenRaw}"`,
    );

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    dataDir,
    filesDir,
    databaseUrl,
    port: port ?? 3000,
    host,
    publicUrl: publicUrl.replace(/\/$/, ''),
    logLevel,
    secureCookies,
    reopenWindowDays,
  };
}

function parsePort(raw: string, problems: string[]): number | undefined {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 0 || port > 65535) {
    problems.push(`PORT must be an integer between 0 and 65535, got "${raw}"`);
    return undefined;
  }
  return port;
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
