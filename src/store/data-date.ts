// Moving a treaty's "data as of" date: the column and the definition's snapshot together, in a set.
import type { IsoDate } from '../domain/dates.js';
import type { TreatyDefinition } from '../domain/model.js';
import type { WriteTx } from './write-tx.js';

/** What the depositary counted on the new date, when a status page says. */
export interface SnapshotCounts {
  signatories: number | null;
  parties: number | null;
}

/**
 * Sets the date inside the caller's set; false when it was that date already. The old snapshot's
 * counts belong to the old date: they move to the dated `counts`, where they are still checked
 * against the rows, and the snapshot takes the counts of the new date (none when not given).
 */
export function setDataAsOf(tx: WriteTx, treaty: string, date: IsoDate, note: string, counts: SnapshotCounts = { signatories: null, parties: null }): boolean {
  const row = tx.get('treaties', { id: treaty });
  if (!row || row.data_as_of === date) return false;
  const definition = JSON.parse(String(row.definition)) as TreatyDefinition;
  const old = definition.snapshot;
  const kept = (definition.counts ?? []).filter((c) => c.date !== old.date);
  if (old.signatories !== null || old.parties !== null) kept.push(old);
  const next: TreatyDefinition = {
    ...definition,
    snapshot: { date, signatories: counts.signatories, parties: counts.parties, source: old.source, note },
    ...(kept.length ? { counts: kept.sort((a, b) => (a.date < b.date ? -1 : 1)) } : {}),
  };
  return tx.update('treaties', { ...row, data_as_of: date, definition: JSON.stringify(next) });
}
