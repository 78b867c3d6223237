// What --db may name: a regular file (or a link to one), or a path where nothing is yet. Everything
// else is refused in one line and left exactly as it was. These run the real binary: first use and
// special files are what only a process shows. Nothing here goes near the machine's own /dev: a FIFO
// and a socket are made in a temporary folder, a device node only inside a private mount namespace.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, ROOT, runCli, runCliAsync, tempDir } from '../helpers/run-cli.js';

const AS_OF = '2026-01-15';

/** The folder's entries with their kind and size: what "left untouched, nothing created" compares. */
function listing(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const s = lstatSync(join(dir, name));
      return `${name} ${s.isSymbolicLink() ? 'link' : s.isFIFO() ? 'fifo' : s.isSocket() ? 'socket' : s.isDirectory() ? 'dir' : 'file'} ${s.isFile() ? s.size : ''}`;
    });
}

function expectRefused(r: { code: number | null; stdout: string; stderr: string }, first: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(first);
  expect(lines.length).toBeLessThanOrEqual(2);
  if (lines[1] !== undefined) expect(lines[1]).toMatch(/^hint: /);
}

function mkfifo(path: string): void {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

describe('--db that is not a database file', () => {
  it.each(['status', 'participants', 'record VNM declaration 2026-01-02 --source https://example.org/a'])('refuses a FIFO and leaves it a FIFO (%s)', (command) => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    mkfifo(fifo);
    const before = listing(dir);
    const r = runCli(['--db', fifo, ...command.split(' '), '--as-of', AS_OF]);
    expectRefused(r, new RegExp(`^error: database path ${fifo} is a named pipe \\(FIFO\\), not a file$`));
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(listing(dir)).toEqual(before);
  });

  it('refuses a socket', async () => {
    const dir = tempDir();
    const socket = join(dir, 'sock');
    const server = createServer();
    await new Promise<void>((done) => server.listen(socket, done));
    try {
      const before = listing(dir);
      const r = await runCliAsync(['--db', socket, 'record', 'VNM', 'declaration', '2026-01-02', '--source', 'https://example.org/a'], cleanEnv());
      expectRefused(r, /is a socket, not a file$/);
      expect(listing(dir)).toEqual(before);
    } finally {
      server.close();
    }
  });

  it('refuses a dangling symbolic link and creates nothing, on every try', () => {
    const dir = tempDir();
    const link = join(dir, 'treaty.db');
    symlinkSync(join(dir, 'gone', 'treaty.db'), link);
    const before = listing(dir);
    for (let i = 0; i < 3; i++) {
      const r = runCli(['--db', link, 'status', '--as-of', AS_OF]);
      expectRefused(r, /is a symbolic link to .*gone\/treaty\.db, which does not exist$/);
    }
    expect(listing(dir)).toEqual(before);
    expect(existsSync(join(dir, 'gone'))).toBe(false);
  });

  it('follows a symbolic link to a database file', () => {
    const dir = tempDir();
    const real = join(dir, 'real.db');
    expect(runCli(['--db', real, 'status', '--as-of', AS_OF]).code).toBe(0);
    symlinkSync(real, join(dir, 'link.db'));
    expect(runCli(['--db', join(dir, 'link.db'), 'record', 'VNM', 'declaration', '2026-01-02', '--source', 'https://example.org/a']).code).toBe(0);
    expect(lstatSync(join(dir, 'link.db')).isSymbolicLink()).toBe(true);
    expect(runCli(['--db', real, 'export', '--csv']).stdout).toContain('VNM,declaration,2026-01-02');
  });

  it.each([':memory:', 'file:treaty.db'])('refuses %s with a hint and makes no file of that name', (name) => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, [BIN, '--db', name, 'status'], { cwd: dir, encoding: 'utf8', env: cleanEnv() });
    expectRefused({ code: r.status, stdout: r.stdout, stderr: r.stderr }, /is not a file name: treaty keeps its data in a file$/);
    expect(r.stderr).toMatch(/hint: .*mktemp/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fills an empty regular file (a placeholder made by mktemp)', () => {
    const dir = tempDir();
    const file = join(dir, 'placeholder.db');
    writeFileSync(file, '');
    expect(runCli(['--db', file, 'status', '--json', '--as-of', AS_OF]).code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(runCli(['--db', file, 'db', 'check']).code).toBe(0);
  });

  it('leaves no database and no lock when the first command fails', () => {
    const dir = tempDir();
    const db = join(dir, 'treaty.db');
    const r = runCli(['--db', db, 'record', 'Atlantis', 'ratification', '2026-01-02', '--source', 'https://example.org/a']);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  // A device node made inside a private mount namespace on a tmpfs of its own: root only, and only
  // where unshare works; the namespace and its tmpfs vanish with the shell, never touching /dev.
  const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;
  it.skipIf(!canUnshare)('refuses a character device (made in a private mount namespace) and leaves it a device', () => {
    const dir = tempDir();
    const script = [
      'set -e',
      `mount -t tmpfs none "${dir}"`,
      `mknod "${dir}/null" c 1 3`,
      `mknod "${dir}/zero" c 1 5`,
      `for dev in null zero; do "${process.execPath}" "${BIN}" --db "${dir}/$dev" status --as-of ${AS_OF} || echo "exit=$?"; done`,
      `ls -la "${dir}" | tail -n +2 | awk '{print substr($1,1,1), $NF}'`,
    ].join('\n');
    const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], { encoding: 'utf8', cwd: ROOT, env: cleanEnv() });
    expect(r.stderr).toContain(`error: database path ${dir}/null is a character device, not a file\n`);
    expect(r.stderr).toContain(`error: database path ${dir}/zero is a character device, not a file\n`);
    expect(r.stdout).toContain('exit=1\nexit=1\n');
    // Still two devices, and nothing else made beside them.
    expect(r.stdout.split('\n').filter((l) => /^[-cdlps] /.test(l) && !/ \.\.?$/.test(l))).toEqual(['c null', 'c zero']);
    expect(readdirSync(dir)).toEqual([]);
  });
});

function deadPid(): number {
  for (let pid = 4_000_000; pid > 1000; pid -= 7919) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no free pid found');
}

describe('temporary files a killed command left beside the database', () => {
  it('a killed creator leaves nothing that stops or survives the next first use', () => {
    const dir = tempDir();
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    // What SIGKILL during creation leaves: the lock file (its lock gone with the process) and the half-made database.
    writeFileSync(join(dir, '.treaty.db.lock'), '');
    const temp = join(dir, `.treaty.db.treaty-${deadPid()}.tmp`);
    writeFileSync(temp, 'half a database');
    utimesSync(temp, hourAgo, hourAgo);
    expect(runCli(['--db', join(dir, 'treaty.db'), 'status', '--as-of', AS_OF]).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['treaty.db']);
  });

  it('are removed by the next writer: only ours, only stale', () => {
    const dir = tempDir();
    const db = join(dir, 'treaty.db');
    expect(runCli(['--db', db, 'status', '--as-of', AS_OF]).code).toBe(0);
    const dead = deadPid();
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const twoDaysAgo = new Date(Date.now() - 48 * 60 * 60_000);
    const files = {
      staleDb: `.treaty.db.treaty-${dead}.tmp`,
      staleWal: `.treaty.db.treaty-${dead}.tmp-wal`,
      staleBackup: `.backup.db.treaty-${dead}.tmp`,
      abandoned: `.treaty.db.treaty-${process.pid}.tmp`, // a live pid, but two days old: the pid was reused
      young: `.treaty.db.treaty-${dead + 1}.tmp`, // a writer on another host may still be at work
      running: `.report.html.treaty-${process.ppid}.tmp`, // its writer runs
      someoneElses: `.treaty.db.${dead}.tmp`,
      plain: 'notes.tmp',
    };
    for (const name of Object.values(files)) writeFileSync(join(dir, name), 'x');
    for (const key of ['staleDb', 'staleWal', 'staleBackup', 'running', 'someoneElses', 'plain'] as const) utimesSync(join(dir, files[key]), hourAgo, hourAgo);
    utimesSync(join(dir, files.abandoned), twoDaysAgo, twoDaysAgo);

    // The database's own files (its -wal and -shm after a read) are not what this is about.
    const others = () => readdirSync(dir).filter((name) => !name.startsWith('treaty.db')).sort();
    expect(runCli(['--db', db, 'status', '--as-of', AS_OF]).code).toBe(0); // a read removes nothing
    expect(others()).toEqual(Object.values(files).sort());

    expect(runCli(['--db', db, 'record', 'VNM', 'declaration', '2026-01-02', '--source', 'https://example.org/a']).code).toBe(0);
    expect(others()).toEqual([files.young, files.running, files.someoneElses, files.plain].sort());
  });

});
