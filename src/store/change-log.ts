// The change log read back: the sets, the rows each wrote (before and after), and undo of a set.
// A set's before-state is its superseded rows (superseded_by = set); its after-state the rows that
// carry its id, live or superseded since; an undo's after-state is the before-state of the set it undid.
import type { Database } from 'better-sqlite3';
import { UserError } from '../errors.js';
import { FACT_TABLES, keyText, TABLE, type FactTable, type FactTableName, type StoredRow } from './tables.js';
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

/** One set's rows by table and key: what it found (before) and what it left (after). */
type States = Map<FactTableName, Map<string, { before?: StoredRow; after?: StoredRow }>>;

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

  /** The rows of the sets, in set order, then table order (parents first), then key. */
  rows(sets: readonly ChangeSet[]): SetRow[] {
    const states = this.states(sets);
    return sets.flatMap((s) => listed(s.id, states.get(s.id)));
  }

  /** Each set's before- and after-state, read table by table for all the sets at once. */
  private states(sets: readonly ChangeSet[]): Map<number, States> {
    const out = new Map<number, States>();
    const put = (set: number, t: FactTable, row: StoredRow, side: 'before' | 'after') => {
      let tables = out.get(set);
      if (!tables) out.set(set, (tables = new Map()));
      let byKey = tables.get(t.name);
      if (!byKey) tables.set(t.name, (byKey = new Map()));
      const key = keyText(t, row);
      const entry = byKey.get(key) ?? {};
      // Live rows come first: a copy of the same version kept by a later undo changes nothing.
      if (entry[side] === undefined) entry[side] = row;
      byKey.set(key, entry);
    };
    const plain = sets.filter((s) => s.undoes === null).map((s) => s.id);
    const undos = sets.filter((s) => s.undoes !== null);
    const beforeOf = [...new Set([...sets.map((s) => s.id), ...undos.map((s) => s.undoes!)])];
    for (const t of FACT_TABLES) {
      const columns = `${t.columns.join(', ')}, set_id`;
      const before = this.prepare(`SELECT ${columns}, superseded_by AS of FROM ${t.name}_superseded WHERE superseded_by IN (SELECT value FROM json_each(?)) ORDER BY rowid`).all(JSON.stringify(beforeOf)) as (StoredRow & { of: number })[];
      const beforeBySet = new Map<number, StoredRow[]>();
      for (const { of, ...row } of before) (beforeBySet.get(of) ?? beforeBySet.set(of, []).get(of)!).push(row);
      for (const s of sets) for (const row of beforeBySet.get(s.id) ?? []) put(s.id, t, row, 'before');
      for (const s of undos) for (const row of beforeBySet.get(s.undoes!) ?? []) put(s.id, t, row, 'after');
      if (plain.length === 0) continue;
      const ids = JSON.stringify(plain);
      const after = this.prepare(
        `SELECT ${columns} FROM ${t.name} WHERE set_id IN (SELECT value FROM json_each(@ids))
         UNION ALL SELECT ${columns} FROM ${t.name}_superseded WHERE set_id IN (SELECT value FROM json_each(@ids))`,
      ).all({ ids }) as StoredRow[];
      for (const row of after) put(Number(row.set_id), t, row, 'after');
    }
    return out;
  }

  /**
   * Reverses set `id` in one transaction, as a set of its own; refuses (nothing changed) an unknown
   * set, one undone already, and one whose rows a later set touched (naming the set to undo first).
   */
  undo(id: number, command: string, dryRun: boolean): { undo: ChangeSet; set: number; rows: SetRow[]; counts: SetCounts } {
    let result: { undo: ChangeSet; set: number; rows: SetRow[]; counts: SetCounts } | undefined;
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
        const states = this.states([s]).get(id) ?? new Map();
        if (states.size === 0) throw new UserError(`set ${id} has no rows recorded to undo`);
        const blocker = this.blocker(states);
        if (blocker !== null) {
          const why = blocker.dependent ? 'wrote rows since that name a treaty or participant it added' : 'changed the same rows since';
          throw new UserError(`set ${id} cannot be undone: set ${blocker.id} ${why}`, `undo set ${blocker.id} first`);
        }
        const counts: SetCounts = { added: 0, changed: 0, removed: 0 };
        // Rows the set added go first, children before parents; rows it changed are put back in place;
        // rows it removed come back last, parents before children.
        const entries = (t: FactTable) => [...(states.get(t.name) ?? new Map<string, { before?: StoredRow; after?: StoredRow }>()).values()];
        for (const t of [...FACT_TABLES].reverse()) {
          for (const { before, after } of entries(t)) {
            if (after && !before) tx.takeBack(t.name, after);
            else if (after && before) tx.restoreOver(t.name, before);
          }
        }
        for (const t of FACT_TABLES) {
          for (const { before, after } of entries(t)) {
            if (before && !after) tx.restore(t.name, before);
            counts[before && after ? 'changed' : before ? 'added' : 'removed'] += 1;
          }
        }
        Object.assign(tx.counts, counts);
        this.prepare('UPDATE change_sets SET undoes = ? WHERE id = ?').run(id, tx.set);
        this.prepare('UPDATE change_sets SET undone_by = ? WHERE id = ?').run(tx.set, id);
        // Undoing an undo puts its set back in force.
        if (s.undoes !== null) this.prepare('UPDATE change_sets SET undone_by = NULL WHERE id = ?').run(s.undoes);
        const reversed = listed(tx.set, states).map((r) => ({ ...r, before: r.after, after: r.before }));
        result = { undo: s, set: tx.set, rows: reversed, counts };
      },
      { dryRun },
    );
    return result!;
  }

  private live(t: FactTable, row: StoredRow): StoredRow | undefined {
    return this.prepare(`SELECT ${t.columns.join(', ')}, set_id FROM ${t.name} WHERE ${t.key.map((k) => `${k} IS @${k}`).join(' AND ')}`).get(
      Object.fromEntries(t.key.map((k) => [k, row[k] ?? null])),
    ) as StoredRow | undefined;
  }

  /**
   * The latest set that changed one of a set's rows after it, if any: each row must be as the set left
   * it (the same version, or still absent), and a treaty or participant it would remove must have no
   * rows of other sets that name it.
   */
  private blocker(states: States): { id: number; dependent: boolean } | null {
    let latest: number | null = null;
    const note = (id: number | null) => {
      if (id !== null && (latest === null || id > latest)) latest = id;
    };
    for (const t of FACT_TABLES) {
      for (const { before, after } of (states.get(t.name) ?? new Map()).values()) {
        const row = (after ?? before)!;
        const live = this.live(t, row);
        const asLeft = after ? live !== undefined && live.set_id === after.set_id && sameRow(t, live, after) : live === undefined;
        if (asLeft) continue;
        note(live ? Number(live.set_id) : null);
        note(this.lastReplacer(t, row));
      }
    }
    if (latest !== null) return { id: latest, dependent: false };
    // Rows of other sets that name a treaty or participant the undo would remove.
    for (const [parent, column, children] of DEPENDENTS) {
      for (const { before, after } of (states.get(parent) ?? new Map()).values()) {
        if (!after || before) continue;
        for (const child of children) {
          const mine = new Set([...(states.get(child)?.keys() ?? [])]);
          const rows = this.prepare(`SELECT ${TABLE[child].key.join(', ')}, set_id FROM ${child} WHERE ${column === 'id' ? 'treaty' : 'code'} = ?`).all(after[column]) as StoredRow[];
          for (const r of rows) if (!mine.has(keyText(TABLE[child], r))) note(Number(r.set_id));
        }
      }
    }
    return latest === null ? null : { id: latest, dependent: true };
  }

  private lastReplacer(t: FactTable, row: StoredRow): number | null {
    return (this.prepare(`SELECT max(superseded_by) AS id FROM ${t.name}_superseded WHERE ${t.key.map((k) => `${k} IS @${k}`).join(' AND ')}`).get(Object.fromEntries(t.key.map((k) => [k, row[k] ?? null]))) as { id: number | null }).id;
  }
}

const DEPENDENTS: readonly [FactTableName, string, readonly FactTableName[]][] = [
  ['treaties', 'id', ['treaty_aliases', 'actions', 'published_in_force', 'reports', 'checks']],
  ['participants', 'code', ['actions', 'published_in_force', 'reports']],
];

/** The same version of a row, whatever rowid it was given. */
function sameRow(t: FactTable, a: StoredRow, b: StoredRow): boolean {
  return t.columns.every((c) => c === t.generated || (a[c] ?? null) === (b[c] ?? null));
}

/** One set's rows, table by table (parents first), by key; a row it left as it found is not one. */
function listed(set: number, states: States | undefined): SetRow[] {
  const out: SetRow[] = [];
  for (const t of FACT_TABLES) {
    const byKey = states?.get(t.name);
    if (!byKey) continue;
    for (const key of [...byKey.keys()].sort()) {
      const { before, after } = byKey.get(key)!;
      if (before && after && sameRow(t, before, after)) continue;
      out.push({ set, table: t.name, key, before: before ? shown(t, before) : null, after: after ? shown(t, after) : null });
    }
  }
  return out;
}

/** A row as `changes --rows` shows it: its columns, without the ids the database gave it. */
function shown(t: FactTable, row: StoredRow): StoredRow {
  return Object.fromEntries(t.columns.filter((c) => c !== t.generated).map((c) => [c, row[c] ?? null]));
}
