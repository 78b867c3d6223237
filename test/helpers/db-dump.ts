// A database as undo must leave it: every table but the change log's own (change_sets and the
// superseded twins), each row in full (set_id too), in column order.
import Database from 'better-sqlite3';

export function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'change_sets' AND name NOT LIKE '%_superseded' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    return Object.fromEntries(
      tables.map((t) => {
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[]).map((c) => c.name);
        return [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${columns.join(', ')}`).all()];
      }),
    );
  } finally {
    db.close();
  }
}
