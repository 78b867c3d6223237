// `npm run build` while `treaty` runs: the build replaces dist/ whole even while a run writes its V8
// code cache into dist/v8-cache (before, removing dist/ in place died with ENOTEMPTY), and a run that
// finds no bundle says so in one line instead of a stack trace. Each case works on a copy of the
// package in a temporary folder, so the package's own dist/ is left as it is for the other tests.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/run-cli.js';
import { envWithDb } from '../helpers/seeded-db.js';

const NOT_BUILT = 'error: treaty is being rebuilt or not built: run npm run build\n';

/** bin/, and dist/ when asked, of a package in a folder of its own. */
function packageCopy(withDist: boolean): string {
  const copy = tempDir();
  cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  cpSync(join(ROOT, 'data'), join(copy, 'data'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  if (withDist) {
    mkdirSync(join(copy, 'dist'));
    for (const f of readdirSync(join(ROOT, 'dist'))) if (f.endsWith('.cjs')) cpSync(join(ROOT, 'dist', f), join(copy, 'dist', f));
  }
  return copy;
}

function runCopy(copy: string, args: readonly string[]) {
  return spawnSync(process.execPath, [join(copy, 'bin', 'treaty.js'), ...args], { env: envWithDb(), encoding: 'utf8' });
}

/** Exits with the code of the child, whatever it is. */
function exitOf(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((done) => child.on('close', (code) => done(code)));
}

describe('a run while the bundles are missing', () => {
  it('says in one line that treaty is being rebuilt or not built, exit 1, when dist/ is gone', () => {
    const r = runCopy(packageCopy(false), ['status']);
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 1, stdout: '', stderr: NOT_BUILT });
  });

  it('says the same when a bundle loaded on demand is gone', () => {
    const copy = packageCopy(true);
    rmSync(join(copy, 'dist', 'commands-status.cjs'));
    const r = runCopy(copy, ['status']);
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 1, stdout: '', stderr: NOT_BUILT });
  });
});

describe('the build', () => {
  it('replaces dist/ whole while a run keeps writing its code cache into dist/v8-cache', async () => {
    const copy = packageCopy(false);
    mkdirSync(join(copy, 'scripts'));
    cpSync(join(ROOT, 'scripts', 'build.mjs'), join(copy, 'scripts', 'build.mjs'));
    symlinkSync(join(ROOT, 'src'), join(copy, 'src'));
    const cache = join(copy, 'dist', 'v8-cache');
    mkdirSync(cache, { recursive: true });
    // What bin/treaty.js does when it saves a cache (mkdir -p, a temporary file, a rename), without end.
    const writer = spawn(process.execPath, ['-e', `
      const fs = require('node:fs');
      const dir = ${JSON.stringify(cache)};
      for (let i = 0; ; i += 1) {
        try {
          fs.mkdirSync(dir, { recursive: true });
          fs.writeFileSync(dir + '/c.' + i + '.tmp', 'x');
          fs.renameSync(dir + '/c.' + i + '.tmp', dir + '/c.' + (i % 50) + '.bin');
        } catch {}
      }`], { stdio: 'ignore' });
    const build = spawn(process.execPath, [join(copy, 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    build.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await exitOf(build);
    writer.kill();
    await exitOf(writer);
    expect(code, stderr).toBe(0);
    expect(existsSync(join(copy, 'dist', 'cli.cjs'))).toBe(true);
    expect(readdirSync(copy).filter((f) => f.startsWith('dist.'))).toEqual([]);
    const r = runCopy(copy, ['status', '--as-of', '2026-11-23', '--json']);
    expect(r.status, r.stderr).toBe(0);
  });
});
