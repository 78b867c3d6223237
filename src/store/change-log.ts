// The change log read back: the sets, the rows each wrote (before and after), and undo of a set.
// A set's before-state is its superseded rows (superseded_by = set); its after-state the rows that
// carry its id, live or superseded since; an undo's after-state is the before-state of the set it undid.
import type { Database } from 'better-sqlite3';
import { UserError } from '../errors.js';
import { statesParams, statesSql } from './set-states.js';
import { FACT_TABLES, type FactTableName, type StoredRow } from './tables.js';
import { blockerOf, clearPlan, planUndo } from './undo-set.js';
import { writeSet, type Prepare, type SetCounts } from './write-tx.js';

export interface ChangeSet {
  id: number;
  at: string;
  command: string;
  added: number;
  changed: number;
  removed: number;
  /** The set that undid this one, while it stands undone. */
  undone: number | null;
  /** The set this one undid, when it is an undo. */
  undoes: number | null;
  partial: number;
}

export interface SetFilter {
  /** Only sets after this id. */
  after?: number;
  /** Only sets made on or after this date (UTC). */
  since?: string | undefined;
  withSeed: boolean;
  /** Only sets that wrote a row of this treaty. */
  treaty?: string | undefined;
  /** Only these sets. */
  ids?: readonly number[];
}

export interface SetRow {
  set: number;
  table: FactTableName;
  key: string;
  before: StoredRow | null;
  after: StoredRow | null;
}

/** The page cache while rows are listed, in KiB as SQLite counts a negative size: its default. */
const LISTING_CACHE = -2000;

const SET_COLUMNS = 'id, at, command, added, changed, removed, undone_by AS undone, undoes, partial';

export class ChangeLog {
  constructor(
    private readonly db: Database,
    private readonly prepare: Prepare,
  ) {}

  /** The newest set's id (0 for none). */
  newest(): number {
    return (this.prepare('SELECT coalesce(max(id), 0) AS id FROM change_sets').get() as { id: number }).id;
  }

  get(id: number): ChangeSet | undefined {
    return this.prepare(`SELECT ${SET_COLUMNS} FROM change_sets WHERE id = ?`).get(id) as ChangeSet | undefined;
  }

  sets(f: SetFilter): ChangeSet[] {
    const sets = this.prepare(
      `SELECT ${SET_COLUMNS} FROM change_sets WHERE id > @after AND at >= @since AND (@seed = 1 OR command <> 'seed')
       AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids))) ORDER BY id`,
    ).all({ after: f.after ?? 0, since: f.since ?? '0000', seed: f.withSeed ? 1 : 0, ids: f.ids ? JSON.stringify(f.ids) : null }) as ChangeSet[];
    if (f.treaty === undefined) return sets;
    const touched = this.setsOfTreaty(f.treaty);
    return sets.filter((s) => touched.has(s.id) || (s.undoes !== null && touched.has(s.undoes)));
  }

  /** Every set that wrote, replaced or removed a row about the treaty. */
  private setsOfTreaty(treaty: string): Set<number> {
    const parts: string[] = [];
    for (const t of FACT_TABLES) {
      if (!t.treaty) continue;
      parts.push(`SELECT set_id FROM ${t.name} WHERE ${t.treaty} = @treaty`, `SELECT set_id FROM ${t.name}_superseded WHERE ${t.treaty} = @treaty`, `SELECT superseded_by FROM ${t.name}_superseded WHERE ${t.treaty} = @treaty`);
    }
    const rows = this.prepare(parts.join(' UNION ')).raw().all({ treaty }) as [number | null][];
    return new Set(rows.map(([id]) => id).filter((id): id is number => id !== null));
  }

  /**
   * The rows of the sets, in set order, then table order (parents first), then key, read from the
   * database while they are used (one set and table at a time, never all of them at once). With
   * `reversed`, each row's before and after swap and it is listed as that set: what undoing would do.
   */
  *rows(sets: Iterable<ChangeSet>, reversed?: { as: number }): Generator<SetRow> {
    // Each listing sorts its set's keys, and SQLite keeps a sort in memory up to the size of the page
    // cache: a writer's 64 MB (open.ts) let the sorts of one 400,000-row set take the process to
    // 285 MB. A listing comes after any write (undo lists once it is done), so the reader's size will do.
    this.db.pragma(`cache_size = ${LISTING_CACHE}`);
    for (const s of sets) {
      const { source, params } = statesParams(s);
      for (const t of FACT_TABLES) {
        const shownColumns = t.columns.filter((c) => c !== t.generated);
        const afterColumn = (c: string) => `CASE WHEN s.live = 1 THEN la.${c} ELSE xa.${c} END`;
        const statement = this.prepare(
          `SELECT s.k, s.before IS NOT NULL, s.after IS NOT NULL, ${shownColumns.map((c) => `b.${c}`).join(', ')}, ${shownColumns.map(afterColumn).join(', ')}
           FROM (${statesSql(t, source)}) s LEFT JOIN ${t.name}_superseded b ON b.rowid = s.before
           LEFT JOIN ${t.name} la ON s.live = 1 AND la.rowid = s.after LEFT JOIN ${t.name}_superseded xa ON s.live = 0 AND xa.rowid = s.after
           ORDER BY s.k`,
        ).raw();
        for (const r of statement.iterate(params) as Iterable<(string | number | null)[]>) {
          const before = r[1] ? rowOf(shownColumns, r, 3) : null;
          const after = r[2] ? rowOf(shownColumns, r, 3 + shownColumns.length) : null;
          if (before && after && shownColumns.every((c) => before[c] === after[c])) continue;
          yield reversed ? { set: reversed.as, table: t.name, key: String(r[0]), before: after, after: before } : { set: s.id, table: t.name, key: String(r[0]), before, after };
        }
      }
    }
  }

  /**
   * Reverses set `id` in one transaction, as a set of its own; refuses (nothing changed) an unknown
   * set, one undone already, and one whose rows a later set touched (naming the set to undo first).
   * The work is done by the database a table at a time (undo-set.ts); `rows` reads what it did once
   * it is done (for a dry run: what it would do), row by row as the output is written.
   */
  undo(id: number, command: string, dryRun: boolean): { undo: ChangeSet; set: number; rows: Iterable<SetRow>; counts: SetCounts } {
    let result: { undo: ChangeSet; set: number; counts: SetCounts } | undefined;
    writeSet(
        this.db,
        this.prepare,
        command,
        (tx) => {
          const s = this.get(id);
          if (!s) throw new UserError(`no change set ${id}`, 'list them with: treaty changes');
          if (s.undone !== null) throw new UserError(`set ${id} was undone already, by set ${s.undone}`, `undo set ${s.undone} to put it back`);
          if (s.command === 'seed') throw new UserError(`set ${id} made the database from the bundled data; it cannot be undone`, 'for an empty start, use a new database file (--db)');
          if (s.partial) throw new UserError(`set ${id} was carried over from the old change log, which kept only part of a treaty row it changed; it cannot be undone`);
          if (!planUndo(this.prepare, s)) throw new UserError(`set ${id} has no rows recorded to undo`);
          const blocker = blockerOf(this.prepare);
          if (blocker !== null) {
            const why = blocker.dependent ? 'wrote rows since that name a treaty or participant it added' : 'changed the same rows since';
            throw new UserError(`set ${id} cannot be undone: set ${blocker.id} ${why}`, `undo set ${blocker.id} first`);
          }
          const counts = tx.undoPlanned();
          this.prepare('UPDATE change_sets SET undoes = ? WHERE id = ?').run(id, tx.set);
          this.prepare('UPDATE change_sets SET undone_by = ? WHERE id = ?').run(tx.set, id);
          // Undoing an undo puts its set back in force.
          if (s.undoes !== null) this.prepare('UPDATE change_sets SET undone_by = NULL WHERE id = ?').run(s.undoes);
          clearPlan(this.prepare);
          result = { undo: s, set: tx.set, counts };
        },
        { dryRun },
      );
    const { undo: s, set } = result!;
    const self = this;
    const rows = dryRun
      ? self.rows([s], { as: set })
      : (function* () {
          yield* self.rows([self.get(set)!]);
        })();
    return { ...result!, rows };
  }
}

/** One side of a row read raw: its columns from position `at`. */
function rowOf(columns: readonly string[], r: readonly (string | number | null)[], at: number): StoredRow {
  return Object.fromEntries(columns.map((c, i) => [c, r[at + i] ?? null]));
}
