import type { Database } from 'better-sqlite3';
import { lockedTransaction } from './lock-wait.js';
import { APPLICATION_ID, MIGRATIONS } from './migrations.js';

/**
 * Brings the schema up to date, one IMMEDIATE transaction per step, so two processes never apply a
 * step twice. A step waits for another command's write lock as a write does (lock-wait.ts): an open
 * that upgrades the file is a write, whatever the command.
 */
export function migrate(db: Database): void {
  for (const step of MIGRATIONS) {
    lockedTransaction(db, () => {
      if ((db.pragma('user_version', { simple: true }) as number) >= step.version) return;
      db.exec(step.sql);
      // PRAGMA takes no bound parameters; both numbers are ours.
      db.pragma(`user_version = ${step.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    });
  }
}
