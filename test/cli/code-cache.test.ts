// The launcher's V8 code cache (bin/treaty.js): written after a run that had none, used by the runs
// after it, and never written by a help run for the bundles help does not run, since such a cache
// (valid, so never replaced) would hold none of the functions a real run of the command compiles.
// Each case runs a copy of bin/ and dist/, so the package's own cache is left as it is.
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/run-cli.js';
import { envWithDb } from '../helpers/seeded-db.js';

let copy: string;
let env: Record<string, string>;

function run(args: readonly string[]) {
  const r = spawnSync(process.execPath, [join(copy, 'bin', 'treaty.js'), ...args], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** Each cache file and when it was written: a cache V8 rejected is written again. */
function written(): Record<string, number> {
  const dir = join(copy, 'dist', 'v8-cache');
  return Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
}

/** The bundles that have a cache, by bundle name. */
function cached(): string[] {
  const dir = join(copy, 'dist', 'v8-cache');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((f) => f.replace(/^dist~/, '').replace(/\.v\d.*$/, '')).sort();
}

beforeEach(() => {
  copy = tempDir();
  mkdirSync(join(copy, 'dist'));
  cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
  for (const f of readdirSync(join(ROOT, 'dist'))) if (f.endsWith('.cjs')) cpSync(join(ROOT, 'dist', f), join(copy, 'dist', f));
  cpSync(join(ROOT, 'data'), join(copy, 'data'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  env = envWithDb();
});

describe('the code cache', () => {
  it('is written by the first run of a command, for each bundle it loaded, and read by the next without change', () => {
    const first = run(['status', '--as-of', '2026-11-23']);
    expect(cached()).toEqual(expect.arrayContaining(['cli.cjs', 'commands-status.cjs', 'errors.cjs', 'respond.cjs', 'store-driver.cjs']));
    const before = written();
    expect(run(['status', '--as-of', '2026-11-23'])).toBe(first);
    expect(written()).toEqual(before);
  });

  it("is not written by a command's help for the bundles help only reads, so the command's first run writes them whole", () => {
    run(['participants', '--help']);
    expect(cached()).toEqual(['options-commander.cjs']);
    run(['participants', '--csv', '--as-of', '2026-11-23']);
    expect(cached()).toEqual(expect.arrayContaining(['cli.cjs', 'commands-participants.cjs', 'options-commander.cjs']));
  });
});
