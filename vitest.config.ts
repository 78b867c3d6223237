import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slow reliability tests run on their own: npm run test:stress (vitest.stress.config.ts).
    exclude: [...configDefaults.exclude, 'test/stress/**'],
    // CLI tests spawn the built binary; give a loaded 2-core CI machine room.
    testTimeout: 30_000,
    pool: 'forks',
    // The databases CLI tests copy, seeded once per run (test/helpers/run-main.ts).
    globalSetup: ['test/helpers/templates.ts'],
  },
});
