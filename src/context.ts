// What a command may reach outside its options: the clock, the environment and the database.
import { fromDayNumber, type IsoDate } from './domain/dates.js';
import { openDatabase, type OpenMode } from './store/open.js';
import { resolveDbPath } from './store/paths.js';
import { describeSqliteError, isSqliteError } from './store/sqlite-errors.js';
import { Store } from './store/store.js';

export interface Ctx {
  env: NodeJS.ProcessEnv;
  /** Today's date where the user is: the only place that reads the clock for a date. */
  today(): IsoDate;
  /** The current moment, for the change log. */
  now(): string;
  /**
   * Runs `use` on the database and closes it. A database created for this call (first use) is kept
   * only if `use` succeeds, so a command that fails on bad input leaves no file behind.
   */
  withStore<T>(dbFlag: string | undefined, mode: OpenMode, use: (store: Store) => T | Promise<T>): Promise<T>;
  /**
   * The database, open until `done` is called: for results that stream from it. `done(false)` after a
   * failure removes a database this call created.
   */
  openStore(dbFlag: string | undefined, mode: OpenMode): Promise<{ store: Store; done(ok: boolean): void }>;
  /** The database file the flags and environment point at. */
  dbPath(dbFlag: string | undefined): string;
}

/** `tell` gets what the user should know while a command waits (for another's write lock): stderr. */
export function createContext(env: NodeJS.ProcessEnv = process.env, tell?: (message: string) => void): Ctx {
  const now = () => new Date().toISOString();
  return {
    env,
    today() {
      const d = new Date();
      // Local calendar date: the day it is for the user, whatever UTC says.
      return fromDayNumber(Math.floor((d.getTime() - d.getTimezoneOffset() * 60_000) / 86_400_000));
    },
    now,
    dbPath: (dbFlag) => resolveDbPath(dbFlag, env).path,
    async openStore(dbFlag, mode) {
      const { path, isDefault } = resolveDbPath(dbFlag, env);
      const opened = await openDatabase(path, mode, {
        createParents: isDefault,
        ...(tell ? { onLockWait: tell } : {}),
        async initialize(db) {
          // zod and the CSV reader load only when a database is created.
          const [{ bundledDataDir, loadBundledData }, { seed }] = await Promise.all([import('./store/bundled-data.js'), import('./store/seed.js')]);
          // This call's environment, not the process's: main() may run many times in one process (tests).
          seed(db, loadBundledData(bundledDataDir(env)), now());
        },
      });
      return { store: new Store(opened.db, path), done: (ok: boolean) => (ok ? opened.keep() : opened.discard()) };
    },
    async withStore(dbFlag, mode, use) {
      const { store, done } = await this.openStore(dbFlag, mode);
      let result;
      try {
        result = await use(store);
      } catch (e) {
        done(false);
        // Here the file is known: SQLite's own message names no file.
        throw isSqliteError(e) ? describeSqliteError(e, store.path) : e;
      }
      done(true);
      return result;
    },
  };
}
