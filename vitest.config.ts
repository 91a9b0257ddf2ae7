import { defineConfig } from 'vitest/config';

/**
 * One command runs every suite: pure unit tests once, and the integration suite (files ending
 * `.int.test.ts`) on embedded PGlite and, when TEST_DATABASE_URL is set, again on PostgreSQL.
 * End-to-end browser tests have their own config (vitest.e2e.config.ts).
 */
const integration = (engine: 'pglite' | 'postgres') => ({
  test: {
    name: `integration:${engine}`,
    include: ['apps/server/**/*.int.test.ts'],
    env: { TEST_ENGINE: engine },
    globalSetup: ['apps/server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/**/*.test.ts', 'packages/**/*.test.ts', 'tools/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      integration('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [integration('postgres')] : []),
    ],
  },
});
