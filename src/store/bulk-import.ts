// The write of a large plan of actions (an import of a whole data set), inside the caller's change
// set. Rows go in in key order, so the table's unique index grows at its end; when the rows added
// outnumber the rows stored, the other indexes are dropped and built again after the inserts,
// which sorts once instead of updating two B-trees at random for every row.
import type { ActionRow } from '../domain/model.js';
import type { Plan } from '../domain/plan.js';
import { actionWriter } from './writes.js';
import type { WriteTx } from './write-tx.js';

/** Below this many rows the indexes are cheaper to keep than to build again. */
const REBUILD_FROM_ROWS = 10_000;

function byKey(a: ActionRow, b: ActionRow): number {
  return a.treaty < b.treaty ? -1 : a.treaty > b.treaty ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : a.action < b.action ? -1 : a.action > b.action ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Applies `plan` in the set, the cheapest way for its size. */
export function applyBulk(tx: WriteTx, plan: Plan): void {
  const added = [...plan.added].sort(byKey);
  const write = () => actionWriter(tx).apply({ ...plan, added });
  if (added.length >= REBUILD_FROM_ROWS && added.length > tx.count('actions')) tx.withIndexesRebuilt('actions', write);
  else write();
}
