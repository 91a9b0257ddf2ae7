// @ts-check
// `npm run dev`: the Paydesk server (demo data, port 3000) and Vite's dev server (port 5173, hot
// reload) side by side; Vite proxies /api to the server. Ctrl-C stops both.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['apps/server/bin/paydesk.js', 'serve', '--demo'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: process.env.PORT ?? '3000' },
  }),
  spawn('npm', ['run', 'dev', '-w', 'apps/web', '--', '--port', '5173', '--strictPort'], {
    stdio: 'inherit',
    env: { ...process.env, PAYDESK_SERVER_URL: `http://localhost:${process.env.PORT ?? '3000'}` },
  }),
];

let stopping = false;
function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stopAll(code ?? 1));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
console.log('\n  Paydesk dev: open http://localhost:5173 (Vite, hot reload; API proxied to the server)\n');
