// Moving a treaty's "data as of" date: the column and the definition's snapshot together, logged.
import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../domain/dates.js';

/** Sets the date inside the caller's transaction; false when it was that date already. */
export function setDataAsOf(db: Database, treaty: string, date: IsoDate, note: string, command: string, now: string): boolean {
  const before = db.prepare('SELECT data_as_of FROM treaties WHERE id = ?').get(treaty) as { data_as_of: string } | undefined;
  if (!before || before.data_as_of === date) return false;
  db.prepare("UPDATE treaties SET data_as_of = @date, definition = json_set(definition, '$.snapshot.date', @date, '$.snapshot.note', @note) WHERE id = @treaty").run({ treaty, date, note });
  db.prepare("INSERT INTO changes (at, command, entity, key, before, after) VALUES (?, ?, 'treaty', ?, ?, ?)").run(
    now, command, treaty, JSON.stringify({ id: treaty, data_as_of: before.data_as_of }), JSON.stringify({ id: treaty, data_as_of: date }),
  );
  return true;
}
