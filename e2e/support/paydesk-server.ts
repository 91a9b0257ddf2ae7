import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `Paydesk exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Paydesk was not healthy within ${timeoutMs} ms:\n${output()}`);
}

/** Fails with a clear message, rather than a selector timeout, when the SPA is not being served. */
async function assertServesWebApp(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/login`, { headers: { accept: 'text/html' } });
  const body = await response.text();
  if (response.status !== 200 || !body.includes('id="root"')) {
    throw new Error(
      `Paydesk does not serve the web app at ${baseUrl}/login (HTTP ${response.status}); ` +
        `is apps/web/dist built and served with an index.html fallback?\n${body.slice(0, 500)}`,
    );
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `paydesk serve --demo` on a fresh data directory and a free port, and waits until
 * GET /health answers 200. PAYDESK_E2E_BASE_URL points the tests at a server that is already
 * running instead (for debugging against a dev setup).
 */
export async function startPaydesk(): Promise<RunningServer> {
  const external = process.env.PAYDESK_E2E_BASE_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ''), stop: async () => {} };

  const dataDir = await mkdtemp(path.join(tmpdir(), 'paydesk-e2e-'));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'apps/server/bin/paydesk.js'), 'serve', '--demo'],
    {
      cwd: repoRoot,
      env: { ...process.env, PAYDESK_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const stop = async () => {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => log, 120_000);
    await assertServesWebApp(baseUrl);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
