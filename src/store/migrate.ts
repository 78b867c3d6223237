import type { Database } from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS } from './migrations.js';

/** Brings the schema up to date, one IMMEDIATE transaction per step, so two processes never apply a step twice. */
export function migrate(db: Database): void {
  for (const step of MIGRATIONS) {
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= step.version) return;
      db.exec(step.sql);
      // PRAGMA takes no bound parameters; both numbers are ours.
      db.pragma(`user_version = ${step.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  }
}
