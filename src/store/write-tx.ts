// The one way to write facts: a change set. Every row a set writes carries its id (set_id), and the
// version a set replaces or removes is moved to the table's twin `<table>_superseded` with the set
// as superseded_by, so a set's after-state is its rows and its before-state its superseded rows.
// The methods here are the only writers of the fact tables; none of them writes without that record.
import type { Database, Statement } from 'better-sqlite3';
import { ActionStaging } from './action-staging.js';
import { dataBasis } from './checks.js';
import { lockedTransaction } from './lock-wait.js';
import { applyUndo, plannedCounts } from './undo-set.js';
import { keyWhere, TABLE, type FactTable, type FactTableName, type StoredRow } from './tables.js';

export interface SetCounts {
  added: number;
  changed: number;
  removed: number;
}

/** Thrown inside a transaction that is not to be kept (a dry run, a set that wrote nothing), so SQLite rolls it back. */
class DryRun extends Error {}

export type Prepare = (sql: string) => Statement;

/**
 * Runs `fn` in one IMMEDIATE transaction (it takes the write lock at once, so concurrent writers
 * wait, lock-wait.ts, instead of failing halfway, and a throw leaves nothing behind) as change set `command`. A set
 * that wrote nothing is not kept. With dryRun everything is rolled back once `fn` has returned, so
 * a dry run goes through the same code and counts as the real write.
 */
export function writeSet<T>(db: Database, prepare: Prepare, command: string, fn: (tx: WriteTx) => T, o: { dryRun?: boolean; at?: string } = {}): T {
  let out: T | undefined;
  try {
    lockedTransaction(db, () => {
      const at = o.at ?? new Date().toISOString();
      const set = Number(prepare('INSERT INTO change_sets (at, command) VALUES (?, ?)').run(at, command).lastInsertRowid);
      const tx = new WriteTx(prepare, set);
      out = fn(tx);
      // A set that wrote nothing is rolled back whole, so the file stays byte for byte as it was.
      if (!tx.finish() || o.dryRun) throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return out as T;
}

const same = (a: StoredRow, b: StoredRow, table: FactTable) => table.columns.every((c) => c === table.generated || (a[c] ?? null) === (b[c] ?? null));

export class WriteTx {
  readonly counts: SetCounts = { added: 0, changed: 0, removed: 0 };

  constructor(
    private readonly prepare: Prepare,
    /** The id of the set being written. */
    readonly set: number,
  ) {}

  /** The stored row of `table` with the key of `key` (every column, set_id too), if there is one. */
  get(name: FactTableName, key: StoredRow): StoredRow | undefined {
    const t = TABLE[name];
    return this.prepare(`SELECT ${t.columns.join(', ')}, set_id FROM ${t.name} WHERE ${keyWhere(t)}`).get(keyOf(t, key)) as StoredRow | undefined;
  }

  /** Adds a row the table does not have. */
  insert(name: FactTableName, row: StoredRow): void {
    const t = TABLE[name];
    // Put back in the same set that removed it: a change, not an addition.
    if (this.supersededHere(t, row)) {
      this.counts.removed -= 1;
      this.counts.changed += 1;
    } else this.counts.added += 1;
    this.insertStatement(t).run(this.values(t, row));
  }

  /**
   * Adds rows the table does not have and this set has not removed, with one prepared statement and
   * nothing else per row: the bulk path of import. Returns how many it added.
   */
  insertMany(name: FactTableName, rows: Iterable<StoredRow>): number {
    const t = TABLE[name];
    const insert = this.insertStatement(t);
    let n = 0;
    for (const row of rows) {
      insert.run(this.values(t, row));
      n += 1;
    }
    this.counts.added += n;
    return n;
  }

  /** Replaces the stored row with `row`'s key by `row`; false when they were the same already. */
  update(name: FactTableName, row: StoredRow): boolean {
    const t = TABLE[name];
    const current = this.get(name, row);
    if (!current) throw new Error(`no ${t.name} row ${JSON.stringify(keyOf(t, row))} to change`);
    if (same(current, row, t)) return false;
    if (current.set_id !== this.set) {
      this.supersede(t, row);
      this.counts.changed += 1;
    }
    const columns = t.columns.filter((c) => c !== t.generated && !t.key.includes(c));
    this.prepare(`UPDATE ${t.name} SET ${[...columns.map((c) => `${c} = @${c}`), 'set_id = @set_id'].join(', ')} WHERE ${keyWhere(t)}`).run(this.values(t, row));
    return true;
  }

  /** Adds the row, or replaces the stored one with its key; says which (or that they were the same). */
  upsert(name: FactTableName, row: StoredRow): 'added' | 'changed' | 'unchanged' {
    if (!this.get(name, row)) {
      this.insert(name, row);
      return 'added';
    }
    return this.update(name, row) ? 'changed' : 'unchanged';
  }

  /** Adds the row unless one with its key is stored; true when it added it. */
  insertIfAbsent(name: FactTableName, row: StoredRow): boolean {
    if (this.get(name, row)) return false;
    this.insert(name, row);
    return true;
  }

  /**
   * Removes the stored row with the key of `key`; false when there is none. A treaty's aliases,
   * reports and checks go with it, each recorded (the schema would cascade them unrecorded).
   */
  remove(name: FactTableName, key: StoredRow): boolean {
    const t = TABLE[name];
    const current = this.get(name, key);
    if (!current) return false;
    if (name === 'treaties') {
      for (const child of ['checks', 'reports', 'treaty_aliases'] as const) {
        const c = TABLE[child];
        for (const row of this.prepare(`SELECT ${c.key.join(', ')} FROM ${child} WHERE treaty = ?`).all(current.id) as StoredRow[]) this.remove(child, row);
      }
    }
    if (current.set_id !== this.set) {
      this.supersede(t, current);
      this.counts.removed += 1;
    } else if (this.supersededHere(t, current)) {
      // Changed earlier in this set: now a removal of the row as it was before the set.
      this.counts.changed -= 1;
      this.counts.removed += 1;
    } else this.counts.added -= 1;
    this.prepare(`DELETE FROM ${t.name} WHERE ${keyWhere(t)}`).run(keyOf(t, current));
    return true;
  }

  /** Puts a row back exactly as it was stored (its id and the set that wrote it): what undo does. */
  restore(name: FactTableName, row: StoredRow): void {
    const t = TABLE[name];
    this.prepare(`INSERT INTO ${t.name} (${t.columns.join(', ')}, set_id) VALUES (${t.columns.map((c) => `@${c}`).join(', ')}, @set_id)`).run(
      Object.fromEntries([...t.columns, 'set_id'].map((c) => [c, row[c] ?? null])),
    );
  }

  /**
   * Puts an earlier version of a stored row back in place (its columns and the set that wrote it),
   * keeping the version it replaces in the twin: an undo of a change. In place, so rows that name it
   * (a participant's actions) stay valid.
   */
  restoreOver(name: FactTableName, row: StoredRow): void {
    const t = TABLE[name];
    this.supersede(t, row);
    const columns = t.columns.filter((c) => c !== t.generated && !t.key.includes(c));
    this.prepare(`UPDATE ${t.name} SET ${[...columns, 'set_id'].map((c) => `${c} = @${c}`).join(', ')} WHERE ${keyWhere(t)}`).run(
      Object.fromEntries([...t.columns, 'set_id'].map((c) => [c, row[c] ?? null])),
    );
  }

  /** Moves the stored row with `key`'s key to the twin, as replaced by this set, and deletes it: what undo does to a row it takes back. */
  takeBack(name: FactTableName, key: StoredRow): void {
    const t = TABLE[name];
    this.supersede(t, key);
    this.prepare(`DELETE FROM ${t.name} WHERE ${keyWhere(t)}`).run(keyOf(t, key));
  }

  /**
   * Reverses the set planned by undo-set.ts (planUndo, with blockerOf found nothing in the way) as
   * this set, a table at a time in SQL; returns what it did.
   */
  undoPlanned(): SetCounts {
    const counts = plannedCounts(this.prepare);
    applyUndo(this.prepare, this.set);
    this.counts.added += counts.added;
    this.counts.changed += counts.changed;
    this.counts.removed += counts.removed;
    return counts;
  }

  /** How many rows a table holds now. */
  count(name: FactTableName): number {
    return (this.prepare(`SELECT count(*) AS n FROM ${TABLE[name].name}`).get() as { n: number }).n;
  }

  /**
   * Runs `fn` with the table's secondary indexes dropped and builds them again after it, each from
   * the statement the schema made it with (so it is the same index): for a bulk insert.
   */
  withIndexesRebuilt<T>(name: FactTableName, fn: () => T): T {
    const indexes = this.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(TABLE[name].name) as { name: string; sql: string }[];
    for (const { name: index } of indexes) this.prepare(`DROP INDEX "${index.replaceAll('"', '""')}"`).run();
    const out = fn();
    for (const { sql } of indexes) this.prepare(sql).run();
    return out;
  }

  /** A temporary table of action rows to plan and write in SQL, for an import (action-staging.ts). */
  stageActions(): ActionStaging {
    return new ActionStaging(this.prepare, this);
  }

  /** What a check found now is found on (checks.ts). */
  basis(treaty: string): string {
    return dataBasis(this.prepare, treaty);
  }

  /** Stores the set's counts; false when it wrote nothing (and is not to be kept). */
  finish(): boolean {
    const { added, changed, removed } = this.counts;
    if (added === 0 && changed === 0 && removed === 0) return false;
    this.prepare('UPDATE change_sets SET added = ?, changed = ?, removed = ? WHERE id = ?').run(added, changed, removed, this.set);
    return true;
  }

  private insertStatement(t: FactTable): Statement {
    const columns = t.columns.filter((c) => c !== t.generated);
    return this.prepare(`INSERT INTO ${t.name} (${columns.join(', ')}, set_id) VALUES (${columns.map((c) => `@${c}`).join(', ')}, @set_id)`);
  }

  /** The row's columns, absent ones as NULL, with this set's id. */
  private values(t: FactTable, row: StoredRow): StoredRow {
    const out: StoredRow = { set_id: this.set };
    for (const c of t.columns) if (c !== t.generated) out[c] = row[c] ?? null;
    return out;
  }

  private supersede(t: FactTable, key: StoredRow): void {
    this.prepare(`INSERT INTO ${t.name}_superseded (${t.columns.join(', ')}, set_id, superseded_by) SELECT ${t.columns.join(', ')}, set_id, @superseded_by FROM ${t.name} WHERE ${keyWhere(t)}`).run({
      ...keyOf(t, key),
      superseded_by: this.set,
    });
  }

  private supersededHere(t: FactTable, key: StoredRow): boolean {
    return this.prepare(`SELECT 1 FROM ${t.name}_superseded WHERE superseded_by = @superseded_by AND ${keyWhere(t)}`).get({ ...keyOf(t, key), superseded_by: this.set }) !== undefined;
  }
}

function keyOf(t: FactTable, row: StoredRow): StoredRow {
  return Object.fromEntries(t.key.map((k) => [k, row[k] ?? null]));
}

