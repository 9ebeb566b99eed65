import { defineConfig } from 'vitest/config';

// One run, named suites: unit and API tests are fast and parallel; browser tests share one real
// server and one Chromium, so they run one file at a time. The groups run one after the other:
// browser tests and whole-system proofs measure time (p99 budgets, a map that waits for the
// list) and must not share two cores with each other or with the unit suites.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'api', include: ['api/src/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      { test: { name: 'data', include: ['data/src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, sequence: { groupOrder: 0 } } },
      // The workspace's own rules: layering (dependency-cruiser), proved able to fail.
      { test: { name: 'rules', include: ['tests/rules/**/*.test.ts'], testTimeout: 60_000, sequence: { groupOrder: 0 } } },
      {
        extends: './web/vite.config.ts',
        test: { name: 'web', root: './web', include: ['src/**/*.test.{ts,tsx}'], environment: 'happy-dom', sequence: { groupOrder: 0 } },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
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
          sequence: { groupOrder: 2 },
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
