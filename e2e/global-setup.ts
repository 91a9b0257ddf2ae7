import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The server serves apps/web/dist, so the web app is built before any browser test runs. */
export function setup(): void {
  if (process.env.PAYDESK_E2E_SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: repoRoot, stdio: 'inherit' });
}
