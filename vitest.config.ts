import { defineConfig } from 'vitest/config';

// One run, named suites: unit and API tests are fast and parallel; browser tests share one real
// server and one Chromium, so they run one file at a time.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'api', include: ['api/src/**/*.test.ts'] } },
      { test: { name: 'data', include: ['data/src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        extends: './web/vite.config.ts',
        test: { name: 'web', root: './web', include: ['src/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Whole-system proofs against real server processes: crashes, backups, load with writers.
        test: {
          name: 'system',
          include: ['tests/system/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
