// Reads and merges of reports: claims by sources other than the depositary, kept apart from actions.
import type { ReportRow } from '../domain/schemas.js';
import type { Prepare, WriteTx } from './write-tx.js';

/** A report's identity, like an action's "treaty|code|action|date". */
export function reportKey(r: Pick<ReportRow, 'treaty' | 'claim' | 'date' | 'code' | 'source'>): string {
  return `${r.treaty}|${r.claim}|${r.date}|${r.code ?? ''}|${r.source}`;
}

const COLUMNS = 'treaty, date, precision, claim, code, count, grade, source, note';

export function treatyReports(prepare: Prepare, treaty: string): ReportRow[] {
  return prepare(`SELECT ${COLUMNS} FROM reports WHERE treaty = ? ORDER BY date, claim, code`).all(treaty) as ReportRow[];
}

/**
 * Adds the bundled reports a database lacks (by key), in the caller's set; those the user removed
 * (`removed`, by key) stay removed. Returns how many it adds.
 */
export function mergeReports(tx: WriteTx, rows: readonly ReportRow[], removed: ReadonlySet<string>): number {
  let n = 0;
  for (const r of rows) {
    if (removed.has(reportKey(r))) continue;
    if (tx.insertIfAbsent('reports', { ...r })) n += 1;
  }
  return n;
}
