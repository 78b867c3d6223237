import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slow reliability tests run on their own: npm run test:stress (vitest.stress.config.ts).
    exclude: [...configDefaults.exclude, 'test/stress/**'],
    // A few CLI tests spawn the built binary and the browser test drives Chromium: room for a loaded 2-core machine.
    testTimeout: 30_000,
    pool: 'forks',
    // vitest's default leaves one core of two idle; the CLI tests wait on child processes much of the time.
    maxWorkers: 2,
    // Test files share a worker's loaded modules instead of each loading them again (68 s -> 45 s on
    // 2 cores). Safe because no test replaces a module (no vi.mock) and each test makes its own
    // database and environment; a test that stubs a global restores it (vi.unstubAllGlobals).
    isolate: false,
    // The databases CLI tests copy, seeded once per run (test/helpers/seeded-db.ts), and the run's temporary folder.
    globalSetup: ['test/helpers/templates.ts'],
  },
});
