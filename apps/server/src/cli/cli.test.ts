import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../platform/db/index.ts';

/** The real `paydesk` command in child processes, on throwaway embedded data directories. */
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/paydesk.js');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paydesk-cli-'));
  dirs.push(dir);
  return dir;
}

function paydesk(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('paydesk CLI', { timeout: 180_000 }, () => {
  it('lists every configuration problem at once and exits non-zero', () => {
    const result = paydesk(['migrate'], {
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      PUBLIC_URL: 'not a url',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT must be an integer');
    expect(result.stderr).toContain('LOG_LEVEL must be one of');
    expect(result.stderr).toContain('DATABASE_URL must be a postgres://');
    expect(result.stderr).toContain('PUBLIC_URL is not a URL');
  });

  it('refuses a data directory another process holds, naming its pid, without opening it', async () => {
    const dataDir = tempDataDir();
    // A real second process holds the lock: a child that takes it and waits.
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { acquireDataDirLock } = await import(${JSON.stringify(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../platform/db/index.ts'))}); acquireDataDirLock(${JSON.stringify(dataDir)}); console.log('locked'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env } },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) =>
          chunk.toString().includes('locked') ? resolve() : undefined,
        );
        holder.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      const result = paydesk(['migrate'], { PAYDESK_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`in use by another Paydesk process (pid ${holder.pid})`);
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died', () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, 'paydesk.lock'), '999999999\n');
    const lock = acquireDataDirLock(dataDir);
    expect(fs.readFileSync(lock.path, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it('seeds the demo, creates a user, and verifies the audit log until someone tampers with it', async () => {
    const dataDir = tempDataDir();
    const env = { PAYDESK_DATA_DIR: dataDir };

    const seeded = paydesk(['seed', '--demo', '--json'], env);
    expect(seeded.stderr).toBe('');
    expect(JSON.parse(seeded.stdout)).toMatchObject({ seeded: true, accounts: 12 });
    expect(JSON.parse(paydesk(['seed', '--demo', '--json'], env).stdout)).toMatchObject({ seeded: false });

    const created = paydesk(
      [
        'user',
        'create',
        '--email',
        'Ops@Example.test',
        '--name',
        'Ops',
        '--role',
        'agent',
        '--tier',
        '2',
        '--password-stdin',
        '--json',
      ],
      env,
      'a-long-cli-password\n',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ email: 'ops@example.test', role: 'agent', tier: 2 });

    const weak = paydesk(['user', 'create', '--email', 'x@example.test', '--name', 'X', '--role', 'agent'], {
      ...env,
      PAYDESK_NEW_PASSWORD: 'short',
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('AUTH_PASSWORD_TOO_WEAK');
    const badRole = paydesk(
      ['user', 'create', '--email', 'x@example.test', '--name', 'X', '--role', 'wizard'],
      env,
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('Allowed choices are');

    const intact = paydesk(['audit', 'verify', '--json'], env);
    expect(intact.code).toBe(0);
    const report = JSON.parse(intact.stdout) as { ok: boolean; checked: number };
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(30);

    // Tamper as someone with direct database access would: bypass the append-only trigger.
    const pglite = await PGlite.create(path.join(dataDir, 'pglite'));
    await pglite.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER;
      UPDATE audit_log SET changes = '{"role": "admin"}' WHERE seq = 7;
      ALTER TABLE audit_log ENABLE TRIGGER USER;`);
    await pglite.close();

    const broken = paydesk(['audit', 'verify', '--json'], env);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, firstBrokenSeq: '7', checked: 6 });
    expect(paydesk(['audit', 'verify'], env).stdout).toContain('BROKEN at entry 7');
  });

  it('serves until SIGTERM, then shuts down cleanly and releases the data directory', async () => {
    const dataDir = tempDataDir();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = spawn(process.execPath, [bin, 'serve'], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', PAYDESK_DATA_DIR: dataDir, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    let ready = false;
    for (let i = 0; i < 120 && !ready; i++) {
      ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((r) => setTimeout(r, 500));
    }
    expect(ready).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, 'paydesk.lock'), 'utf8').trim()).toBe(String(server.pid));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'paydesk.lock'))).toBe(false);
  });

  it('prints help for every command', () => {
    for (const args of [
      ['--help'],
      ['serve', '--help'],
      ['migrate', '--help'],
      ['seed', '--help'],
      ['user', 'create', '--help'],
      ['audit', 'verify', '--help'],
    ]) {
      const result = paydesk(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: paydesk');
    }
  });
});
