// Writes of the facts beside actions: parties whose dates are unknown (published_in_force) and reports.
// Each row is added, changed or left as it is by its key, in the caller's set.
import type { PublishedRow, ReportRow } from '../domain/schemas.js';
import type { WriteTx } from './write-tx.js';

export interface FactCounts {
  added: number;
  changed: number;
  unchanged: number;
}

function write(tx: WriteTx, table: 'published_in_force' | 'reports', rows: readonly object[]): FactCounts {
  const counts: FactCounts = { added: 0, changed: 0, unchanged: 0 };
  for (const r of rows) counts[tx.upsert(table, { ...(r as Record<string, string | number | null>) })] += 1;
  return counts;
}

export function writePublished(tx: WriteTx, rows: readonly PublishedRow[]): FactCounts {
  return write(tx, 'published_in_force', rows);
}

export function writeReports(tx: WriteTx, rows: readonly ReportRow[]): FactCounts {
  return write(tx, 'reports', rows);
}
