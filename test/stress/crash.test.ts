// A large import killed with SIGKILL at random moments: the file passes its integrity check and
// holds either all of the import or none of it.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
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

function declarations(path: string): { integrity: unknown; count: number } {
  const db = new Database(path, { readonly: true });
  const result = { integrity: db.pragma('integrity_check', { simple: true }), count: (db.prepare("SELECT count(*) AS n FROM actions WHERE action = 'declaration'").get() as { n: number }).n };
  db.close();
  return result;
}

describe('crash safety', () => {
  it(`an import killed at random moments ${ROUNDS} times leaves all of it or none of it`, async () => {
    const dir = tempDir();
    const { file, rows } = bigImport(dir);
    const env = cleanEnv();
    expect(runCli(['status'], env).code).toBe(0);
    const seen = new Set<number>();
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts from an empty import: undo by removing what a finished round left.
      const child = spawn(process.execPath, [BIN, 'import', file], { env, cwd: ROOT, stdio: 'ignore' });
      const closed = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      const delay = 50 + Math.floor(Math.random() * 3000);
      const finished = await Promise.race([closed.then(() => true), new Promise<boolean>((done) => setTimeout(() => done(false), delay))]);
      if (!finished) child.kill('SIGKILL');
      const code = await closed;
      if (finished) expect(code).toBe(0);
      const after = declarations(env.TREATY_DB!);
      expect(after.integrity).toBe('ok');
      expect([0, rows]).toContain(after.count);
      seen.add(after.count);
      if (after.count === rows) {
        const db = new Database(env.TREATY_DB!);
        db.exec("DELETE FROM actions WHERE action = 'declaration'");
        db.close();
      }
    }
    // Whatever the kills hit, a last import runs to the end.
    const done = runCli(['import', file], env);
    expect(done.code, done.stderr).toBe(0);
    expect(declarations(env.TREATY_DB!).count).toBe(rows);
  }, 300_000);
});
