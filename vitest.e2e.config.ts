import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: a real Paydesk server (embedded PGlite, demo data) and Debian's Chromium
 * driven by playwright-core. The web app is built once before the run (see e2e/global-setup.ts).
 * Files run one after another in a single process: each starts its own server on a free port.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    sequence: { concurrent: false },
    retry: 0,
  },
});
