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
      ? `SELECT ${keySql(t, 'l')} AS k, l.rowid AS r, 1 AS live FROM ${t.name} l WHERE l.set_id = @after
         UNION ALL SELECT ${keySql(t, 'x')}, x.rowid, 0 FROM ${twin} x WHERE x.set_id = @after`
      : `SELECT ${keySql(t, 'x')} AS k, x.rowid AS r, 0 AS live FROM ${twin} x WHERE x.superseded_by = @after`;
  return `WITH
    b AS MATERIALIZED (SELECT k, r FROM (SELECT ${keySql(t, 'x')} AS k, x.rowid AS r, row_number() OVER (PARTITION BY ${keySql(t, 'x')} ORDER BY x.rowid) AS n
      FROM ${twin} x WHERE x.superseded_by = @before) WHERE n = 1),
    a AS MATERIALIZED (SELECT k, r, live FROM (SELECT k, r, live, row_number() OVER (PARTITION BY k ORDER BY live DESC, r) AS n FROM (${afterRows})) WHERE n = 1),
    keys AS MATERIALIZED (SELECT k FROM b UNION SELECT k FROM a)
    SELECT keys.k AS k, b.r AS before, a.r AS after, coalesce(a.live, 0) AS live
    FROM keys LEFT JOIN b ON b.k = keys.k LEFT JOIN a ON a.k = keys.k`;
}

/** The parameters of statesSql for a set: what it found and what it left. */
export function statesParams(set: { id: number; undoes: number | null }): { source: AfterSource; params: { before: number; after: number } } {
  return set.undoes === null
    ? { source: { writtenBy: set.id }, params: { before: set.id, after: set.id } }
    : { source: { supersededBy: set.undoes }, params: { before: set.id, after: set.undoes } };
}
