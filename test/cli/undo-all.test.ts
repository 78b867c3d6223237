// Every write is a change set, and every set can be undone: write through every write command on one
// database, undo every set newest first, and every table but the change log is as it was, row for row.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dump } from '../helpers/db-dump.js';
import { mtdsgXml } from '../helpers/mtdsg.js';
import { ROOT, tempDir } from '../helpers/run-cli.js';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const SOURCE = 'https://example.org/undo-all';

/** A release after this one: a corrected note, a new bundled action, a participant's new group, a new title, a new report. */
function newerRelease(): string {
  const dir = join(tempDir(), 'data');
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  const actions = join(dir, 'actions', 'XVIII-16.csv');
  const lines = readFileSync(actions, 'utf8').trimEnd().split('\n').map((l) => (l.startsWith('XVIII-16,UGA,signature,') ? `${l.split(',').slice(0, 6).join(',')},a corrected note` : l));
  writeFileSync(actions, `${[...lines, `XVIII-16,NZL,signature,2026-09-01,,${SOURCE},a signature this release adds`].join('\n')}\n`);
  const participants = join(dir, 'participants.csv');
  writeFileSync(participants, readFileSync(participants, 'utf8').replace(',state,Asia-Pacific States,,https://github.com/mledoze', ',state,none,,https://github.com/mledoze'));
  const treaty = join(dir, 'treaties', 'ets185.json');
  writeFileSync(treaty, readFileSync(treaty, 'utf8').replace('"short_title": "', '"short_title": "The '));
  const reports = join(dir, 'reports', 'XVIII-16.csv');
  writeFileSync(reports, `${readFileSync(reports, 'utf8').trimEnd()}\nXVIII-16,2026-03-01,month,signatories,,75,news,${SOURCE},a report this release adds\n`);
  return dir;
}

describe('undo of every set, newest first', () => {
  it('returns every table to its first dump, and each undo is a set of its own', async () => {
    const env = envWithDb('bundled');
    const dir = tempDir();
    const first = dump(env.TREATY_DB!);
    const ok = async (args: string[], extra: Record<string, string> = {}) => {
      const r = await run(args, { ...env, ...extra });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r;
    };

    await ok(['record', 'VNM', 'ratification', '2026-06-15', '--source', SOURCE]);
    await ok(['record', 'UK', 'signature', '2025-10-25', '--source', SOURCE, '--replace']);
    await ok(['remove', 'Mauritius', 'signature', '2025-11-19']);
    const csv = join(dir, 'colleague.csv');
    writeFileSync(csv, `treaty,code,action,date,reference,source,note\nets185,KEN,accession,2026-03-02,,${SOURCE},\nets185,NGA,signature,2026-04-01,,${SOURCE},from a colleague\n`);
    await ok(['import', csv]);
    // The facts beside actions, as export writes them, with a note changed: a change each.
    for (const table of ['published', 'reports']) {
      const file = join(dir, `${table}.json`);
      const exported = JSON.parse((await ok(['export', '--all-treaties', '--table', table, '--json'])).stdout) as { note: string | null }[];
      writeFileSync(file, JSON.stringify([{ ...exported[0]!, note: 'a note changed by a colleague' }, exported[1]]));
      await ok(['import', file]);
    }
    // A status page whose header disagrees with its table: a new data date and a stored check.
    const page = join(dir, 'XVIII-16.en.xml');
    writeFileSync(page, mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25', consent: '2026-06-15' }, { name: 'Qatar', signature: '2025-10-25', consent: '2026-07-10 AA' }], { signatories: 80, parties: 5 }));
    await ok(['import', page]);
    const later = join(dir, 'later', 'XVIII-16.en.xml');
    cpSync(page, later);
    writeFileSync(later, mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25', consent: '2026-06-15' }, { name: 'Qatar', signature: '2025-10-25', consent: '2026-08-01 AA' }]));
    await ok(['sync', '--from', later]);
    await ok(['add', join(ROOT, 'test', 'fixtures', 'mtdsg', 'XXVI-8.en.xml'), '--source', 'https://example.org/att', '--threshold', '50', '--days', '90', '--alias', 'att', '--snapshot-date', '2018-01-15']);
    await ok(['record', 'Kenya', 'ratification', '2019-01-02', '--treaty', 'att', '--source', SOURCE]);
    const update = await ok(['db', 'update', '--json'], { TREATY_DATA_DIR: newerRelease() });
    expect(JSON.parse(update.stdout)).toEqual(expect.arrayContaining([{ merged: 'actions', count: 1 }, { merged: 'corrected_actions', count: 1 }, { merged: 'corrected_participants', count: 1 }, { merged: 'reports', count: 1 }]));
    await ok(['edit', 'att', '--short-title', 'ATT', '--alias', 'arms-trade']);
    await ok(['drop', 'att', '--yes']);

    const sets = JSON.parse((await ok(['changes', '--json'])).stdout) as { id: number; command: string; added: number; changed: number; removed: number }[];
    expect(sets.map((s) => s.command.split(' ').slice(0, 3).join(' '))).toEqual([
      'treaty record VNM', 'treaty record UK', 'treaty remove Mauritius', 'treaty import ' + csv, `treaty import ${join(dir, 'published.json')}`, `treaty import ${join(dir, 'reports.json')}`,
      `treaty import ${page}`, `treaty sync --from`, `treaty add ${join(ROOT, 'test', 'fixtures', 'mtdsg', 'XXVI-8.en.xml')}`, 'treaty record Kenya', 'treaty db update',
      'treaty edit att', 'treaty drop att',
    ]);
    // Each set's rows are all there: the db update's include the bundled rows it corrected and the treaty it refreshed.
    const rows = JSON.parse((await ok(['changes', '--rows', '--json'])).stdout) as { set: number; table: string; key: string; before: string | null; after: string | null }[];
    const updateRows = rows.filter((r) => r.set === sets.at(-3)!.id);
    expect(new Set(updateRows.map((r) => r.table))).toEqual(new Set(['treaties', 'participants', 'actions', 'reports']));
    expect(updateRows.find((r) => r.key.startsWith('XVIII-16|UGA|signature'))).toMatchObject({ before: expect.stringContaining('"note":'), after: expect.stringContaining('a corrected note') });
    for (const s of sets) expect(rows.filter((r) => r.set === s.id).length, s.command).toBe(s.added + s.changed + s.removed);
    expect(rows.some((r) => r.table === 'checks')).toBe(true);

    const written = dump(env.TREATY_DB!);
    for (const s of [...sets].reverse()) await ok(['undo', String(s.id)]);
    expect(dump(env.TREATY_DB!)).toEqual(first);
    const after = JSON.parse((await ok(['changes', '--json'])).stdout) as { id: number; command: string; undone: number | null }[];
    expect(after).toHaveLength(sets.length * 2);
    expect(after.slice(0, sets.length).every((s) => s.undone !== null)).toBe(true);
    expect(after.slice(sets.length).map((s) => s.command)).toEqual([...sets].reverse().map((s) => `treaty undo ${s.id}`));
    // Undoing the undos, newest first, writes every set again, row for row (ids and sets too).
    for (const u of after.slice(sets.length).reverse()) await ok(['undo', String(u.id)]);
    expect(dump(env.TREATY_DB!)).toEqual(written);
  });

  it('refuses to undo an add while a later set wrote rows of that treaty, naming it, and changes nothing', async () => {
    const env = envWithDb('bundled');
    const add = await run(['add', join(ROOT, 'test', 'fixtures', 'mtdsg', 'XXVI-8.en.xml'), '--source', 'https://example.org/att', '--threshold', '50', '--days', '90', '--alias', 'att', '--snapshot-date', '2018-01-15'], env);
    expect(add.code, add.stderr).toBe(0);
    expect((await run(['record', 'Kenya', 'ratification', '2019-01-02', '--treaty', 'att', '--source', SOURCE], env)).code).toBe(0);
    const [added, recorded] = JSON.parse((await run(['changes', '--json'], env)).stdout) as { id: number }[];
    const before = dump(env.TREATY_DB!);
    expect(await run(['undo', String(added!.id)], env)).toMatchObject({
      code: 1,
      stderr: `error: set ${added!.id} cannot be undone: set ${recorded!.id} wrote rows since that name a treaty or participant it added\nhint: undo set ${recorded!.id} first\n`,
    });
    expect(dump(env.TREATY_DB!)).toEqual(before);
    expect((await run(['undo', String(recorded!.id)], env)).code).toBe(0);
    expect((await run(['undo', String(added!.id)], env)).code).toBe(0);
    expect((await run(['treaties', '--json'], env)).stdout).not.toContain('XXVI-8');
  });

  it('an import of a colleague file, then undo of its set, leaves the database as its dump before', async () => {
    const env = envWithDb('bundled');
    const before = dump(env.TREATY_DB!);
    const csv = join(tempDir(), 'colleague.csv');
    writeFileSync(csv, `treaty,code,action,date,reference,source,note\nets185,KEN,accession,2026-03-02,,${SOURCE},\nXVIII-16,VNM,ratification,2026-06-15,,${SOURCE},\n`);
    expect((await run(['import', csv], env)).code).toBe(0);
    const [set] = JSON.parse((await run(['changes', '--json'], env)).stdout) as { id: number; added: number }[];
    expect(set).toMatchObject({ added: 2 });
    const dry = await run(['undo', String(set!.id), '--dry-run'], env);
    expect(dry.stderr).toMatch(/^would undo set \d+ \(treaty import .*\): 0 added, 0 changed, 2 removed\n$/);
    expect((await run(['undo', String(set!.id)], env)).code).toBe(0);
    expect(dump(env.TREATY_DB!)).toEqual(before);
  });
});
