// The write of a large plan of actions (an import of a whole data set), inside the caller's
// transaction. Rows go in in key order, so the table's unique index grows at its end; when the rows
// added outnumber the rows stored, the other indexes are dropped and built again after the inserts,
// which sorts once instead of updating two B-trees at random for every row.
import type { Database } from 'better-sqlite3';
import type { ActionRow } from '../domain/model.js';
import type { Plan } from '../domain/plan.js';
import { actionWriter } from './writes.js';

/** Below this many rows the indexes are cheaper to keep than to build again. */
const REBUILD_FROM_ROWS = 10_000;

function byKey(a: ActionRow, b: ActionRow): number {
  return a.treaty < b.treaty ? -1 : a.treaty > b.treaty ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : a.action < b.action ? -1 : a.action > b.action ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Applies `plan`, logged as every write is, the cheapest way for its size. */
export function applyBulk(db: Database, plan: Plan, command: string, now: string): void {
  const added = [...plan.added].sort(byKey);
  const stored = (db.prepare('SELECT count(*) AS n FROM actions').get() as { n: number }).n;
  const rebuild = added.length >= REBUILD_FROM_ROWS && added.length > stored;
  // Each index as the schema made it: built again from the same statement, it is the same index.
  const indexes = rebuild ? (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'actions' AND sql IS NOT NULL").all() as { name: string; sql: string }[]) : [];
  for (const { name } of indexes) db.prepare(`DROP INDEX "${name.replaceAll('"', '""')}"`).run();
  actionWriter(db, command, now).apply({ ...plan, added });
  for (const { sql } of indexes) db.prepare(sql).run();
}
