// Opening the database file: created and seeded on first use, migrated when older, refused when
// it is not ours. Nothing here writes to a file that is not a treaty database.
import type { Database } from 'better-sqlite3';
import { closeSync, linkSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { migrate } from './migrate.js';
import { APPLICATION_ID, SCHEMA_VERSION } from './migrations.js';

export type Db = Database;
export type OpenMode = 'read' | 'write';

export interface OpenOptions {
  /** Make missing parent folders (for the default location only: a typo in --db should not make folders). */
  createParents: boolean;
  /** Fills a new database; runs inside the creation, before the file appears at `path`. */
  initialize: (db: Db) => Promise<void>;
}

const SQLITE_HEADER = 'SQLite format 3\0';

// better-sqlite3 is CommonJS and the heaviest module we load: loaded only when a command opens the store.
const require = createRequire(import.meta.url);
function driver(): typeof import('better-sqlite3') {
  return require('better-sqlite3') as typeof import('better-sqlite3');
}

let addon: { nativeBinding?: string } | undefined;
/**
 * The compiled addon, named directly: left to itself better-sqlite3 asks the `bindings` package to
 * search a dozen places for it, about 7 ms of every start. When it is not where npm builds it, the
 * search it is.
 */
function nativeBinding(): { nativeBinding?: string } {
  if (addon === undefined) {
    const built = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    addon = existsSync(built) ? { nativeBinding: built } : {};
  }
  return addon;
}

export interface Opened {
  db: Db;
  /** Called once the command has succeeded: a database made by this open is put in place only then. */
  keep(): void;
  /** Called when the command failed: a database made by this open disappears, so bad input leaves no file. */
  discard(): void;
}

export async function openDatabase(path: string, mode: OpenMode, options: OpenOptions): Promise<Opened> {
  const found = inspect(path);
  if (found === 'missing' || found === 'empty') {
    const temp = await create(path, options);
    try {
      // Read-write even for a read command: the file is ours alone, and closing a writer leaves no -wal/-shm behind.
      const db = connect(temp, 'write');
      return {
        db,
        keep: () => {
          db.close();
          placeNewFile(temp, path);
        },
        discard: () => {
          db.close();
          for (const file of [temp, `${temp}-wal`, `${temp}-shm`]) removeQuietly(file);
        },
      };
    } catch (e) {
      removeQuietly(temp);
      throw e;
    }
  }
  let db = connect(path, mode);
  const version = checkOurs(db, path);
  if (version < SCHEMA_VERSION) {
    db.close();
    // An older file is brought up to date by a write open, then reopened as asked.
    const writer = connect(path, 'write');
    try {
      migrate(writer);
    } catch (e) {
      throw new UserError(`cannot upgrade database ${path}: ${(e as Error).message}`);
    } finally {
      writer.close();
    }
    db = connect(path, mode);
  }
  const close = () => db.close();
  return { db, keep: close, discard: close };
}

function inspect(path: string): 'missing' | 'empty' | 'sqlite' {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new UserError(`cannot read database ${path}: ${describeFsError(e)}`);
  }
  if (stat.isDirectory()) throw new UserError(`database path ${path} is a directory`, 'give a file name, e.g. --db ./treaty.db');
  if (stat.size === 0) return 'empty';
  const header = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, header, 0, 16, 0);
  } catch (e) {
    throw new UserError(`cannot read database ${path}: ${describeFsError(e)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new UserError(`${path} is not a treaty database (not an SQLite file)`, 'point --db or TREATY_DB at another file, or move this one away');
  }
  return 'sqlite';
}

/** Builds a new database under a temporary name beside `path`, and returns that name. */
async function create(path: string, options: OpenOptions): Promise<string> {
  const folder = dirname(path);
  if (options.createParents) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (e) {
      throw new UserError(`cannot create folder ${folder}: ${describeFsError(e)}`);
    }
  } else if (!existsSync(folder)) {
    throw new UserError(`cannot create database ${path}: folder ${folder} does not exist`);
  }
  const temp = join(folder, `.${basename(path)}.${process.pid}.tmp`);
  try {
    const db = new (driver())(temp, { timeout: 5000, ...nativeBinding() });
    try {
      migrate(db);
      await options.initialize(db);
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    return temp;
  } catch (e) {
    removeQuietly(temp);
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot create database ${path}: ${describeFsError(e)}`);
  }
}

function placeNewFile(temp: string, path: string): void {
  try {
    // link() never replaces: when another process created the database first, theirs stays.
    linkSync(temp, path);
    unlinkSync(temp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(path).size > 0) return removeQuietly(temp);
    // An empty placeholder file, or a file system without hard links.
    if (code === 'EEXIST' || code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return renameSync(temp, path);
    throw e;
  }
}

function connect(path: string, mode: OpenMode): Db {
  try {
    const db = new (driver())(path, { readonly: mode === 'read', fileMustExist: true, timeout: 5000, ...nativeBinding() });
    if (mode === 'write') {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // A large import is one transaction: with the default 2 MB cache SQLite spills pages mid-way
      // (400,000 actions: 18.7 s with 64 MB, 14.4 s with 256 MB). Pages are allocated only as used.
      db.pragma('cache_size = -262144');
      db.pragma('foreign_keys = ON');
    }
    return db;
  } catch (e) {
    throw new UserError(`cannot open database ${path}: ${describeFsError(e)}`);
  }
}

/** The schema version of a treaty database; refuses foreign and newer files. */
function checkOurs(db: Db, path: string): number {
  let appId: number;
  let version: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    db.close();
    throw new UserError(`cannot read database ${path}: ${(e as Error).message}`);
  }
  if (appId !== APPLICATION_ID) {
    db.close();
    throw new UserError(`${path} is an SQLite database, but not a treaty database`, 'point --db or TREATY_DB at another file');
  }
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new UserError(`database ${path} was written by a newer version of treaty (schema ${version}; this one reads up to ${SCHEMA_VERSION})`, 'upgrade treaty');
  }
  return version;
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return err.message ?? String(e);
  }
}
