// An import's action rows, planned in SQL inside its change set. The rows go into a temporary table
// as they are read (one prepared INSERT each; JS keeps nothing per row), keyed like `actions`, so a
// row given twice is found as it is inserted and the rows come out in the order of the table's
// unique index. Then a few statements, each one pass over both tables, find what the rows add,
// change, replace or leave as it is, and write it through the set: the rows carry its id, the
// versions they replace go to actions_superseded. Memory is the page caches, not the file.
import type { Statement } from 'better-sqlite3';
import type { ActionRow } from '../domain/model.js';
import type { Prepare, WriteTx } from './write-tx.js';

/** Where a staged row came from: a line of a file (by the file's number), or a place in words. */
export type StagedPlace = { file: number; line: number } | { where: string };

export interface StagedCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** The rows of a plan, as many as were asked for, each in the order it was given. */
export interface StagedRows {
  added: ActionRow[];
  changed: ActionRow[];
  removed: ActionRow[];
  unchanged: ActionRow[];
}

/** A rival of a once-only action: the staged row (by its place) and the date it contradicts. */
export interface RivalRow {
  seq: number;
  place: StagedPlace;
  row: Pick<ActionRow, 'treaty' | 'code' | 'action' | 'date'>;
  rival: string;
  /** Where the contradicted date is: stored, or given earlier in the same import (`--replace` cannot choose between two lines). */
  in: 'stored' | 'import';
}

/** Below this many added rows the indexes are cheaper to keep than to build again. */
const REBUILD_FROM_ROWS = 10_000;

const COLUMNS = 'treaty, code, action, date, reference, source, note';
const same = (a: string, b: string, keys: readonly string[]) => keys.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
const KEY = ['treaty', 'code', 'action', 'date'];
const ONCE = ['treaty', 'code', 'action'];
const STORED = (r: string) => `EXISTS (SELECT 1 FROM main.actions a WHERE ${same('a', r, KEY)})`;
const DIFFERS = 'a.reference IS NOT r.reference OR a.source IS NOT r.source OR a.note IS NOT r.note';
/** A once-only row the table lacks whose participant has the action stored on another day (its key not given too). */
const RIVALS = `FROM temp.import_rows r JOIN main.actions s ON ${same('s', 'r', ONCE)} AND s.date <> r.date
  WHERE r.once = 1 AND NOT ${STORED('r')} AND NOT EXISTS (SELECT 1 FROM temp.import_rows k WHERE ${same('k', 's', KEY)})`;

type Staged = ActionRow & { seq: number; file: number | null; line: number | null; place: string | null };

export class ActionStaging {
  private readonly insert: Statement;
  private staged = 0;
  private depositary = false;

  constructor(
    private readonly prepare: Prepare,
    private readonly tx: WriteTx,
  ) {
    // Created in the set's transaction, so a refused import leaves no trace of it either.
    prepare('DROP TABLE IF EXISTS temp.import_rows').run();
    prepare('DROP TABLE IF EXISTS temp.import_removed').run();
    prepare(`CREATE TEMP TABLE import_rows (
      treaty TEXT NOT NULL, code TEXT NOT NULL, action TEXT NOT NULL, date TEXT NOT NULL, reference TEXT, source TEXT NOT NULL, note TEXT,
      seq INTEGER NOT NULL, file INTEGER, line INTEGER, place TEXT, depositary INTEGER NOT NULL, once INTEGER NOT NULL,
      PRIMARY KEY (treaty, code, action, date)
    ) WITHOUT ROWID`).run();
    prepare('CREATE TEMP TABLE import_removed (id INTEGER PRIMARY KEY)').run();
    this.insert = prepare(`INSERT OR IGNORE INTO temp.import_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** How many rows were staged. */
  get count(): number {
    return this.staged;
  }

  /** Stages a row; false when a row with its key was staged already (nothing is stored then). */
  add(row: ActionRow, place: StagedPlace, o: { once: boolean; depositary: boolean }): boolean {
    const seq = this.staged + 1;
    const at = 'line' in place ? [place.file, place.line, null] : [null, null, place.where];
    const r = this.insert.run(row.treaty, row.code, row.action, row.date, row.reference ?? null, row.source, row.note ?? null, seq, ...at, o.depositary ? 1 : 0, o.once ? 1 : 0);
    if (r.changes === 0) return false;
    this.staged = seq;
    if (o.depositary) this.depositary = true;
    return true;
  }

  /** Where the staged row with `row`'s key came from. */
  placeOf(row: Pick<ActionRow, 'treaty' | 'code' | 'action' | 'date'>): StagedPlace {
    const s = this.prepare(`SELECT file, line, place FROM temp.import_rows WHERE treaty = ? AND code = ? AND action = ? AND date = ?`).get(row.treaty, row.code, row.action, row.date) as Pick<Staged, 'file' | 'line' | 'place'>;
    return placeOf(s);
  }

  /**
   * The once-only rows (not from the depositary) that contradict a stored row or an earlier staged
   * one, in the order given, with the date each contradicts: problems unless the import replaces.
   */
  *rivals(): Generator<RivalRow> {
    // Two cheap passes instead of a search per row: the actions given on more than one day in the
    // file (grouped along the table's key), and the rows whose action is stored on another day.
    const given = `SELECT r.seq, r.file, r.line, r.place, r.treaty, r.code, r.action, r.date,
        (SELECT e.date FROM temp.import_rows e WHERE ${same('e', 'r', ONCE)} AND e.seq < r.seq AND e.date <> r.date AND NOT ${STORED('e')} ORDER BY e.seq DESC LIMIT 1) AS rival, 0 AS kind
      FROM (SELECT treaty, code, action FROM temp.import_rows WHERE once = 1 GROUP BY treaty, code, action HAVING count(*) > 1) g
      JOIN temp.import_rows r ON ${same('r', 'g', ONCE)}
      WHERE r.depositary = 0 AND NOT ${STORED('r')}`;
    const stored = `SELECT r.seq, r.file, r.line, r.place, r.treaty, r.code, r.action, r.date, max(s.date) AS rival, 1 AS kind
      FROM temp.import_rows r JOIN main.actions s ON ${same('s', 'r', ONCE)} AND s.date <> r.date
      WHERE r.once = 1 AND r.depositary = 0 AND NOT ${STORED('r')} GROUP BY r.treaty, r.code, r.action, r.date`;
    // A row's rival given earlier in the file comes first: it is the date the row contradicts last.
    const rows = this.prepare(`SELECT * FROM (${given}) WHERE rival IS NOT NULL UNION ALL ${stored} ORDER BY seq, kind`);
    let last = 0;
    for (const s of rows.iterate() as Iterable<Staged & { rival: string; kind: 0 | 1 }>) {
      if (s.seq === last) continue;
      last = s.seq;
      yield { seq: s.seq, place: placeOf(s), row: s, rival: s.rival, in: s.kind === 0 ? 'import' : 'stored' };
    }
  }

  /**
   * What the staged rows do to the stored actions, and (with `write`) doing it in the set: the rows
   * of each kind listed up to `listed` (the unchanged ones only with `listUnchanged`). With `replace`, a once-only row replaces the stored one on
   * another day; a depositary's row always does, saying so in its note.
   */
  apply(o: { replace: boolean; listed: number; listUnchanged: boolean }): { counts: StagedCounts; rows: StagedRows } {
    const set = this.tx.set;
    // One pass over the rows stored under their keys: how many, and how many of them differ.
    const stored = this.prepare(`SELECT count(*) AS n, coalesce(sum(r.depositary = 0 AND (${DIFFERS})), 0) AS differing
      FROM temp.import_rows r JOIN main.actions a ON ${same('a', 'r', KEY)}`).get() as { n: number; differing: number };
    const storedMatches = stored.n;
    if (this.depositary) {
      // Before the rival goes: the note says what the depositary's date replaces.
      this.prepare(`UPDATE temp.import_rows AS r SET note = coalesce(r.note || '; ', '') || 'the depositary''s date; replaces ' || v.date || ' (' || v.source || ')'
        FROM (SELECT r.treaty, r.code, r.action, r.date AS given, max(s.date) AS date, s.source AS source ${RIVALS} AND r.depositary = 1
          GROUP BY r.treaty, r.code, r.action, r.date) AS v
        WHERE ${same('v', 'r', ONCE)} AND v.given = r.date`).run();
    }
    const removing = o.replace || this.depositary;
    if (removing) this.prepare(`INSERT OR IGNORE INTO temp.import_removed SELECT s.id ${RIVALS} AND (r.depositary = 1 OR ?)`).run(o.replace ? 1 : 0);
    const limit = Number.isFinite(o.listed) ? o.listed : -1;
    const rows: StagedRows = {
      added: storedMatches === this.staged ? [] : this.list(`SELECT ${COLUMNS} FROM temp.import_rows r${storedMatches > 0 ? ` WHERE NOT ${STORED('r')}` : ''} ORDER BY seq LIMIT ?`, limit),
      changed: stored.differing === 0 ? [] : this.list(`SELECT r.treaty, r.code, r.action, r.date, r.reference, r.source, r.note FROM temp.import_rows r JOIN main.actions a ON ${same('a', 'r', KEY)} WHERE r.depositary = 0 AND (${DIFFERS}) ORDER BY r.seq LIMIT ?`, limit),
      removed: removing ? this.list(`SELECT ${COLUMNS} FROM main.actions WHERE id IN (SELECT id FROM temp.import_removed) ORDER BY treaty, code, action, date LIMIT ?`, limit) : [],
      unchanged: !o.listUnchanged || storedMatches === 0 ? [] : this.list(`SELECT a.treaty, a.code, a.action, a.date, a.reference, a.source, a.note FROM temp.import_rows r JOIN main.actions a ON ${same('a', 'r', KEY)} WHERE r.depositary = 1 OR NOT (${DIFFERS}) ORDER BY r.seq LIMIT ?`, limit),
    };
    const removed = removing ? (this.prepare('SELECT count(*) AS n FROM temp.import_removed').get() as { n: number }).n : 0;
    if (removed > 0) {
      this.prepare(`INSERT INTO main.actions_superseded (id, ${COLUMNS}, set_id, superseded_by) SELECT id, ${COLUMNS}, set_id, ? FROM main.actions WHERE id IN (SELECT id FROM temp.import_removed)`).run(set);
      this.prepare('DELETE FROM main.actions WHERE id IN (SELECT id FROM temp.import_removed)').run();
    }
    let changed = 0;
    if (stored.differing > 0) {
      this.prepare(`INSERT INTO main.actions_superseded (id, ${COLUMNS}, set_id, superseded_by)
        SELECT a.id, a.treaty, a.code, a.action, a.date, a.reference, a.source, a.note, a.set_id, ? FROM temp.import_rows r JOIN main.actions a ON ${same('a', 'r', KEY)} WHERE r.depositary = 0 AND (${DIFFERS})`).run(set);
      changed = this.prepare(`UPDATE main.actions AS a SET reference = r.reference, source = r.source, note = r.note, set_id = ?
        FROM temp.import_rows r WHERE ${same('a', 'r', KEY)} AND r.depositary = 0 AND (${DIFFERS})`).run(set).changes;
    }
    const added = this.staged - storedMatches;
    if (added > 0) {
      // With nothing stored under these keys the rows go in as they are, in key order; otherwise the
      // ones the table lacks (SQLite reads them out before it writes, the table being read too).
      const sql = `INSERT INTO main.actions (${COLUMNS}, set_id) SELECT ${COLUMNS}, ? FROM temp.import_rows r${storedMatches > 0 ? ` WHERE NOT ${STORED('r')}` : ''}`;
      const write = () => this.prepare(sql).run(set);
      if (added >= REBUILD_FROM_ROWS && added > this.tx.count('actions')) this.tx.withIndexesRebuilt('actions', write);
      else write();
    }
    this.tx.counts.added += added;
    this.tx.counts.changed += changed;
    this.tx.counts.removed += removed;
    return { counts: { added, changed, removed, unchanged: storedMatches - changed }, rows };
  }

  private list(sql: string, limit: number): ActionRow[] {
    if (limit === 0) return [];
    return this.prepare(sql).all(limit) as ActionRow[];
  }
}

function placeOf(s: Pick<Staged, 'file' | 'line' | 'place'>): StagedPlace {
  return s.place !== null ? { where: s.place } : { file: s.file!, line: s.line! };
}
