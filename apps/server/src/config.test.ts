import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('defaults to embedded PGlite in ./data on port 3000', () => {
    expect(parseConfig({}, '/srv/paydesk')).toEqual({
      dataDir: path.resolve('/srv/paydesk/data'),
      filesDir: path.resolve('/srv/paydesk/data/files'),
      databaseUrl: undefined,
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
      secureCookies: false,
      reopenWindowDays: 14,
    });
  });

  it('keeps uploaded files where PAYDESK_FILES_DIR says, relative to the working directory', () => {
    expect(parseConfig({ PAYDESK_FILES_DIR: 'shared/files' }, '/srv/paydesk').filesDir).toBe(
      path.resolve('/srv/paydesk/shared/files'),
    );
  });

  it('uses a PostgreSQL server when DATABASE_URL is set, and secure cookies behind https', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://u@db:5432/paydesk',
      PUBLIC_URL: 'https://desk.example.com/',
      PORT: '8080',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@db:5432/paydesk',
      port: 8080,
      publicUrl: 'https://desk.example.com',
      secureCookies: true,
    });
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({
        PORT: '70000',
        LOG_LEVEL: 'chatty',
        DATABASE_URL: 'mysql://db',
        PUBLIC_URL: 'ftp://x',
        PAYDESK_REOPEN_WINDOW_DAYS: 'a fortnight',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(5);
    }
  });
});
