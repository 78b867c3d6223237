// The cron recipe of the README and `changes --help`, run as written in a POSIX shell, with `treaty`
// the built binary and `notify` a stand-in that writes down what it was given.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, cleanEnv, runCli, tempDir } from '../helpers/run-cli.js';

const RECIPE = 'if out=$(treaty changes --since-last --json); then notify "$out"; fi';

function setUp() {
  const bin = tempDir();
  const log = join(bin, 'notified.log');
  writeFileSync(join(bin, 'treaty'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  writeFileSync(join(bin, 'notify'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\n`);
  chmodSync(join(bin, 'treaty'), 0o755);
  chmodSync(join(bin, 'notify'), 0o755);
  const env = cleanEnv();
  env.PATH = `${bin}:${env.PATH}`;
  const cron = () => spawnSync('sh', ['-c', RECIPE], { env, cwd: ROOT, encoding: 'utf8' });
  const notified = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
  return { env, cron, notified };
}

describe('the cron recipe', () => {
  it('is the one the README and changes --help give', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(RECIPE);
    expect(runCli(['changes', '--help']).stdout).toContain(RECIPE);
  });

  it('runs notify once for a change, with the change, and not again until the next one', () => {
    const { env, cron, notified } = setUp();
    expect(runCli(['db', 'path'], env).code).toBe(0); // first use creates the database
    cron(); // marks everything so far as seen
    const seen = notified();
    expect(runCli(['record', 'Viet Nam', 'ratification', '2026-11-30', '--source', 'https://example.org/viet-nam', '--as-of', '2026-12-01'], env).code).toBe(0);
    expect(cron().status).toBe(0);
    const after = notified().slice(seen.length);
    expect(JSON.parse(after)).toEqual([expect.objectContaining({ added: 1, command: expect.stringContaining('record "Viet Nam" ratification') })]);
    expect(cron().status).toBe(0); // `if` makes exit code 3 the shell's "nothing to do"
    expect(notified()).toBe(seen + after);
  });

  it('does not notify when the command fails', () => {
    const { env, cron, notified } = setUp();
    env.TREATY_DB = join(tempDir(), 'missing', 'folder', 'treaty.db');
    cron();
    expect(notified()).toBe('');
  });
});
