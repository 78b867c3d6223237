import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ACTIONS } from '../../src/domain/vocabulary.js';
import { migrate } from '../../src/store/migrate.js';
import { APPLICATION_ID, SCHEMA_5_CHECK_CODES, SCHEMA_6_ACTIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { CHECK_CODES, STORED_CHECK_CODES } from '../../src/domain/checks.js';
import { bundledDataDir, loadBundledData } from '../../src/store/bundled-data.js';
import { keepChecks } from '../../src/store/checks.js';
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
    expect(SCHEMA_6_ACTIONS).toEqual([...ACTIONS]);
    // A stored check's code is one the schema knows: the CHECK refuses any other.
    expect(SCHEMA_5_CHECK_CODES).toEqual([...STORED_CHECK_CODES]);
    // The others are computed on each read and never stored: today only later_rule_unknown.
    expect(CHECK_CODES.filter((c) => !STORED_CHECK_CODES.includes(c))).toEqual(['later_rule_unknown']);
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

  it('refuse a stored check whose code the schema does not know, and keepChecks says which', () => {
    const check = db.prepare("INSERT INTO checks (treaty, code, detail, basis, found_at, command) VALUES ('XVIII-16', ?, '{}', 'b', '2026-11-23', 'test')");
    expect(() => check.run('made_up')).toThrow(/CHECK constraint failed/);
    expect(check.run('data_stale').changes).toBe(1);
    const store = new Store(db, 'test.db');
    expect(() => store.write('test', (tx) => keepChecks(tx, 'XVIII-16', [{ code: 'made_up' as never, message: 'x' }], 'test', '2026-11-23'))).toThrow('unknown check code "made_up"');
    expect(() => store.write('test', (tx) => keepChecks(tx, 'XVIII-16', [{ code: 'later_rule_unknown', message: 'x' }], 'test', '2026-11-23'))).toThrow('check code "later_rule_unknown" is computed on each read and never stored');
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
    // One change set, and every row carries it.
    expect(db.prepare('SELECT command, added, changed, removed FROM change_sets').all()).toEqual([
      { command: 'seed', added: count('SELECT (SELECT count(*) FROM treaties) + (SELECT count(*) FROM treaty_aliases) + (SELECT count(*) FROM participants) + (SELECT count(*) FROM actions) + (SELECT count(*) FROM published_in_force) + (SELECT count(*) FROM reports) AS n'), changed: 0, removed: 0 },
    ]);
    for (const table of ['treaties', 'treaty_aliases', 'participants', 'actions', 'published_in_force', 'reports']) {
      expect(count(`SELECT count(*) AS n FROM ${table} WHERE set_id IS NOT 1`)).toBe(0);
    }
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
  it('at schema 1 is brought up to date by the next open, which keeps a copy and says where (a small file: a read does it too)', async () => {
    const { MIGRATIONS } = await import('../../src/store/migrations.js');
    const { openDatabase } = await import('../../src/store/open.js');
    const path = join(tempDir(), 'old.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!.sql);
    old.pragma('user_version = 1');
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.prepare("INSERT INTO meta (key, value) VALUES ('kept', 'yes')").run();
    old.close();

    const said: string[] = [];
    const opened = await openDatabase(path, 'read', { createParents: false, initialize: async () => {}, say: (line) => said.push(line) });
    expect(said).toEqual([`upgrading ${path} from schema 1 to ${SCHEMA_VERSION}; the old file is kept as ${path}.schema-1`]);
    const copy = new Database(`${path}.schema-1`, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
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

  /** The SQL of every statement `use` has the store prepare: its own text, not a copy kept here. */
  function preparedBy(use: (store: Store) => unknown): string[] {
    const prepare = vi.spyOn(db, 'prepare');
    try {
      use(new Store(db, 'test.db'));
      return prepare.mock.calls.map(([sql]) => sql);
    } finally {
      prepare.mockRestore();
    }
  }

  it("read a treaty's actions in date order from an index, with no sort", () => {
    const [sql, ...more] = preparedBy((store) => store.actions('XVIII-16', '2026-11-23'));
    expect(more).toEqual([]);
    const detail = plan(sql!, 'XVIII-16', '2026-11-23');
    expect(detail).toMatch(/^SEARCH actions USING (COVERING )?INDEX actions_by_treaty_date/m);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('export every action, or one treaty\'s, in order without a sort', () => {
    const [all] = preparedBy((store) => [...store.iterateActions()]);
    expect(plan(all!, '9999-12-31')).not.toMatch(/TEMP B-TREE/);
    const [one] = preparedBy((store) => [...store.iterateActions('ets185')]);
    const detail = plan(one!, '9999-12-31', 'ets185');
    expect(detail).toMatch(/^SEARCH actions USING (COVERING )?INDEX actions_by_treaty_date/m);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('look a treaty up by alias through its key', () => {
    const [sql, ...more] = preparedBy((store) => store.treaty('hanoi'));
    expect(more).toEqual([]);
    expect(plan(sql!, 'hanoi')).toMatch(/USING (INDEX|PRIMARY KEY).*alias/i);
  });

  it('read the published dates of a treaty by its key', () => {
    const [sql] = preparedBy((store) => store.published('ets185'));
    expect(plan(sql!, 'ets185')).toMatch(/USING (INDEX|PRIMARY KEY)/);
  });

  it('find the row a write changes or removes, and its old version, by an index', () => {
    const key = { treaty: 'XVIII-16', code: 'VNM', action: 'signature', date: '2025-10-25' };
    const writes = preparedBy((store) =>
      store.write('test', (tx) => {
        tx.update('actions', { ...tx.get('actions', key)!, note: 'changed' });
        tx.remove('actions', key);
      }, { dryRun: true }),
    );
    const params = { ...key, reference: null, source: 'https://example.org', note: null, set_id: 2, superseded_by: 2 };
    const keyed = writes.filter((sql) => /\bactions(_superseded)? (SET .*)?WHERE /.test(sql));
    expect(new Set(keyed.map((sql) => sql.split(' ')[0]))).toEqual(new Set(['SELECT', 'UPDATE', 'DELETE', 'INSERT']));
    for (const sql of keyed) expect(plan(sql, params)).toMatch(/^SEARCH actions(_superseded)? USING (COVERING )?INDEX/m);
  });
});
