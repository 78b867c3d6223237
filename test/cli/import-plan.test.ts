// What an import plans, now worked out in SQL (store/action-staging.ts), against what planAdd says
// for the same rows: added, changed, unchanged and replaced rows, a row given twice and a second
// date of a once-only action (in the file or against the database), each named by its line; a dry
// run that lists the unchanged rows and writes nothing; an undo of the set that restores the dump;
// and the listing of a large import capped at 10,000 rows of each kind, the counts whole.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAdd } from '../../src/domain/plan.js';
import type { ActionRow } from '../../src/domain/model.js';
import { fingerprint } from '../helpers/files.js';
import { runMain } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const HEADER = 'treaty,code,action,date,reference,source,note';
const SOURCE = 'https://example.org/plan';

function csvFile(env: Record<string, string>, name: string, rows: string[]): string {
  const file = join(env.HOME!, name);
  writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
  return file;
}

const exportAll = async (env: Record<string, string>) => (await runMain(['export', '--all-treaties', '--csv'], env)).stdout;
const storedActions = async (env: Record<string, string>, treaty: string) =>
  (JSON.parse((await runMain(['export', '--treaty', treaty, '--json'], env)).stdout) as ActionRow[]).map((a) => ({ ...a, reference: a.reference ?? null, note: a.note ?? null }));

/** A stored VNM signature of XVIII-16 (the seeded data has one on 2025-10-25), as the file gives it. */
async function storedSignature(env: Record<string, string>): Promise<ActionRow> {
  const row = (await storedActions(env, 'XVIII-16')).find((a) => a.code === 'VNM' && a.action === 'signature');
  expect(row).toBeDefined();
  return row!;
}

const field = (v: string | null | undefined) => (v == null ? '' : /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const line = (a: Pick<ActionRow, 'treaty' | 'code' | 'action' | 'date'> & Partial<ActionRow>) =>
  [a.treaty, a.code, a.action, a.date, a.reference, a.source ?? SOURCE, a.note].map(field).join(',');

describe('treaty import plans in SQL as planAdd does', () => {
  it('adds, changes and leaves rows as planAdd says, writes them as one set, and undo restores the dump', async () => {
    const env = envWithDb();
    const before = await exportAll(env);
    const signature = await storedSignature(env);
    const stored = await storedActions(env, 'XVIII-16');
    const other = stored.find((a) => a !== signature && a.code !== 'VNM')!;
    const rows: ActionRow[] = [
      { treaty: 'XVIII-16', code: 'AGO', action: 'ratification', date: '2026-06-15', reference: null, source: SOURCE, note: null },
      { ...signature, note: 'a note the database lacks' },
      { ...other },
      { treaty: 'XVIII-16', code: 'AGO', action: 'declaration', date: '2026-06-16', reference: 'C.N.1', source: SOURCE, note: 'with, a comma' },
    ];
    const file = csvFile(env, 'mixed.csv', rows.map(line));
    const expected = planAdd(stored, rows.map((row, i) => ({ where: `${file}:${i + 2}`, row })), false);
    expect(expected.problems).toEqual([]);

    const r = await runMain(['import', file, '--json'], env);
    expect(r).toMatchObject({ code: 0, stderr: `imported from ${file}: 2 added, 1 changed, 0 removed, 1 unchanged\n` });
    const listed = JSON.parse(r.stdout) as (ActionRow & { change: string })[];
    expect(listed.map(({ change, ...row }) => ({ change, row }))).toEqual([
      ...expected.plan.added.map((row) => ({ change: 'added', row })),
      ...expected.plan.changed.map(({ after }) => ({ change: 'changed', row: after })),
    ]);
    const after = await storedActions(env, 'XVIII-16');
    expect(after.find((a) => a.code === 'VNM' && a.action === 'signature')!.note).toBe('a note the database lacks');
    expect(after).toHaveLength(stored.length + 2);

    const [set] = JSON.parse((await runMain(['changes', '--json'], env)).stdout) as { id: number; added: number; changed: number; removed: number }[];
    expect(set).toMatchObject({ added: 2, changed: 1, removed: 0 });
    expect((await runMain(['undo', String(set!.id)], env)).code).toBe(0);
    expect(await exportAll(env)).toBe(before);
  });

  it('refuses a row given twice on its line, naming the first, and changes nothing', async () => {
    const env = envWithDb();
    const bytes = fingerprint(env.TREATY_DB!);
    const row = line({ treaty: 'XVIII-16', code: 'AGO', action: 'declaration', date: '2026-06-16' });
    const file = csvFile(env, 'twice.csv', [row, line({ treaty: 'XVIII-16', code: 'AGO', action: 'declaration', date: '2026-06-17' }), row]);
    const r = await runMain(['import', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: ${file}:4: the same action is already at ${file}:2\nhint: fix the file and import again (nothing was imported)\n`);
    expect(fingerprint(env.TREATY_DB!)).toBe(bytes);
  });

  it('refuses a second date of a once-only action, in the file or against the database, at the first such line, counting the rest', async () => {
    const env = envWithDb();
    const bytes = fingerprint(env.TREATY_DB!);
    const signature = await storedSignature(env);
    const file = csvFile(env, 'rivals.csv', [
      line({ treaty: 'XVIII-16', code: 'AGO', action: 'ratification', date: '2026-06-15' }),
      line({ treaty: 'XVIII-16', code: 'AGO', action: 'ratification', date: '2026-07-01' }),
      line({ ...signature, date: '2025-12-01', source: SOURCE }),
    ]);
    const r = await runMain(['import', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: ${file}:3: AGO's ratification of XVIII-16 is given on 2026-06-15 (${file}:2) and again on 2026-07-01\nhint: keep one of the two rows; fix the file and import again (and 1 more problem; nothing was imported)\n`,
    );
    expect(fingerprint(env.TREATY_DB!)).toBe(bytes);
    // --replace replaces a stored date; it cannot choose between two lines of the same file.
    const replaced = await runMain(['import', file, '--replace'], env);
    expect(replaced.code).toBe(1);
    expect(replaced.stderr.split('\n')[0]).toBe(`error: ${file}:3: AGO's ratification of XVIII-16 is given on 2026-06-15 (${file}:2) and again on 2026-07-01`);
    expect(fingerprint(env.TREATY_DB!)).toBe(bytes);

    const stored = csvFile(env, 'stored-rival.csv', [line({ ...signature, date: '2025-12-01', source: SOURCE })]);
    const s = await runMain(['import', stored], env);
    expect(s.stderr.split('\n')[0]).toBe(`error: ${stored}:2: VNM already has a signature of XVIII-16 on ${signature.date}, not 2025-12-01`);
    expect(fingerprint(env.TREATY_DB!)).toBe(bytes);
  });

  it('with --replace, replaces the stored date (its row kept in the set, undone with it)', async () => {
    const env = envWithDb();
    const before = await exportAll(env);
    const signature = await storedSignature(env);
    const file = csvFile(env, 'replace.csv', [line({ ...signature, date: '2025-12-01', source: SOURCE })]);
    const dry = await runMain(['import', file, '--replace', '--dry-run'], env);
    expect(dry.stderr).toBe(`would import from ${file}: 1 added, 0 changed, 1 removed, 0 unchanged\n`);
    expect(await exportAll(env)).toBe(before);
    const r = await runMain(['import', file, '--replace', '--json'], env);
    expect(r.stderr).toBe(`imported from ${file}: 1 added, 0 changed, 1 removed, 0 unchanged\n`);
    expect((JSON.parse(r.stdout) as { change: string; date: string }[]).map((x) => [x.change, x.date])).toEqual([
      ['added', '2025-12-01'],
      ['removed', signature.date],
    ]);
    const signatures = (await storedActions(env, 'XVIII-16')).filter((a) => a.code === 'VNM' && a.action === 'signature');
    expect(signatures.map((a) => a.date)).toEqual(['2025-12-01']);
    const [set] = JSON.parse((await runMain(['changes', '--json'], env)).stdout) as { id: number }[];
    expect((await runMain(['undo', String(set!.id)], env)).code).toBe(0);
    expect(await exportAll(env)).toBe(before);
  });

  it('a dry run lists the unchanged rows too and writes nothing', async () => {
    const env = envWithDb();
    const bytes = fingerprint(env.TREATY_DB!);
    const signature = await storedSignature(env);
    const file = csvFile(env, 'dry.csv', [line(signature), line({ treaty: 'XVIII-16', code: 'AGO', action: 'ratification', date: '2026-06-15' })]);
    const r = await runMain(['import', file, '--dry-run', '--json'], env);
    expect(r.stderr).toBe(`would import from ${file}: 1 added, 0 changed, 0 removed, 1 unchanged\n`);
    expect((JSON.parse(r.stdout) as { change: string; code: string }[]).map((x) => [x.change, x.code])).toEqual([
      ['added', 'AGO'],
      ['unchanged', 'VNM'],
    ]);
    expect(fingerprint(env.TREATY_DB!)).toBe(bytes);
  });

  it('lists at most 10,000 added rows of a larger import, with the whole count', async () => {
    const env = envWithDb();
    const codes = readFileSync(join(import.meta.dirname, '..', '..', 'data', 'participants.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    const rows: string[] = [];
    for (let n = 0; rows.length < 10_500; n++) {
      const date = new Date(Date.parse('2025-11-01') + n * 86_400_000).toISOString().slice(0, 10);
      for (const code of codes) if (rows.length < 10_500) rows.push(line({ treaty: 'XVIII-16', code, action: 'declaration', date }));
    }
    const file = csvFile(env, 'large.csv', rows);
    const r = await runMain(['import', file, '--json'], env);
    expect(r.stderr).toBe(`imported from ${file}: 10500 added, 0 changed, 0 removed, 0 unchanged\n`);
    const listed = JSON.parse(r.stdout) as { change: string; date: string; code: string }[];
    expect(listed).toHaveLength(10_000);
    // The first 10,000 of the file, in its order.
    expect(listed.map((x) => `XVIII-16,${x.code},declaration,${x.date},,${SOURCE},`)).toEqual(rows.slice(0, 10_000));
  });
});
