import type { Database, Statement } from 'better-sqlite3';
import type { BundledData } from './bundled-data.js';
import { writeSet } from './write-tx.js';

/** Fills a new database with the bundled facts: one change set, "seed", that every row carries. */
export function seed(db: Database, data: BundledData, now: string): void {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  writeSet(
    db,
    prepare,
    'seed',
    (tx) => {
      for (const t of data.treaties) {
        tx.insert('treaties', { id: t.id, short_title: t.short_title, title: t.title, data_as_of: t.snapshot.date, definition: JSON.stringify(t) });
        for (const alias of new Set([t.id, ...t.aliases])) tx.insertIfAbsent('treaty_aliases', { alias, treaty: t.id });
      }
      tx.insertMany('participants', data.participants as unknown as Iterable<Record<string, string | null>>);
      tx.insertMany('actions', data.actions as unknown as Iterable<Record<string, string | null>>);
      tx.insertMany('published_in_force', data.published as unknown as Iterable<Record<string, string | null>>);
      tx.insertMany('reports', data.reports as unknown as Iterable<Record<string, string | number | null>>);
      prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('seeded_at', now);
    },
    { at: now },
  );
}
