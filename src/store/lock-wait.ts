// Waiting for the write lock. SQLite's busy timeout blocks the thread, so nothing could be printed
// while it runs: the wait is taken in steps of a few seconds instead, and after the first step the
// user is told what the command is waiting for. It gives up only at LOCK_WAIT_SECONDS.
import type { Database } from 'better-sqlite3';
import { isSqliteError, LOCK_WAIT_SECONDS, sqliteProblem } from './sqlite-errors.js';

/** One step of the wait: long enough that a short write never shows a message, short enough to say why it hangs. */
export const LOCK_STEP_MS = 3000;

export interface LockWaitOptions {
  stepMs: number;
  limitMs: number;
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Called once, when the first step has passed without the lock. */
  onWait(): void;
}

/**
 * Runs `attempt` with the time it may block on the lock (its busy timeout) until it succeeds, fails
 * for another reason, or has waited `limitMs` in all; then the last busy error is thrown.
 */
export function retryWhileBusy<T>(attempt: (timeoutMs: number) => T, o: LockWaitOptions): T {
  const start = o.now();
  let told = false;
  for (;;) {
    const left = o.limitMs - (o.now() - start);
    try {
      return attempt(Math.max(0, Math.min(o.stepMs, left)));
    } catch (e) {
      if (!isSqliteError(e) || sqliteProblem(e.code) !== 'busy' || o.now() - start >= o.limitMs) throw e;
      if (!told) {
        told = true;
        o.onWait();
      }
    }
  }
}

/**
 * Who to tell about a wait, kept on the database object itself: each command's bundle has its own
 * copy of this module (scripts/build.mjs), so module state set by the opener would not be seen by
 * the writer. Symbol.for is one symbol across them.
 */
const WAITER = Symbol.for('treaty.lockWaiter');
type Told = Database & { [WAITER]?: (limitSeconds: number) => void };

export function tellWhenWaiting(db: Database, onWait: (limitSeconds: number) => void): void {
  (db as Told)[WAITER] = onWait;
}

/** `fn` in one IMMEDIATE transaction, taken as soon as no other writer holds the lock (see above). */
export function lockedTransaction<T>(db: Database, fn: () => T): T {
  const run = db.transaction(fn);
  return retryWhileBusy(
    (timeoutMs) => {
      db.pragma(`busy_timeout = ${Math.round(timeoutMs)}`);
      return run.immediate();
    },
    { stepMs: LOCK_STEP_MS, limitMs: LOCK_WAIT_SECONDS * 1000, now: () => performance.now(), onWait: () => (db as Told)[WAITER]?.(LOCK_WAIT_SECONDS) },
  );
}
