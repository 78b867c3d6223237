// The built binary against the source: each command, run through bin/treaty.js and its bundle, prints
// what main() prints in-process. The rest of the CLI tests run in-process; this catches what only the
// bundle can get wrong (a module left out, a lazy import that does not resolve, the launcher).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const AS_OF = ['--as-of', '2026-11-23'];
const COMMANDS: [string, string[]][] = [
  ['status', ['status', ...AS_OF]],
  ['participants', ['participants', '--csv', ...AS_OF]],
  ['history', ['history', 'Viet Nam', ...AS_OF]],
  ['export', ['export', '--all-treaties', '--json', ...AS_OF]],
  ['treaties', ['treaties', ...AS_OF]],
  ['compare', ['compare', 'hanoi', 'budapest', '--csv', ...AS_OF]],
  ['explain', ['explain', '--treaty', 'budapest', ...AS_OF]],
  ['what-if', ['what-if', '--add', '40', '--on', '2027-03-01', '--json']],
  ['pace', ['pace', 'hanoi', 'budapest', '--json', ...AS_OF]],
  ['timeline', ['timeline', '--treaty', 'budapest', ...AS_OF]],
  ['calendar', ['calendar', '--all-treaties', ...AS_OF]],
  ['changes', ['changes', '--with-seed', '--csv', '--treaty', 'budapest']],
  ['db check', ['db', 'check', '--json']],
  ['record', ['record', 'Qatar', 'ratification', '2026-02-10', '--source', 'https://example.org/q', '--dry-run']],
  ['remove', ['remove', 'Mauritius', 'signature', '2025-11-19', '--dry-run']],
  ['db update', ['db', 'update', '--dry-run']],
  ['completion', ['completion', 'bash']],
  ['help', ['participants', '--help']],
];

/** The moment of writing is the one thing two runs may print differently: calendar's DTSTAMP (RFC 5545). */
const unstamped = (text: string) => text.replace(/^DTSTAMP:\d{8}T\d{6}Z(?=\r?$)/gm, 'DTSTAMP:(when written)');

describe('the built binary', () => {
  it.each(COMMANDS)('%s prints what the source prints', async (_name, args) => {
    const env = envWithDb();
    // Each its own copy: a read may still bring the file's header up to date.
    const spawnedEnv = { ...env, TREATY_DB: join(tempDir(), 'treaty.db') };
    copyFileSync(env.TREATY_DB!, spawnedEnv.TREATY_DB);
    const inProcess = await runMain(args, env);
    expect(inProcess.code, inProcess.stderr).toBe(0);
    const spawned = runCli(args, spawnedEnv);
    expect(spawned.stderr).toBe(inProcess.stderr);
    expect(unstamped(spawned.stdout)).toBe(unstamped(inProcess.stdout.replaceAll(env.TREATY_DB!, spawnedEnv.TREATY_DB)));
    expect(spawned.code).toBe(0);
  });
});
