// A treaty database as an older version of treaty left it: the schema steps up to `version` only,
// in WAL mode like every database treaty makes, so the next open has to upgrade it.
import Database from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';

export function writeOlderDb(path: string, version = SCHEMA_VERSION - 1): string {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  for (const step of MIGRATIONS.filter((m) => m.version <= version)) db.exec(step.sql);
  db.pragma(`user_version = ${version}`);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.close();
  return path;
}
