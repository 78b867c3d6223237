// Moving a treaty's "data as of" date: the column and the definition's snapshot together, logged.
import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../domain/dates.js';
import type { TreatyDefinition } from '../domain/model.js';

/** What the depositary counted on the new date, when a status page says. */
export interface SnapshotCounts {
  signatories: number | null;
  parties: number | null;
}

/**
 * Sets the date inside the caller's transaction; false when it was that date already. The old
 * snapshot's counts belong to the old date: they move to the dated `counts`, where they are still
 * checked against the rows, and the snapshot takes the counts of the new date (none when not given).
 */
export function setDataAsOf(db: Database, treaty: string, date: IsoDate, note: string, command: string, now: string, counts: SnapshotCounts = { signatories: null, parties: null }): boolean {
  const row = db.prepare('SELECT data_as_of, definition FROM treaties WHERE id = ?').get(treaty) as { data_as_of: string; definition: string } | undefined;
  if (!row || row.data_as_of === date) return false;
  const definition = JSON.parse(row.definition) as TreatyDefinition;
  const old = definition.snapshot;
  const kept = (definition.counts ?? []).filter((c) => c.date !== old.date);
  if (old.signatories !== null || old.parties !== null) kept.push(old);
  const next: TreatyDefinition = {
    ...definition,
    snapshot: { date, signatories: counts.signatories, parties: counts.parties, source: old.source, note },
    ...(kept.length ? { counts: kept.sort((a, b) => (a.date < b.date ? -1 : 1)) } : {}),
  };
  db.prepare('UPDATE treaties SET data_as_of = ?, definition = ? WHERE id = ?').run(date, JSON.stringify(next), treaty);
  db.prepare("INSERT INTO changes (at, command, entity, key, before, after) VALUES (?, ?, 'treaty', ?, ?, ?)").run(
    now, command, treaty, JSON.stringify({ id: treaty, data_as_of: row.data_as_of, snapshot: old }), JSON.stringify({ id: treaty, data_as_of: date, snapshot: next.snapshot }),
  );
  return true;
}
