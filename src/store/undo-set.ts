// Undo of a whole change set, worked out by the database a table at a time so that its size costs
// time, not memory: the set's keys go into a temporary plan (which version it found, which it left,
// which is stored now), the refusal is one query per table, and the reversal is a few INSERT … SELECT,
// UPDATE … FROM and DELETE statements per table. It leaves exactly what undoing row by row did: the
// versions the undo replaces or removes are kept in the twin as superseded by the undo's set.
import type { Prepare, SetCounts } from './write-tx.js';
import { keySql } from './set-states.js';
import { FACT_TABLES, TABLE, type FactTable, type FactTableName } from './tables.js';

/** A set of other rows that name a treaty or participant the undo would remove. */
const DEPENDENTS: readonly [FactTableName, string, readonly [FactTableName, string][]][] = [
  ['treaties', 'id', [['treaty_aliases', 'treaty'], ['actions', 'treaty'], ['published_in_force', 'treaty'], ['reports', 'treaty'], ['checks', 'treaty']]],
  ['participants', 'code', [['actions', 'code'], ['published_in_force', 'code'], ['reports', 'code']]],
];

const PLAN = 'temp.undo_plan';

/** The rowid of the live row with the key of the twin row a plan row names (its after, else its before version). */
const liveByKey = (t: FactTable) =>
  `SELECT l.rowid FROM ${t.name}_superseded r JOIN ${t.name} l ON ${t.key.map((k) => `l.${k} IS r.${k}`).join(' AND ')} WHERE r.rowid = coalesce(undo_plan.after, undo_plan.before)`;

/** The columns a version is compared by: all but the id the database gave it. */
const compared = (t: FactTable) => t.columns.filter((c) => c !== t.generated);

/**
 * Fills the plan with set `set`'s keys in every table: `before` and `after` the versions statesSql
 * (set-states.ts) pairs, found here by the plan's own key index with no sort; `cur` the rowid of the
 * live row with the key now. Returns whether there is any.
 */
export function planUndo(prepare: Prepare, set: { id: number; undoes: number | null }): boolean {
  prepare(`CREATE TEMP TABLE IF NOT EXISTS undo_plan (tbl TEXT NOT NULL, k TEXT NOT NULL, before INTEGER, after INTEGER, live INTEGER NOT NULL, cur INTEGER, blocks INTEGER NOT NULL DEFAULT 0, UNIQUE (tbl, k))`).run();
  prepare(`DELETE FROM ${PLAN}`).run();
  // The plan's key index keeps one version a side: the first stored, a live one before any other.
  const after = set.undoes ?? set.id;
  let n = 0;
  for (const t of FACT_TABLES) {
    const twin = `${t.name}_superseded`;
    const put = (side: 'before' | 'after', live: 0 | 1, from: string) =>
      prepare(
        `INSERT INTO ${PLAN} (tbl, k, ${side}, live) SELECT '${t.name}', ${keySql(t, 'x')}, x.rowid, ${live} FROM ${from} ORDER BY x.rowid
         ON CONFLICT (tbl, k) DO ${side === 'before' ? 'NOTHING' : `UPDATE SET after = excluded.after, live = excluded.live WHERE after IS NULL`}`,
      ).run({ set: set.id, after }).changes;
    n += put('before', 0, `${twin} x WHERE x.superseded_by = @set`);
    if (set.undoes === null) {
      n += put('after', 1, `${t.name} x WHERE x.set_id = @after`);
      n += put('after', 0, `${twin} x WHERE x.set_id = @after`);
    } else n += put('after', 0, `${twin} x WHERE x.superseded_by = @after`);
    prepare(`UPDATE ${PLAN} SET cur = after WHERE tbl = '${t.name}' AND live = 1`).run();
    prepare(`UPDATE ${PLAN} SET cur = (${liveByKey(t)}) WHERE tbl = '${t.name}' AND live = 0`).run();
  }
  return n > 0;
}

/** Drops the plan's rows (the table itself goes with the connection). */
export function clearPlan(prepare: Prepare): void {
  prepare(`DELETE FROM ${PLAN}`).run();
}

/**
 * The latest set that changed one of the planned rows after the set, if any: each row must be as the
 * set left it (the same version, or still absent), and a treaty or participant it would remove must
 * have no rows of other sets that name it.
 */
export function blockerOf(prepare: Prepare): { id: number; dependent: boolean } | null {
  let latest: number | null = null;
  for (const t of FACT_TABLES) {
    const twin = `${t.name}_superseded`;
    const same = [...compared(t), 'set_id'].map((c) => `l.${c} IS a.${c}`).join(' AND ');
    // A row the set left must be stored as it left it; a row it removed must still be absent.
    const marked = prepare(
      `UPDATE ${PLAN} SET blocks = 1 WHERE rowid IN (
         SELECT p.rowid FROM ${PLAN} p LEFT JOIN ${twin} a ON a.rowid = p.after LEFT JOIN ${t.name} l ON l.rowid = p.cur
         WHERE p.tbl = '${t.name}' AND p.live = 0
           AND CASE WHEN p.after IS NULL THEN p.cur IS NOT NULL ELSE p.cur IS NULL OR NOT (${same}) END)`,
    ).run().changes;
    if (marked === 0) continue;
    // The set that wrote what is stored now, or the last one that replaced or removed it.
    const { id } = prepare(
      `SELECT max(coalesce((SELECT max(coalesce(l.set_id, 0)) FROM ${PLAN} p JOIN ${t.name} l ON l.rowid = p.cur WHERE p.tbl = '${t.name}' AND p.blocks = 1), 0),
                  coalesce((SELECT max(x.superseded_by) FROM ${twin} x WHERE ${keySql(t, 'x')} IN (SELECT k FROM ${PLAN} WHERE tbl = '${t.name}' AND blocks = 1)), 0)) AS id`,
    ).get() as { id: number };
    if (latest === null || id > latest) latest = id;
  }
  if (latest !== null) return { id: latest, dependent: false };
  for (const [parent, column, children] of DEPENDENTS) {
    for (const [child, named] of children) {
      const { id } = prepare(
        `SELECT max(coalesce(c.set_id, 0)) AS id FROM ${PLAN} p JOIN ${parent} l ON l.rowid = p.cur JOIN ${child} c ON c.${named} = l.${column}
         WHERE p.tbl = '${parent}' AND p.after IS NOT NULL AND p.before IS NULL
           AND NOT EXISTS (SELECT 1 FROM ${PLAN} q WHERE q.tbl = '${child}' AND q.k = ${keySql(TABLE[child], 'c')})`,
      ).get() as { id: number | null };
      if (id !== null && (latest === null || id > latest)) latest = id;
    }
  }
  return latest === null ? null : { id: latest, dependent: true };
}

/** What undoing the planned set does: a row it changed is changed back, one it added removed, one it removed added. */
export function plannedCounts(prepare: Prepare): SetCounts {
  const c = prepare(`SELECT coalesce(sum(after IS NULL), 0) AS added, coalesce(sum(after IS NOT NULL AND before IS NOT NULL), 0) AS changed, coalesce(sum(before IS NULL), 0) AS removed FROM ${PLAN}`).get() as SetCounts;
  return { added: c.added, changed: c.changed, removed: c.removed };
}

/**
 * Carries out the plan as set `undo` (checked by blockerOf): rows the set added go first, children
 * before parents; rows it changed are put back in place (so rows that name them stay valid); rows
 * it removed come back last, parents before children, each with the id it had.
 */
export function applyUndo(prepare: Prepare, undo: number): void {
  for (const t of [...FACT_TABLES].reverse()) {
    const twin = `${t.name}_superseded`;
    const all = [...t.columns, 'set_id'];
    const kept = [...t.columns.filter((c) => c !== t.generated && !t.key.includes(c)), 'set_id'];
    prepare(
      `INSERT INTO ${twin} (${all.join(', ')}, superseded_by) SELECT ${all.map((c) => `l.${c}`).join(', ')}, @undo
       FROM ${PLAN} p JOIN ${t.name} l ON l.rowid = p.cur WHERE p.tbl = '${t.name}' AND p.after IS NOT NULL ORDER BY p.rowid`,
    ).run({ undo });
    prepare(
      `UPDATE ${t.name} SET ${kept.map((c) => `${c} = b.${c}`).join(', ')}
       FROM ${PLAN} p JOIN ${twin} b ON b.rowid = p.before
       WHERE p.tbl = '${t.name}' AND p.after IS NOT NULL AND ${t.name}.rowid = p.cur`,
    ).run();
    prepare(`DELETE FROM ${t.name} WHERE rowid IN (SELECT cur FROM ${PLAN} WHERE tbl = '${t.name}' AND after IS NOT NULL AND before IS NULL)`).run();
  }
  for (const t of FACT_TABLES) {
    const all = [...t.columns, 'set_id'];
    const removed = `FROM ${PLAN} p JOIN ${t.name}_superseded b ON b.rowid = p.before WHERE p.tbl = '${t.name}' AND p.after IS NULL`;
    const g = t.generated;
    if (g !== undefined) {
      // SQLite reuses the highest ids once their rows are gone, so a later write may hold the id a
      // removed row had (a drop, then an add). Such a row comes back under a new id, above every id in
      // use or about to be restored, so the rows that keep theirs (next) cannot meet it.
      const taken = `EXISTS (SELECT 1 FROM ${t.name} l WHERE l.${g} = b.${g})`;
      const above = `(SELECT max(m) FROM (SELECT max(${g}) AS m FROM ${t.name} UNION ALL SELECT max(r.${g}) FROM ${PLAN} q JOIN ${t.name}_superseded r ON r.rowid = q.before WHERE q.tbl = '${t.name}' AND q.after IS NULL))`;
      prepare(
        `INSERT INTO ${t.name} (${all.join(', ')}) SELECT ${all.map((c) => (c === g ? `${above} + row_number() OVER (ORDER BY p.before)` : `b.${c}`)).join(', ')}
         ${removed} AND ${taken} ORDER BY p.before`,
      ).run();
      prepare(`INSERT INTO ${t.name} (${all.join(', ')}) SELECT ${all.map((c) => `b.${c}`).join(', ')} ${removed} AND NOT ${taken} ORDER BY p.before`).run();
    } else prepare(`INSERT INTO ${t.name} (${all.join(', ')}) SELECT ${all.map((c) => `b.${c}`).join(', ')} ${removed} ORDER BY p.before`).run();
  }
}
