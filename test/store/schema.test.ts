import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/domain/vocabulary.js';
import { migrate } from '../../src/store/migrate.js';
import { APPLICATION_ID, SCHEMA_4_ACTIONS, SCHEMA_5_CHECK_CODES, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { CHECK_CODES } from '../../src/domain/checks.js';
import { bundledDataDir, loadBundledData } from '../../src/store/bundled-data.js';
import { seed } from '../../src/store/seed.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers/run-cli.js';

function freshDb() {
  const db = new Database(join(tempDir(), 'test.db'));
  migrate(db);
  return db;
}

describe('migrations', () => {
  it('bring an empty file to the current version and mark it as ours', () => {
    const db = freshDb();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });

  it('are idempotent: a second run changes nothing', () => {
    const db = freshDb();
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
    migrate(db);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
  });

  it('allow in SQL exactly the actions of the vocabulary', () => {
    expect(SCHEMA_4_ACTIONS).toEqual([...ACTIONS]);
    // A stored check's code is one the schema knows: the CHECK refuses any other.
    expect(SCHEMA_5_CHECK_CODES).toEqual([...CHECK_CODES]);
  });
});

describe('constraints', () => {
  const db = freshDb();
  seed(db, loadBundledData(bundledDataDir({})), '2026-11-23T00:00:00.000Z');
  const insert = db.prepare(
    'INSERT INTO actions (treaty, code, action, date, reference, source, note) VALUES (@treaty, @code, @action, @date, NULL, @source, NULL)',
  );
  const ok = { treaty: 'XVIII-16', code: 'VNM', action: 'ratification', date: '2026-01-10', source: 'https://example.org' };
  db.pragma('foreign_keys = ON');

  it.each([
    ['an unknown action', { action: 'signing' }, /CHECK constraint failed/],
    ['a date that is not ISO', { date: '10/01/2026' }, /CHECK constraint failed/],
    ['a number for a date (STRICT)', { date: 20260110 }, /cannot store INTEGER value in TEXT column|CHECK constraint failed/],
    ['an unknown participant', { code: 'XYZ' }, /FOREIGN KEY constraint failed/],
    ['an unknown treaty', { treaty: 'nope' }, /FOREIGN KEY constraint failed/],
    ['a duplicate of a bundled action', { action: 'signature', date: '2025-10-25' }, /UNIQUE constraint failed/],
  ])('refuse %s', (_what, change, error) => {
    expect(() => insert.run({ ...ok, ...change })).toThrow(error);
  });

  it('accept a well-formed row', () => {
    expect(insert.run(ok).changes).toBe(1);
  });
});

describe('seeding', () => {
  it('fills every table and logs each row it adds', () => {
    const db = freshDb();
    const data = loadBundledData(bundledDataDir({}));
    seed(db, data, '2026-11-23T00:00:00.000Z');
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM participants')).toBe(data.participants.length);
    expect(count('SELECT count(*) AS n FROM actions')).toBe(data.actions.length);
    expect(count('SELECT count(*) AS n FROM reports')).toBe(data.reports.length);
    expect(data.reports.length).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM changes WHERE command = 'seed'")).toBe(data.treaties.length + data.participants.length + data.actions.length + data.published.length + data.reports.length);
  });

  it('is all or nothing', () => {
    const db = freshDb();
    const data = loadBundledData(bundledDataDir({}));
    const broken = { ...data, actions: [...data.actions, { ...data.actions[0]! }] };
    expect(() => seed(db, broken, '2026-11-23T00:00:00.000Z')).toThrow(/UNIQUE/);
    expect((db.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n).toBe(0);
  });
});

describe('store queries', () => {
  const db = freshDb();
  seed(db, loadBundledData(bundledDataDir({})), '2026-11-23T00:00:00.000Z');
  const store = new Store(db, 'test.db');

  it('find a treaty by id or alias, ignoring case', () => {
    for (const ref of ['XVIII-16', 'xviii-16', 'Hanoi', ' cybercrime ']) expect(store.treaty(ref).id).toBe('XVIII-16');
  });

  it('suggest the nearest treaty for a typo', () => {
    expect(() => store.treaty('hanio')).toThrow(expect.objectContaining({ message: 'unknown treaty "hanio"', hint: 'did you mean "XVIII-16"?' }));
  });

  it('return actions in date order, up to a date', () => {
    const all = store.actions('XVIII-16');
    expect(all.map((a) => a.date)).toEqual([...all.map((a) => a.date)].sort());
    expect(store.actions('XVIII-16', '2025-10-25').every((a) => a.date <= '2025-10-25')).toBe(true);
  });
});

describe('an older database', () => {
  it('at schema 1 is brought up to date by the next open, keeping its rows', async () => {
    const { MIGRATIONS } = await import('../../src/store/migrations.js');
    const { openDatabase } = await import('../../src/store/open.js');
    const path = join(tempDir(), 'old.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!.sql);
    old.pragma('user_version = 1');
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.prepare("INSERT INTO meta (key, value) VALUES ('kept', 'yes')").run();
    old.close();

    const opened = await openDatabase(path, 'read', { createParents: false, initialize: async () => {} });
    expect(opened.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(opened.db.prepare("SELECT value FROM meta WHERE key = 'kept'").get()).toEqual({ value: 'yes' });
    expect(opened.db.prepare("SELECT name FROM sqlite_master WHERE name = 'published_in_force'").get()).toBeTruthy();
    opened.keep();
  });
});

describe('the hot queries', () => {
  const db = freshDb();
  seed(db, loadBundledData(bundledDataDir({})), '2026-11-23T00:00:00.000Z');
  const plan = (sql: string, ...params: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

  it("read a treaty's actions in date order from an index, with no sort", () => {
    const detail = plan('SELECT treaty, code, action, date, reference, source, note FROM actions WHERE treaty = ? AND date <= ? ORDER BY date, code, action', 'XVIII-16', '2026-11-23');
    expect(detail).toMatch(/USING INDEX actions_by_treaty_date/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it("find one participant's actions by an index", () => {
    expect(plan('SELECT * FROM actions WHERE code = ? AND treaty = ?', 'VNM', 'XVIII-16')).toMatch(/USING INDEX actions_by_participant/);
  });

  it('export every action in order without a sort', () => {
    expect(plan('SELECT * FROM actions WHERE date <= ? ORDER BY treaty, date, code, action', '9999-12-31')).not.toMatch(/TEMP B-TREE/);
  });

  it('look a treaty up by alias through its key', () => {
    expect(plan('SELECT t.definition FROM treaty_aliases a JOIN treaties t ON t.id = a.treaty WHERE a.alias = ? COLLATE NOCASE', 'hanoi')).toMatch(/USING (INDEX|PRIMARY KEY).*alias/i);
  });
});
