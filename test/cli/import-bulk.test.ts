// A large import: the indexes dropped for it are built again as the schema made them, the data is
// what the rows say, a re-import of the same file writes nothing, and a bad row late in the file
// leaves every byte of the database as it was; files past the caps of what is read whole are refused.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const HEADER = 'treaty,code,action,date,reference,source,note';
const ROWS = 12_000; // past the size from which the import builds its indexes again

function largeCsv(dir: string, bad?: { line: number; text: string }): string {
  const codes = readFileSync(join(import.meta.dirname, '..', '..', 'data', 'participants.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
  const lines = [HEADER];
  for (let n = 0; lines.length <= ROWS; n++) {
    const date = new Date(Date.parse('2025-11-01') + n * 86_400_000).toISOString().slice(0, 10);
    for (const code of codes) if (lines.length <= ROWS) lines.push(`XVIII-16,${code},declaration,${date},,https://example.org/${code}/${n},`);
  }
  if (bad) lines[bad.line - 1] = bad.text;
  const file = join(dir, 'large.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const schemaOf = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return {
      schema: db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all(),
      actions: (db.prepare('SELECT count(*) AS n FROM actions').get() as { n: number }).n,
      changes: (db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n,
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
};

it('imports 12,000 rows with the schema and its indexes as they were, and a re-import writes nothing', async () => {
  const env = envWithDb();
  const before = schemaOf(env.TREATY_DB!);
  const file = largeCsv(env.HOME!);
  const first = await runMain(['import', file], env);
  expect(first.stderr).toBe(`imported from ${file}: ${ROWS} added, 0 changed, 0 removed, 0 unchanged\n`);
  const after = schemaOf(env.TREATY_DB!);
  expect(after.schema).toEqual(before.schema);
  expect(after.integrity).toBe('ok');
  expect(after.actions).toBe(before.actions + ROWS);
  expect(after.changes).toBe(before.changes + ROWS);
  const db = new Database(env.TREATY_DB!, { readonly: true });
  const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM actions WHERE code = 'VNM' AND treaty = 'XVIII-16'").all() as { detail: string }[];
  db.close();
  expect(plan.map((p) => p.detail).join(' ')).toMatch(/actions_by_participant/);

  const bytes = readFileSync(env.TREATY_DB!);
  const again = await runMain(['import', file], env);
  expect(again).toMatchObject({ code: 0, stderr: `no change from ${file}: 0 added, 0 changed, 0 removed, ${ROWS} unchanged\n` });
  expect(schemaOf(env.TREATY_DB!).changes).toBe(after.changes);
  expect(readFileSync(env.TREATY_DB!).equals(bytes)).toBe(true);
});

it('refuses a bad row on the last line with its line and reason, the database byte for byte unchanged', async () => {
  const env = envWithDb();
  const bytes = readFileSync(env.TREATY_DB!);
  const file = largeCsv(env.HOME!, { line: ROWS + 1, text: 'XVIII-16,VNM,declaration,2025-02-30,,https://example.org/,' });
  const r = await runMain(['import', file], env);
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n')[0]).toBe(`error: ${file}:${ROWS + 1}: date: "2025-02-30" is not a real date like 2025-10-25`);
  expect(readFileSync(env.TREATY_DB!).equals(bytes)).toBe(true);
});

it('refuses a JSON array past the 32 MB it reads whole, pointing at NDJSON and CSV, and a status page past 4 MB', async () => {
  const env = envWithDb();
  const bytes = readFileSync(env.TREATY_DB!);
  const json = join(env.HOME!, 'big.json');
  writeFileSync(json, `[${' '.repeat(33 * 1024 * 1024)}]`);
  const r = await runMain(['import', json], env);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe(`error: cannot read ${json}: larger than 32 MB, the most an import of this kind of file may be\nhint: CSV and NDJSON are read a piece at a time, up to 128 MB\n`);
  const xml = join(env.HOME!, 'page.xml');
  writeFileSync(xml, `<?xml version="1.0"?><Document>${' '.repeat(5 * 1024 * 1024)}</Document>`);
  const page = await runMain(['import', xml], env);
  expect(page).toMatchObject({ code: 1, stderr: `error: cannot read ${xml}: larger than 4 MB, the most a status page may be\n` });
  expect(readFileSync(env.TREATY_DB!).equals(bytes)).toBe(true);
});
