// Migration 7 carries the old change log over as change sets: a database made at schema 6 by the old
// migrations' own SQL, holding real rows and the log rows the old commands wrote beside them.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionRow } from '../../src/domain/model.js';
import { bundledDataDir, loadBundledData } from '../../src/store/bundled-data.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { cleanEnv, tempDir } from '../helpers/run-cli.js';
import { runMain as run } from '../helpers/run-main.js';

const SOURCE = 'https://example.org/old';
const SEEDED = '2026-01-01T00:00:00.000Z';
const actionKey = (a: { treaty: string; code: string; action: string; date: string }) => `${a.treaty}|${a.code}|${a.action}|${a.date}`;

/** A schema-6 database as the old release left it: seeded and logged, then written by five old commands. */
function oldDatabase(): { path: string; removed: string; replaced: string } {
  const path = join(tempDir(), 'old.db');
  const db = new Database(path);
  for (const step of MIGRATIONS.filter((m) => m.version <= 6)) db.exec(step.sql);
  db.pragma('user_version = 6');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  const data = loadBundledData(bundledDataDir({}));
  const log = db.prepare('INSERT INTO changes (at, command, entity, key, before, after) VALUES (?, ?, ?, ?, ?, ?)');
  const insertAction = db.prepare('INSERT INTO actions (treaty, code, action, date, reference, source, note) VALUES (@treaty, @code, @action, @date, @reference, @source, @note)');
  const deleteAction = db.prepare('DELETE FROM actions WHERE treaty = @treaty AND code = @code AND action = @action AND date = @date');
  const row = (a: ActionRow) => ({ treaty: a.treaty, code: a.code, action: a.action, date: a.date, reference: a.reference ?? null, source: a.source, note: a.note ?? null });
  db.transaction(() => {
    for (const t of data.treaties) {
      db.prepare('INSERT INTO treaties (id, short_title, title, data_as_of, definition) VALUES (?, ?, ?, ?, ?)').run(t.id, t.short_title, t.title, t.snapshot.date, JSON.stringify(t));
      for (const alias of new Set([t.id, ...t.aliases])) db.prepare('INSERT OR IGNORE INTO treaty_aliases (alias, treaty) VALUES (?, ?)').run(alias, t.id);
      log.run(SEEDED, 'seed', 'treaty', t.id, null, JSON.stringify({ id: t.id, short_title: t.short_title, data_as_of: t.snapshot.date }));
    }
    for (const p of data.participants) {
      db.prepare('INSERT INTO participants (code, iso2, name, short_name, aliases, kind, un_group, groups, source, note) VALUES (@code, @iso2, @name, @short_name, @aliases, @kind, @un_group, @groups, @source, @note)').run(p);
      log.run(SEEDED, 'seed', 'participant', p.code, null, JSON.stringify(p));
    }
    for (const a of data.actions) {
      insertAction.run(a);
      log.run(SEEDED, 'seed', 'action', actionKey(a), null, JSON.stringify(a));
    }
  })();
  // treaty record: one action added.
  const recorded = { treaty: 'XVIII-16', code: 'VNM', action: 'ratification', date: '2026-06-15', reference: null, source: SOURCE, note: null };
  insertAction.run(recorded);
  log.run('2026-02-01T00:00:00.000Z', 'treaty record VNM ratification 2026-06-15', 'action', actionKey(recorded), null, JSON.stringify(recorded));
  // treaty record --replace: a bundled signature's date swapped, two log rows of one command.
  const old = row(data.actions.find((a) => a.treaty === 'XVIII-16' && a.code === 'GBR' && a.action === 'signature')!);
  const swapped = { ...old, date: '2025-10-25', source: SOURCE };
  deleteAction.run(old);
  insertAction.run(swapped);
  const replace = ['2026-02-02T00:00:00.000Z', 'treaty record UK signature 2025-10-25 --replace'] as const;
  log.run(...replace, 'action', actionKey(old), JSON.stringify(old), null);
  log.run(...replace, 'action', actionKey(swapped), null, JSON.stringify(swapped));
  // treaty remove: a bundled action taken out.
  const removed = row(data.actions.find((a) => a.treaty === 'XVIII-16' && a.code === 'MUS')!);
  deleteAction.run(removed);
  log.run('2026-02-03T00:00:00.000Z', 'treaty remove Mauritius signature 2025-11-19', 'action', actionKey(removed), JSON.stringify(removed), null);
  // treaty import of a status page: an action and the data date (the old log kept only part of the treaty row).
  const imported = { treaty: 'XVIII-16', code: 'QAT', action: 'approval', date: '2026-02-10', reference: null, source: SOURCE, note: null };
  insertAction.run(imported);
  db.prepare("UPDATE treaties SET data_as_of = '2026-02-10' WHERE id = 'XVIII-16'").run();
  const importing = ['2026-02-04T00:00:00.000Z', 'treaty import page.xml'] as const;
  log.run(...importing, 'action', actionKey(imported), null, JSON.stringify(imported));
  log.run(...importing, 'treaty', 'XVIII-16', JSON.stringify({ id: 'XVIII-16', data_as_of: '2025-12-01' }), JSON.stringify({ id: 'XVIII-16', data_as_of: '2026-02-10' }));
  // db update: a participant corrected.
  const pse = db.prepare("SELECT code, iso2, name, short_name, aliases, kind, un_group, groups, source, note FROM participants WHERE code = 'PSE'").get() as Record<string, unknown>;
  db.prepare("UPDATE participants SET un_group = 'none' WHERE code = 'PSE'").run();
  log.run('2026-02-05T00:00:00.000Z', 'treaty db update', 'participant', 'PSE', JSON.stringify(pse), JSON.stringify({ ...pse, un_group: 'none' }));
  // Larger than a read upgrades itself (4 MB), as a database of one's own grows.
  db.prepare("INSERT INTO meta (key, value) VALUES ('padding', printf('%.*c', 5000000, 'x'))").run();
  db.close();
  return { path, removed: actionKey(removed), replaced: actionKey(old) };
}

describe('migration 7 from a schema-6 database with history', () => {
  it('turns the old log into sets that changes lists, --rows shows and undo reverses', async () => {
    const { path, removed, replaced } = oldDatabase();
    const env = cleanEnv(tempDir(), { TREATY_DB: path });

    // A read does not rewrite a file this large: it says to run a write.
    const read = await run(['changes'], env);
    expect(read).toMatchObject({ code: 1, stdout: '' });
    expect(read.stderr).toMatch(/is at schema 6; .* upgrades it on the next write\nhint: run a command that writes once, e\.g\. treaty db update --dry-run/);

    const upgrade = await run(['db', 'update', '--dry-run'], env);
    expect(upgrade.code, upgrade.stderr).toBe(0);
    expect(upgrade.stderr.split('\n')[0]).toBe(`upgrading ${path} from schema 6 to ${SCHEMA_VERSION}; the old file is kept as ${path}.schema-6`);
    expect(existsSync(`${path}.schema-6`)).toBe(true);
    // The user's removal of a bundled row stands: db update would not bring it back.
    expect(JSON.parse((await run(['db', 'update', '--dry-run', '--json'], env)).stdout)).toContainEqual({ merged: 'actions', count: 0 });

    const sets = JSON.parse((await run(['changes', '--json', '--with-seed'], env)).stdout) as { id: number; command: string; added: number; changed: number; removed: number; undone: number | null }[];
    expect(sets.map(({ command, added, changed, removed: r }) => [command, added, changed, r])).toEqual([
      ['seed', expect.any(Number), 0, 0],
      ['treaty record VNM ratification 2026-06-15', 1, 0, 0],
      ['treaty record UK signature 2025-10-25 --replace', 1, 0, 1],
      ['treaty remove Mauritius signature 2025-11-19', 0, 0, 1],
      ['treaty import page.xml', 1, 1, 0],
      ['treaty db update', 0, 1, 0],
    ]);
    const rows = JSON.parse((await run(['changes', '--rows', '--json'], env)).stdout) as { set: number; table: string; key: string; before: string | null; after: string | null }[];
    const replace = sets[2]!.id;
    expect(rows.filter((r) => r.set === replace).map((r) => [r.key, r.before !== null, r.after !== null])).toEqual([
      ['XVIII-16|GBR|signature|2025-10-25', false, true],
      [replaced, true, false],
    ]);
    expect(rows.find((r) => r.set === sets[3]!.id)).toMatchObject({ table: 'actions', key: removed, after: null });
    expect(JSON.parse(rows.find((r) => r.set === sets[5]!.id)!.before!)).toMatchObject({ code: 'PSE', un_group: 'Asia-Pacific States' });
    expect((await run(['changes', '--treaty', 'budapest'], env)).code).toBe(0);

    // Undo of a migrated set puts back exactly what the old log said it changed.
    const undone = await run(['undo', String(replace)], env);
    expect(undone.code, undone.stderr).toBe(0);
    const gbr = JSON.parse((await run(['history', 'GBR', '--treaty', 'hanoi', '--json', '--as-of', '2026-11-23'], env)).stdout) as { action: string; date: string }[];
    expect(gbr.filter((a) => a.action === 'signature').map((a) => a.date)).toEqual([replaced.split('|')[3]]);
    expect((await run(['undo', String(sets[3]!.id)], env)).code).toBe(0);
    expect(JSON.parse((await run(['history', 'MUS', '--treaty', 'hanoi', '--json', '--as-of', '2026-11-23'], env)).stdout)).toHaveLength(1);
    expect((await run(['undo', String(sets[5]!.id)], env)).code).toBe(0);
    // The set that changed a treaty kept only its data date: it cannot be undone, and says why.
    expect(await run(['undo', String(sets[4]!.id)], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: set \d+ was carried over from the old change log, which kept only part of a treaty row it changed; it cannot be undone\n$/) });

    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'changes'").get()).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM actions WHERE set_id IS NULL').get()).toEqual({ n: 0 });
    db.close();
  });
});
