// A large import killed with SIGKILL, at random moments and inside its write transaction: the file
// passes its integrity check and holds either all of the import or none of it, change log included.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { BIN, cleanEnv, ROOT, runCli, tempDir } from '../helpers/run-cli.js';

const ROUNDS = 6;

function bigImport(dir: string): { file: string; rows: number } {
  const codes = ['VNM', 'QAT', 'AZE', 'FRA', 'BRA', 'ZAF', 'CHN', 'GHA', 'KEN', 'IND'];
  const lines = ['treaty,code,action,date,reference,source,note'];
  for (const code of codes) for (let d = 0; d < 6000; d++) lines.push(`XVIII-16,${code},declaration,${addDays('2026-01-01', d)},,https://example.org/${code}/${d},bulk`);
  const file = join(dir, 'big.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, rows: lines.length - 1 };
}

/** What the import adds: its rows, and its rows in the change log. */
function contents(path: string): { integrity: unknown; rows: number; logged: number } {
  const db = new Database(path, { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const result = {
    integrity: db.pragma('integrity_check', { simple: true }),
    rows: count("SELECT count(*) AS n FROM actions WHERE action = 'declaration'"),
    // Rows carry the set that wrote them: an import's rows logged are those of a set it made.
    logged: count("SELECT count(*) AS n FROM actions a JOIN change_sets s ON s.id = a.set_id WHERE s.command LIKE 'treaty import %'"),
  };
  db.close();
  return result;
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
const tick = () => new Promise((done) => setTimeout(done, 2));

/**
 * Whether another connection holds the write lock, asked without waiting: BEGIN IMMEDIATE fails
 * with SQLITE_BUSY exactly while the import is inside its write transaction.
 */
function writeLocked(probe: Database.Database): boolean {
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw e;
  }
}

describe('crash safety', () => {
  it(`an import killed ${ROUNDS} times, inside its write transaction among others, leaves all of it or none of it`, async () => {
    const dir = tempDir();
    const { file, rows } = bigImport(dir);
    const env = cleanEnv();
    expect(runCli(['status'], env).code).toBe(0);
    let insideTransaction = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const child = spawn(process.execPath, [BIN, 'import', file], { env, cwd: ROOT, stdio: 'ignore' });
      const closed = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      const probe = new Database(env.TREATY_DB!, { timeout: 0 });
      let lockedAtKill = false;
      if (round % 2 === 0) {
        // At a random moment: while reading the file, planning, writing, or after it finished.
        const delay = 50 + Math.floor(Math.random() * 3000);
        await Promise.race([closed, new Promise((done) => setTimeout(done, delay))]);
        lockedAtKill = running(child) && writeLocked(probe);
      } else {
        // Inside the write transaction: once the lock is seen held, a little later if it still is.
        while (running(child) && !writeLocked(probe)) await tick();
        for (let extra = Math.floor(Math.random() * 40); extra > 0 && running(child); extra--) await tick();
        lockedAtKill = running(child) && writeLocked(probe);
      }
      probe.close();
      const killed = running(child) && child.kill('SIGKILL');
      const code = await closed;
      if (!killed) expect(code).toBe(0);

      const after = contents(env.TREATY_DB!);
      expect(after.integrity).toBe('ok');
      // The old database or the new one, never a part: rows and their log entries together.
      expect([{ rows: 0, logged: 0 }, { rows, logged: rows }]).toContainEqual({ rows: after.rows, logged: after.logged });
      if (killed && lockedAtKill && child.signalCode === 'SIGKILL' && after.rows === 0) insideTransaction++;
      if (after.rows === rows) {
        // The next round starts from the old database again.
        const db = new Database(env.TREATY_DB!);
        db.exec("DELETE FROM actions WHERE action = 'declaration'; DELETE FROM change_sets WHERE command LIKE 'treaty import %'");
        db.close();
      }
    }
    // The kills that matter most landed where a write was half done.
    expect(insideTransaction).toBeGreaterThan(0);
    // Whatever the kills hit, a last import runs to the end.
    const done = runCli(['import', file], env);
    expect(done.code, done.stderr).toBe(0);
    expect(contents(env.TREATY_DB!)).toMatchObject({ rows, logged: rows });
  }, 300_000);
});
