// SQLite's errors as a person meets them, each in its real setting: a file or folder the user may
// not write (run as nobody, since root may write anything), a read-only mount and a full disk (a
// bind mount and a tiny tmpfs in a private mount namespace, gone with its shell), a page that gives
// a row twice, a damaged file, another command holding the write lock. Each is one line (and a
// hint), exit 1, and the database as it was.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/files.js';
import { BIN, cleanEnv, ROOT, runCli, runCliAs, tempDir, unprivileged, type CliRun } from '../helpers/run-cli.js';
import { envWithDb } from '../helpers/seeded-db.js';

const AS_OF = '2026-01-15';
const SOURCE = 'https://example.org/notification';
const RECORD = ['record', 'VNM', 'ratification', '2026-01-10', '--source', SOURCE];
const asUser = unprivileged();
const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;

function expectOneLine(r: CliRun, first: string | RegExp, hint?: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  if (typeof first === 'string') expect(lines[0]).toBe(first);
  else expect(lines[0]).toMatch(first);
  expect(lines.length).toBeLessThanOrEqual(2);
  if (hint) expect(lines[1]).toMatch(hint);
  expect(r.stderr).not.toContain('may be damaged');
}

/** A seeded database alone in a folder of its own (the folder's mode is what some cases set). */
function lonelyDb(): { dir: string; db: string; env: Record<string, string> } {
  const dir = tempDir();
  const env = envWithDb();
  const db = join(dir, 'treaty.db');
  copyFileSync(env.TREATY_DB!, db);
  chmodSync(dir, 0o755);
  return { dir, db, env: { ...env, TREATY_DB: db } };
}

/** Runs a shell script in a private mount namespace: what it mounts is gone when it ends. */
function inNamespace(script: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script.join('\n')], { encoding: 'utf8', cwd: ROOT, env: cleanEnv() });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const cli = (args: string) => `"${process.execPath}" "${BIN}" ${args}`;

describe('a database the user may read but not write', () => {
  it.skipIf(asUser === null)('a read-only file answers reads; a write says the file is read-only and changes nothing', () => {
    const { dir, db, env } = lonelyDb();
    chmodSync(dir, 0o777);
    chmodSync(db, 0o444);
    const before = fingerprint(db);
    const read = runCliAs(asUser!, ['status', '--json', '--as-of', AS_OF], env);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).treaty).toBe('XVIII-16');
    const write = runCliAs(asUser!, RECORD, env);
    expectOneLine(write, `error: cannot change database ${db}: the file is read-only for this user; nothing was changed`, /^hint: reads still work/);
    expect(fingerprint(db)).toBe(before);
  });

  it.skipIf(asUser === null)('a WAL database in a folder the user cannot write: says it cannot be read and how to get a copy', () => {
    const { db, env } = lonelyDb();
    const before = fingerprint(db);
    const read = runCliAs(asUser!, ['status', '--as-of', AS_OF], env);
    expectOneLine(read, `error: cannot read ${db}: its folder ${join(db, '..')} is not writable for this user, and SQLite needs to make a file there (${db}-shm) even to read a database in WAL mode`, /^hint: read a copy: cp .*\.backup/);
    const write = runCliAs(asUser!, RECORD, env);
    expectOneLine(write, new RegExp(`^error: cannot change database ${db}: its folder .* is not writable for this user`), /^hint: read a copy/);
    expect(fingerprint(db)).toBe(before);
    // The copy the hint suggests reads.
    const copy = join(tempDir(), 'copy.db');
    copyFileSync(db, copy);
    expect(runCli(['--db', copy, 'status', '--json', '--as-of', AS_OF], env).code).toBe(0);
  });

  it.skipIf(!canUnshare)('on a read-only mount: reads answer as from the writable file, a write says the file system is read-only', () => {
    const { dir, db, env } = lonelyDb();
    // What the same file answers where it is writable, from a copy: the file itself keeps no -wal or -shm beside it.
    const copy = { ...env, TREATY_DB: join(tempDir(), 'copy.db') };
    copyFileSync(db, copy.TREATY_DB);
    const writable = runCli(['status', '--json', '--as-of', AS_OF], copy);
    const participants = runCli(['participants', '--csv', '--as-of', AS_OF], copy);
    const before = fingerprint(db);
    const r = inNamespace([
      `mount --bind "${dir}" "${dir}" && mount -o remount,bind,ro "${dir}" || exit 90`,
      `${cli(`--db "${db}" status --json --as-of ${AS_OF}`)} > "${dir}.status" 2>/dev/null; echo "status=$?"`,
      `${cli(`--db "${db}" participants --csv --as-of ${AS_OF}`)} > "${dir}.participants"; echo "participants=$?"`,
      `${cli(`--db "${db}" ${RECORD.join(' ')}`)}; echo "record=$?"`,
      `ls -A "${dir}"`,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('status=0\nparticipants=0\nrecord=1\ntreaty.db\n');
    expect(readFileSync(`${dir}.status`, 'utf8')).toBe(writable.stdout);
    expect(readFileSync(`${dir}.participants`, 'utf8')).toBe(participants.stdout);
    expect(r.stderr).toBe(
      `error: cannot change database ${db}: it is on a read-only file system; nothing was changed\n` +
        'hint: reads still work; to change it, copy it somewhere writable (treaty db backup COPY) and use --db COPY\n',
    );
    expect(fingerprint(db)).toBe(before);
  });
});

describe('writes that cannot be stored', () => {
  it.skipIf(!canUnshare)('a full disk: says so, not "damaged", and leaves the file as it was', () => {
    const { env } = lonelyDb();
    const work = tempDir();
    // 600 rows with long notes: about 600 KB more than the tmpfs has room for.
    const rows = Array.from({ length: 600 }, (_, i) => `XVIII-16,VNM,declaration,${new Date(Date.UTC(2025, 10, 1 + i)).toISOString().slice(0, 10)},,${SOURCE},${'n'.repeat(1000)}`);
    writeFileSync(join(work, 'big.csv'), ['treaty,code,action,date,reference,source,note', ...rows].join('\n') + '\n');
    const disk = join(work, 'disk');
    mkdirSync(disk);
    const r = inNamespace([
      `mount -t tmpfs -o size=900k tmpfs "${disk}" || exit 90`,
      `cp "${env.TREATY_DB}" "${disk}/treaty.db"`,
      `sha256sum < "${disk}/treaty.db"`,
      `${cli(`--db "${disk}/treaty.db" import "${work}/big.csv"`)}; echo "import=$?"`,
      `sha256sum < "${disk}/treaty.db"`,
      `${cli(`--db "${disk}/treaty.db" db check --json`)} > /dev/null 2>&1; echo "check=$?"`,
    ]);
    const [hashBefore, result, hashAfter, check] = r.stdout.trimEnd().split('\n');
    expect(result).toBe('import=1');
    expect(hashAfter).toBe(hashBefore);
    expect(check).toBe('check=0');
    expect(r.stderr).toBe(`error: cannot write database ${disk}/treaty.db: the disk is full; nothing was changed\nhint: free some space on the disk that holds ${disk}, then run the command again\n`);
  });

  it('a status page that gives a row twice: names the row, and adds nothing', () => {
    const env = envWithDb();
    const page = readFileSync(join(ROOT, 'test', 'fixtures', 'mtdsg', 'XXVI-8.en.xml'), 'latin1');
    const start = page.indexOf('<Rows>') + '<Rows>'.length;
    const end = page.indexOf('</Row>', start) + '</Row>'.length;
    const file = join(tempDir(), 'twice.xml');
    writeFileSync(file, page.slice(0, end) + page.slice(start, end) + page.slice(end), 'latin1');
    const before = fingerprint(env.TREATY_DB!);
    const r = runCli(['add', file, '--threshold', '50', '--days', '90'], env);
    expectOneLine(r, 'error: cannot store the action XXVI-8 ALB signature on 2013-06-03: it is given twice; nothing was changed', /^hint: remove the repeated row/);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('a damaged file is the one case that suggests moving it away', () => {
    const { db, env } = lonelyDb();
    // Keep the header (the file still says SQLite) and scribble over the pages of the schema and data.
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, 100);
    closeSync(fd);
    const r = runCli(['status', '--as-of', AS_OF], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: database ${db} is damaged \\(SQLite: [^\\n]+\\)\\nhint: point --db or TREATY_DB at another file, or move this one away`));
  });
});

describe('another command holding the write lock', () => {
  it('a write waits, says after a few seconds what it waits for, and is stored once the lock is free', async () => {
    const env = envWithDb();
    // Holds the write lock until its stdin closes: the test, not a timer, decides when.
    const holder = spawn(process.execPath, ['-e', `
      const db = new (require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))}))(${JSON.stringify(env.TREATY_DB)});
      db.exec('BEGIN IMMEDIATE');
      process.stdout.write('locked\\n');
      process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); }).resume();
    `], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((locked) => holder.stdout.once('data', () => locked()));
    const writer = spawn(process.execPath, [BIN, ...RECORD, '--csv'], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    writer.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    const told = new Promise<void>((seen) =>
      writer.stderr.setEncoding('utf8').on('data', (s: string) => {
        stderr += s;
        if (stderr.includes('waiting for')) seen();
      }),
    );
    await told;
    expect(stdout).toBe('');
    holder.stdin.end();
    const code = await new Promise<number | null>((done) => writer.on('close', done));
    expect(stderr.split('\n')[0]).toBe(`waiting for another treaty command to finish writing to ${env.TREATY_DB} (up to 60 s)...`);
    expect(code).toBe(0);
    expect(stdout).toContain('added,XVIII-16,VNM,ratification,2026-01-10');
    const history = runCli(['history', 'VNM', '--csv', '--as-of', AS_OF], env);
    expect(history.stdout).toContain('2026-01-10,ratification,,https://example.org/notification');
  });
});
