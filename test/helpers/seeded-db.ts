// Databases for tests, copied from the templates test/helpers/templates.ts seeds once per run.
// (Apart from run-main.ts: the global setup cannot import vitest, and this needs its inject.)
import { copyFileSync } from 'node:fs';
import { inject } from 'vitest';
import { cleanEnv, tempDir } from './run-cli.js';
import { FIXTURE_DATA } from './run-main.js';

export type Template = 'bundled' | 'fixture';

/**
 * A fresh HOME holding a copy of a seeded database: `bundled` from data/, `fixture` from
 * test/fixtures/data (TREATY_DATA_DIR points there too, for commands that read the data files).
 */
export function envWithDb(template: Template = 'bundled', extra: Record<string, string> = {}): Record<string, string> {
  const env = cleanEnv(tempDir(), template === 'fixture' ? { TREATY_DATA_DIR: FIXTURE_DATA, ...extra } : extra);
  copyFileSync(inject('templates')[template], env.TREATY_DB!);
  return env;
}
