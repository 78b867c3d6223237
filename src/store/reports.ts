// Reads and merges of reports: claims by sources other than the depositary, kept apart from actions.
import type { Database } from 'better-sqlite3';
import type { ReportRow } from '../domain/schemas.js';

/** A report's identity in the change log, like an action's "treaty|code|action|date". */
export function reportKey(r: Pick<ReportRow, 'treaty' | 'claim' | 'date' | 'code' | 'source'>): string {
  return `${r.treaty}|${r.claim}|${r.date}|${r.code ?? ''}|${r.source}`;
}

const COLUMNS = 'treaty, date, precision, claim, code, count, grade, source, note';

export function treatyReports(db: Database, treaty: string): ReportRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM reports WHERE treaty = ? ORDER BY date, claim, code`).all(treaty) as ReportRow[];
}

/**
 * Adds the bundled reports a database lacks (by key), logged, in the caller's transaction; those the
 * user removed stay removed. Returns how many it adds.
 */
export function mergeReports(db: Database, rows: readonly ReportRow[], command: string, now: string, dryRun: boolean): number {
  const removed = new Set((db.prepare("SELECT key FROM changes WHERE entity = 'report' AND after IS NULL").all() as { key: string }[]).map((r) => r.key));
  const have = new Set(
    (db.prepare(`SELECT ${COLUMNS} FROM reports`).all() as ReportRow[]).map(reportKey),
  );
  const insert = db.prepare(`INSERT INTO reports (${COLUMNS}) VALUES (@treaty, @date, @precision, @claim, @code, @count, @grade, @source, @note)`);
  const log = db.prepare("INSERT INTO changes (at, command, entity, key, before, after) VALUES (?, ?, 'report', ?, NULL, ?)");
  let n = 0;
  for (const r of rows) {
    const key = reportKey(r);
    if (have.has(key) || removed.has(key)) continue;
    n += 1;
    if (dryRun) continue;
    insert.run(r);
    log.run(now, command, key, JSON.stringify(r));
  }
  return n;
}
