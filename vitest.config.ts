import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slow reliability tests run on their own: npm run test:stress (vitest.stress.config.ts).
    exclude: [...configDefaults.exclude, 'test/stress/**'],
    // A few CLI tests spawn the built binary and the browser test drives Chromium: room for a loaded 2-core machine.
    testTimeout: 30_000,
    pool: 'forks',
    // The databases CLI tests copy, seeded once per run (test/helpers/seeded-db.ts), and the run's temporary folder.
    globalSetup: ['test/helpers/templates.ts'],
  },
});
