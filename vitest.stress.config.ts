import { defineConfig } from 'vitest/config';

// The slow reliability tests: concurrent writers, imports killed mid-way, undo of a 100,000-row set under a memory cap. `npm run test:stress`.
export default defineConfig({
  test: {
    include: ['test/stress/**/*.test.ts'],
    testTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
    // The seeded template databases some of them copy (test/helpers/seeded-db.ts).
    globalSetup: ['test/helpers/templates.ts'],
  },
});
