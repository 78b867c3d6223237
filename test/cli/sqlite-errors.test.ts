// SQLite's errors as a person meets them, each in its real setting: a file or folder the user may
// not write (run as nobody, since root may write anything), a read-only mount and a full disk (a
// bind mount and a tiny tmpfs in a private mount namespace, gone with its shell), a page that gives
// a row twice, a damaged file, another command holding the write lock. Each is one line (and a
// hint), exit 1, and the database as it was.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { fingerprint } from '../helpers/files.js';
import { writeOlderDb } from '../helpers/older-db.js';
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

describe('an older database on a file the user cannot write', () => {
  const older = SCHEMA_VERSION - 1;
  const refused = (doing: string, db: string, why: string) =>
    `error: cannot ${doing} database ${db}: it has schema ${older}, which this treaty must first upgrade to schema ${SCHEMA_VERSION}, and the upgrade needs write access, but ${why}; nothing was changed`;

  it.skipIf(asUser === null)('a read-only file: reads and writes both say that it needs an upgrade, and how to use a writable copy', () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const db = writeOlderDb(join(dir, 'treaty.db'));
    chmodSync(db, 0o444);
    const env = { ...cleanEnv(dir), TREATY_DB: db };
    const before = fingerprint(db);
    const hint = `hint: neither reads nor writes work on the file as it is: make the file writable (chmod u+w ${db}), or use a writable copy (cp ${db} copy.db && chmod u+w copy.db, then --db copy.db)`;
    const read = runCliAs(asUser!, ['treaties', '--csv'], env);
    expect(read).toEqual({ code: 1, stdout: '', stderr: `${refused('read', db, 'the file is read-only for this user')}\n${hint}\n` });
    const write = runCliAs(asUser!, RECORD, env);
    expect(write).toEqual({ code: 1, stdout: '', stderr: `${refused('change', db, 'the file is read-only for this user')}\n${hint}\n` });
    expect(fingerprint(db)).toBe(before);
    // The copy the hint suggests, made and used as it says, by the same user.
    const work = tempDir();
    chmodSync(work, 0o777);
    const [command, ...rest] = [...asUser!, 'sh', '-c', `cp "${db}" copy.db && chmod u+w copy.db && "${process.execPath}" "${BIN}" --db copy.db treaties --csv`];
    const copied = spawnSync(command!, rest, { cwd: work, encoding: 'utf8', env });
    expect(copied.stderr).toBe('');
    expect(copied.status).toBe(0);
    expect(copied.stdout.split('\n')[0]).toMatch(/^id,/);
  });

  it.skipIf(!canUnshare)('on a read-only mount: reads and writes both say that it needs an upgrade, and how to use a writable copy', () => {
    const dir = tempDir();
    const db = writeOlderDb(join(dir, 'treaty.db'));
    const before = fingerprint(db);
    const r = inNamespace([
      `mount --bind "${dir}" "${dir}" && mount -o remount,bind,ro "${dir}" || exit 90`,
      `${cli(`--db "${db}" treaties --csv`)}; echo "read=$?"`,
      `${cli(`--db "${db}" ${RECORD.join(' ')}`)}; echo "record=$?"`,
    ]);
    expect(r.stdout).toBe('read=1\nrecord=1\n');
    const hint = `hint: neither reads nor writes work on the file as it is: use a writable copy (cp ${db} copy.db && chmod u+w copy.db, then --db copy.db)`;
    const why = 'it is on a read-only file system';
    expect(r.stderr).toBe(`${refused('read', db, why)}\n${hint}\n${refused('change', db, why)}\n${hint}\n`);
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

/** Holds the write lock on `db` until release() (its stdin closes): the test, not a timer, decides when. */
async function holdWriteLock(db: string): Promise<{ release(): void }> {
  const holder = spawn(process.execPath, ['-e', `
    const db = new (require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))}))(${JSON.stringify(db)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); }).resume();
  `], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((locked) => holder.stdout.once('data', () => locked()));
  return { release: () => holder.stdin.end() };
}

/**
 * Runs treaty while another command holds the lock: `waited` is settled once it says it waits, or
 * once it ends without saying so (then the test's expectations fail, rather than hang).
 */
function runWhileLocked(args: readonly string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const run = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (s: string) => (run.stdout += s));
  const closed = new Promise<number | null>((done) => child.on('close', done));
  const waited = new Promise<void>((seen) => {
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      run.stderr += s;
      if (run.stderr.includes('waiting for')) seen();
    });
    void closed.then(() => seen());
  });
  return { run, waited, closed };
}

describe('another command holding the write lock', () => {
  it('a write waits, says after a few seconds what it waits for, and is stored once the lock is free', async () => {
    const env = envWithDb();
    const lock = await holdWriteLock(env.TREATY_DB!);
    const writer = runWhileLocked([...RECORD, '--csv'], env);
    await writer.waited;
    expect(writer.run.stdout).toBe('');
    lock.release();
    const code = await writer.closed;
    expect(writer.run.stderr.split('\n')[0]).toBe(`waiting for another treaty command to finish writing to ${env.TREATY_DB} (up to 60 s)...`);
    expect(code).toBe(0);
    expect(writer.run.stdout).toContain('added,XVIII-16,VNM,ratification,2026-01-10');
    const history = runCli(['history', 'VNM', '--csv', '--as-of', AS_OF], env);
    expect(history.stdout).toContain('2026-01-10,ratification,,https://example.org/notification');
  });

  it('a read that must first upgrade an older database waits as a write does, says so, and answers once the lock is free', async () => {
    const db = writeOlderDb(join(tempDir(), 'older.db'));
    const env = { ...cleanEnv(), TREATY_DB: db };
    const lock = await holdWriteLock(db);
    const reader = runWhileLocked(['treaties', '--csv'], env);
    await reader.waited;
    lock.release();
    const code = await reader.closed;
    expect(reader.run.stderr).toBe(`waiting for another treaty command to finish writing to ${db} (up to 60 s)...\n`);
    expect(code).toBe(0);
    expect(reader.run.stdout.split('\n')[0]).toMatch(/^id,/);
    const upgraded = new Database(db, { readonly: true });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    upgraded.close();
  });
});
