import { defineConfig } from 'vitest/config';

// The slow reliability tests: concurrent writers and imports killed mid-way. `npm run test:stress`.
export default defineConfig({
  test: {
    include: ['test/stress/**/*.test.ts'],
    testTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
