// The tables that hold facts, as the change sets see them: each row's identity (its key) and the
// columns a change set copies when it keeps a row's old version in `<table>_superseded`.

export interface FactTable {
  name: FactTableName;
  /** Every stored column but set_id, in the table's order. */
  columns: readonly string[];
  /** The columns that name a row; a NULL in one compares with IS. */
  key: readonly string[];
  /** A rowid alias the database fills in (kept in a superseded row, so an undo puts the row back as it was). */
  generated?: string;
  /** The column naming the treaty a row is about, for `changes --treaty`. */
  treaty?: string;
}

export type FactTableName = 'treaties' | 'treaty_aliases' | 'participants' | 'actions' | 'published_in_force' | 'reports' | 'checks';

/** Parents before children: rows are added in this order and removed in the reverse one. */
export const FACT_TABLES: readonly FactTable[] = [
  { name: 'treaties', columns: ['id', 'short_title', 'title', 'data_as_of', 'definition'], key: ['id'], treaty: 'id' },
  { name: 'treaty_aliases', columns: ['alias', 'treaty'], key: ['alias'], treaty: 'treaty' },
  { name: 'participants', columns: ['code', 'iso2', 'name', 'short_name', 'aliases', 'kind', 'un_group', 'groups', 'source', 'note'], key: ['code'] },
  { name: 'actions', columns: ['id', 'treaty', 'code', 'action', 'date', 'reference', 'source', 'note'], key: ['treaty', 'code', 'action', 'date'], generated: 'id', treaty: 'treaty' },
  { name: 'published_in_force', columns: ['treaty', 'code', 'consent_type', 'in_force_on', 'party_by', 'source', 'note'], key: ['treaty', 'code'], treaty: 'treaty' },
  { name: 'reports', columns: ['id', 'treaty', 'date', 'precision', 'claim', 'code', 'count', 'grade', 'source', 'note'], key: ['treaty', 'claim', 'date', 'code', 'source'], generated: 'id', treaty: 'treaty' },
  { name: 'checks', columns: ['id', 'treaty', 'code', 'detail', 'basis', 'found_at', 'command'], key: ['treaty', 'code', 'detail'], generated: 'id', treaty: 'treaty' },
];

export const TABLE: Readonly<Record<FactTableName, FactTable>> = Object.fromEntries(FACT_TABLES.map((t) => [t.name, t])) as Record<FactTableName, FactTable>;

export type StoredRow = Record<string, string | number | null>;

/** A row's key as `changes --rows` shows it: its key columns joined with "|" (an action's is "treaty|code|action|date"). */
export function keyText(table: FactTable, row: StoredRow): string {
  return table.key.map((k) => (row[k] === null || row[k] === undefined ? '' : String(row[k]))).join('|');
}

/** The SQL that finds a row by its key, with named parameters. */
export function keyWhere(table: FactTable, prefix = ''): string {
  return table.key.map((k) => `${prefix}${k} IS @${k}`).join(' AND ');
}
