// A change set's rows as SQL: for each key of a table, the version the set found (before) and the
// one it left (after), found by the database so that a set of any size is never held in memory.
// A plain set's before-state is its superseded rows (superseded_by = set), its after-state the rows
// that carry its id (live first, then superseded since); an undo's after-state is the before-state of
// the set it undid. A key with several copies of one side takes the live one, then the first stored.
import type { FactTable } from './tables.js';

/** The key as `changes --rows` shows it (keyText in tables.ts), compared byte for byte. */
export function keySql(t: FactTable, alias: string): string {
  return `(${t.key.map((k) => `coalesce(CAST(${alias}.${k} AS TEXT), '')`).join(" || '|' || ")}) COLLATE BINARY`;
}

/** Where a set's after-state is: the rows carrying its id, or (an undo) the before-state of the set it undid. */
export type AfterSource = { writtenBy: number } | { supersededBy: number };

/**
 * One row per key the set wrote in table `t`: `k` (the key text), `before` (rowid in the twin, or
 * NULL), `after` (rowid, or NULL) and `live` (1 when `after` is a rowid of the live table).
 * Parameters: @before, the set whose superseded rows are the before-state, and @after.
 */
export function statesSql(t: FactTable, after: AfterSource): string {
  const twin = `${t.name}_superseded`;
  const afterRows =
    'writtenBy' in after
      ? `SELECT ${keySql(t, 'l')} AS k, 1 AS side, l.rowid AS r FROM ${t.name} l WHERE l.set_id = @after
         UNION ALL SELECT ${keySql(t, 'x')}, 2, x.rowid FROM ${twin} x WHERE x.set_id = @after`
      : `SELECT ${keySql(t, 'x')} AS k, 2 AS side, x.rowid AS r FROM ${twin} x WHERE x.superseded_by = @after`;
  // One grouping (one sort, which spills to disk past the cache) pairs the sides of each key.
  const first = (side: number) => `min(CASE WHEN side = ${side} THEN r END)`;
  return `SELECT k, ${first(0)} AS before, coalesce(${first(1)}, ${first(2)}) AS after, ${first(1)} IS NOT NULL AS live
    FROM (SELECT ${keySql(t, 'x')} AS k, 0 AS side, x.rowid AS r FROM ${twin} x WHERE x.superseded_by = @before UNION ALL ${afterRows})
    GROUP BY k`;
}

/** The parameters of statesSql for a set: what it found and what it left. */
export function statesParams(set: { id: number; undoes: number | null }): { source: AfterSource; params: { before: number; after: number } } {
  return set.undoes === null
    ? { source: { writtenBy: set.id }, params: { before: set.id, after: set.id } }
    : { source: { supersededBy: set.undoes }, params: { before: set.id, after: set.undoes } };
}
