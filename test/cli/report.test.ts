// treaty report from the command line: where the page goes, what a bad --out does, and that nothing
// else changes. What the page shows is read back in a browser in test/browser/report.test.ts.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, listDir } from '../helpers/files.js';
import { BIN, cleanEnv, ROOT, runCliAs, tempDir, unprivileged } from '../helpers/run-cli.js';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const AS_OF = ['--as-of', '2026-11-23'];

describe('treaty report', () => {
  it('writes the page to --out, prints where, and says what it wrote on stderr', async () => {
    const env = envWithDb();
    const dir = tempDir();
    const file = join(dir, 'hanoi.html');
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['report', '--out', file, ...AS_OF], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${file}\n`);
    expect(r.stderr).toMatch(/^wrote .*hanoi\.html \(\d+ KB\): UN Convention against Cybercrime as of 2026-11-23; open it in a browser\n$/);
    const page = readFileSync(file, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<title>UN Convention against Cybercrime: status as of 2026-11-23</title>');
    expect(page).toContain('<span class="num" data-field="signatories">73</span>');
    expect(page).not.toMatch(/<script|\ssrc=|<link|@import/);
    expect(listDir(dir)).toEqual(['hanoi.html']);
    // A report reads; it never writes to the database.
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('prints the page on stdout when it is not a terminal, for a pipe or a redirection', async () => {
    const r = await run(['report', '--treaty', 'budapest', ...AS_OF], envWithDb());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
    expect(r.stdout).toContain('data-treaty="ets185"');
    expect(r.stderr).toBe('');
  });

  it('puts every treaty in one page with --all-treaties, each in its own section', async () => {
    const r = await run(['report', '--all-treaties', ...AS_OF], envWithDb());
    expect(r.code).toBe(0);
    expect(r.stdout.match(/<section class="treaty"/g)).toHaveLength(2);
    expect(r.stdout).toContain('<title>Treaties: status as of 2026-11-23</title>');
  });

  it('replaces an existing file whole, leaving no temporary file beside it', async () => {
    const env = envWithDb();
    const dir = tempDir();
    const file = join(dir, 'report.html');
    writeFileSync(file, 'old contents that are longer than nothing');
    expect((await run(['report', '--out', file, ...AS_OF], env)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
    expect(listDir(dir)).toEqual(['report.html']);
  });

  it('writes to a device such as /dev/null as it is, without renaming over it', async () => {
    const r = await run(['report', '--out', '/dev/null', ...AS_OF], envWithDb());
    expect(r.code).toBe(0);
    // No path on stdout: it may be the very device just written to.
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wrote \/dev\/null /);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(listDir('/dev').filter((f) => f.startsWith('.null.'))).toEqual([]);
  });

  it('writes to /dev/stdout in a pipeline without adding its path to the page', async () => {
    const env = envWithDb();
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" report --as-of 2026-11-23 --out /dev/stdout | cat`], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
  });

  it('follows a symbolic link to the file it names, and keeps the permissions that file had', async () => {
    const dir = tempDir();
    const real = join(dir, 'real.html');
    writeFileSync(real, 'old');
    chmodSync(real, 0o600);
    symlinkSync(real, join(dir, 'link.html'));
    expect((await run(['report', '--out', join(dir, 'link.html'), ...AS_OF], envWithDb())).code).toBe(0);
    expect(lstatSync(join(dir, 'link.html')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(listDir(dir)).toEqual(['link.html', 'real.html']);
  });

  it.skipIf(unprivileged() === null)('refuses a file its user may not write, though the folder would allow replacing it', () => {
    // As root every file is writable, so the command runs as nobody there; a folder open to all lets
    // nobody create the database and the temporary file, and only the file's own mode says no.
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const file = join(dir, 'read-only.html');
    writeFileSync(file, 'keep me');
    chmodSync(file, 0o444);
    const env = cleanEnv(dir, { TREATY_DB: join(dir, 'treaty.db') });
    const r = runCliAs(unprivileged()!, ['report', '--out', file, ...AS_OF], env);
    expect(r.stderr).toBe(`error: cannot write ${file}: permission denied\n`);
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(listDir(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write over the database it reads, or its journal', async () => {
    const env = envWithDb();
    const db = fingerprint(env.TREATY_DB!);
    for (const out of [env.TREATY_DB!, `${env.TREATY_DB!}-wal`]) {
      const r = await run(['report', '--out', out, ...AS_OF], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: cannot write .*: it is the database \(or its journal\), which this would destroy\nhint: choose another file name\n$/);
    }
    expect(fingerprint(env.TREATY_DB!)).toBe(db);
    expect((await run(['status'], env)).code).toBe(0);
  });

  it('refuses an empty file name as a usage error', async () => {
    const r = await run(['report', '--out', '', ...AS_OF], cleanEnv());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --out: expected a file path, got ""\n');
  });

  describe('bad --out: one line, exit 1, nothing written, the database unchanged', () => {
    const cases: [string, (dir: string) => string, RegExp][] = [
      ['a missing folder', (dir) => join(dir, 'missing', 'hanoi.html'), /^error: cannot write .*missing\/hanoi\.html: folder .*missing does not exist\n$/],
      ['a folder', (dir) => dir, /^error: cannot write .*: it is a folder\nhint: give a file name, e.g. --out report.html\n$/],
      ['a path through a file', (dir) => (writeFileSync(join(dir, 'plain'), 'x'), join(dir, 'plain', 'hanoi.html')), /^error: cannot write .*plain\/hanoi\.html: .*plain is not a folder\n$/],
      ['a full device', () => '/dev/full', /^error: cannot write \/dev\/full: no space left on the device\n$/],
      ['a read-only file system', () => '/proc/hanoi.html', /^error: cannot write \/proc\/hanoi\.html: .+\n$/],
    ];
    for (const [what, target, message] of cases) {
      it(what, async () => {
        const env = envWithDb();
        const dir = tempDir();
        const out = target(dir);
        const files = listDir(dir);
        const db = fingerprint(env.TREATY_DB!);
        const r = await run(['report', '--out', out, ...AS_OF], env);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
        expect(listDir(dir)).toEqual(files);
        expect(fingerprint(env.TREATY_DB!)).toBe(db);
      });
    }
  });

  it('leaves an existing file as it was when the report cannot be made', async () => {
    const env = envWithDb();
    const file = join(tempDir(), 'keep.html');
    writeFileSync(file, 'keep me');
    const r = await run(['report', '--treaty', 'atlantis', '--out', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: unknown treaty "atlantis"\n/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect((await run(['report', '--as-of', '2026-02-30', '--out', file], env)).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('creates no database file when the first command fails', async () => {
    const env = cleanEnv();
    const r = await run(['report', '--out', join(tempDir(), 'missing', 'x.html')], env);
    expect(r.code).toBe(1);
    expect(fingerprint(env.TREATY_DB!)).toBeNull();
  });

  it('escapes what comes from the data: a hostile title or name never becomes markup', async () => {
    const data = join(tempDir(), 'data');
    cpSync(join(ROOT, 'test', 'fixtures', 'data'), data, { recursive: true });
    const treatyFile = join(data, 'treaties', 'T-1.json');
    const treaty = JSON.parse(readFileSync(treatyFile, 'utf8')) as { short_title: string };
    treaty.short_title = 'Test </title><script>alert(1)</script>';
    writeFileSync(treatyFile, JSON.stringify(treaty));
    const r = await run(['report', '--treaty', 'T-1', '--as-of', '2022-06-30'], cleanEnv(tempDir(), { TREATY_DATA_DIR: data }));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('<script');
    expect(r.stdout).toContain('Test &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // Names with apostrophes and accents come through intact.
    expect(r.stdout).toContain('Côte d&#39;Ivoire');
  });

  it('is in --help, with examples', async () => {
    const r = await run(['report', '--help'], cleanEnv());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--out <file>');
    expect(r.stdout).toContain('--all-treaties');
    expect(r.stdout).toContain('treaty report --out hanoi.html');
  });
});

describe('treaty db backup keeps refusing what it cannot rename over', () => {
  it('refuses a device even with --force', async () => {
    const env = envWithDb();
    const r = await run(['db', 'backup', '/dev/null', '--force'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: cannot write /dev/null: not a regular file\n');
  });
});
