// Checks kept in the database: what a write found that cannot be recomputed from the rows later (a
// status page's header counts against its table, for a page whose counts are not the treaty's
// snapshot). Each is kept with the basis it was found on (the treaty's definition and its actions);
// once either changes, the check is no longer shown: the data it spoke of is gone.
import { createRequire } from 'node:module';
import { isCheckCode, isStoredCheckCode, type Check } from '../domain/checks.js';
import type { Prepare, WriteTx } from './write-tx.js';

/** What a check was found on: the definition's text and the treaty's actions (their number and latest id). */
export function dataBasis(prepare: Prepare, treaty: string): string {
  const t = prepare('SELECT definition FROM treaties WHERE id = ?').get(treaty) as { definition: string } | undefined;
  const a = prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS last FROM actions WHERE treaty = ?').get(treaty) as { n: number; last: number };
  // node:crypto loads the stream modules with it (a few ms): only when there is a check to compare.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return `${a.n}:${a.last}:${createHash('sha256').update(t?.definition ?? '').digest('hex').slice(0, 16)}`;
}

/** Stores checks just found, in the caller's set, after the write they are about. */
export function keepChecks(tx: WriteTx, treaty: string, checks: readonly Check[], command: string, now: string): void {
  if (checks.length === 0) return;
  const basis = tx.basis(treaty);
  for (const c of checks) {
    if (!isCheckCode(c.code)) throw new Error(`unknown check code "${c.code}"`);
    if (!isStoredCheckCode(c.code)) throw new Error(`check code "${c.code}" is computed on each read and never stored`);
    tx.upsert('checks', { treaty, code: c.code, detail: JSON.stringify(c), basis, found_at: now, command });
  }
}

/** The stored checks of a treaty that still hold: found on the data as it is now. */
export function keptChecks(prepare: Prepare, treaty: string): Check[] {
  // Most treaties have none: the basis (a hash of the definition) is computed only for those that do.
  const rows = prepare('SELECT detail, basis FROM checks WHERE treaty = ? ORDER BY id').all(treaty) as { detail: string; basis: string }[];
  if (rows.length === 0) return [];
  const basis = dataBasis(prepare, treaty);
  return rows.filter((r) => r.basis === basis).map((r) => JSON.parse(r.detail) as Check).filter((c) => isCheckCode(c.code));
}
