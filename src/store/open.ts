// Opening the database file: created and seeded on first use, migrated when older, refused when
// it is not ours. Nothing here writes to a file that is not a treaty database.
import type { Database } from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, readSync, renameSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { removeStaleTemps, tempPathBeside } from '../temp-files.js';
import { migrate } from './migrate.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { tellWhenWaiting } from './lock-wait.js';
import { describeSqliteError, isSqliteError, sqliteProblem, unreadableFolder, upgradeNeedsWrite } from './sqlite-errors.js';

export type Db = Database;
export type OpenMode = 'read' | 'write';

export interface OpenOptions {
  /** Make missing parent folders (for the default location only: a typo in --db should not make folders). */
  createParents: boolean;
  /** Fills a new database; runs inside the creation, before the file appears at `path`. */
  initialize: (db: Db) => Promise<void>;
  /** Told once when a write has waited a few seconds for another command's write lock. */
  onLockWait?: (message: string) => void;
  /** Where a line for the user goes (stderr): the copy an upgrade makes is said there. */
  say?: (line: string) => void;
}

const SQLITE_HEADER = 'SQLite format 3\0';

type Connect = typeof import('./driver.js').connectSqlite;
let loaded: Connect | undefined;
/** The SQLite driver (better-sqlite3, in a bundle of its own), loaded by openDatabase: `--help` and completion never load it. */
function sqlite(): Connect {
  if (loaded === undefined) throw new Error('the SQLite driver was used before openDatabase loaded it');
  return loaded;
}

export interface Opened {
  db: Db;
  /** Called once the command has succeeded: a database made by this open is put in place only then. */
  keep(): void;
  /** Called when the command failed: a database made by this open disappears, so bad input leaves no file. */
  discard(): void;
}

/** Makes a connection tell the user when one of its writes waits for the lock (see OpenOptions.onLockWait). */
type Watch = (db: Db) => void;

export async function openDatabase(path: string, mode: OpenMode, options: OpenOptions): Promise<Opened> {
  loaded ??= (await import('./driver.js')).connectSqlite;
  const { onLockWait } = options;
  const watch: Watch = (db) => {
    if (onLockWait) tellWhenWaiting(db, (limit) => onLockWait(`waiting for another treaty command to finish writing to ${path} (up to ${limit} s)...\n`));
  };
  const opened = await openOrCreate(path, mode, options, watch);
  watch(opened.db);
  return opened;
}

async function openOrCreate(path: string, mode: OpenMode, options: OpenOptions, watch: Watch): Promise<Opened> {
  if (inspect(path) === 'sqlite') return openExisting(path, mode, options, watch);
  prepareFolder(path, options);
  // A new database holds the first command's own write before it is placed, so that a first command
  // that fails leaves no file. Two such files cannot both be placed, and the write of the one left
  // out would be lost: creators therefore take turns, and one that waited finds the database made
  // and opens it like any other.
  const release = takeCreationLock(path);
  if (release === 'made') return openExisting(path, mode, options, watch);
  let temp: string | undefined;
  try {
    if (inspect(path) === 'sqlite') {
      release();
      return openExisting(path, mode, options, watch);
    }
    temp = await create(path, options);
    // Read-write even for a read command: the file is ours alone, and closing a writer leaves no -wal/-shm behind.
    const db = connect(temp, 'write');
    const made = temp;
    return {
      db,
      keep: () => {
        db.close();
        try {
          placeNewFile(made, path);
        } catch (e) {
          removeTemp(made);
          release();
          throw e;
        }
        release();
        removeStaleTemps(dirname(path));
      },
      discard: () => {
        db.close();
        removeTemp(made);
        release();
      },
    };
  } catch (e) {
    if (temp !== undefined) removeTemp(temp);
    release();
    throw e;
  }
}

function openExisting(path: string, mode: OpenMode, options: OpenOptions, watch: Watch): Opened {
  if (mode === 'write') refuseUnwritable(path);
  let db = connect(path, mode);
  const version = checkOurs(db, path);
  if (version < SCHEMA_VERSION) {
    db.close();
    refuseUpgrade(path, 'read', version);
    // A step that rewrites rows first copies the file beside itself. On a small file (the bundled
    // data and thousands of rows of one's own) that takes well under a second and a read does it;
    // on a large one it can take long, and a read says to run a write instead.
    const rewrites = MIGRATIONS.some((m) => m.version > version && m.rewrites);
    if (rewrites && mode === 'read' && statSync(path).size > READ_UPGRADE_BYTES) {
      throw new UserError(
        `database ${path} is at schema ${version}; this version of treaty keeps its change log as change sets (schema ${SCHEMA_VERSION}) and upgrades it on the next write`,
        'run a command that writes once, e.g. treaty db update --dry-run (a copy of the old file is kept beside it)',
      );
    }
    // An older file is brought up to date by a write open, then reopened as asked.
    const writer = connect(path, 'write');
    watch(writer);
    try {
      if (rewrites) {
        const copy = copyBeside(writer, path, version);
        options.say?.(`upgrading ${path} from schema ${version} to ${SCHEMA_VERSION}; the old file is kept as ${copy}`);
      }
      migrate(writer);
    } catch (e) {
      if (e instanceof UserError) throw e;
      if (isSqliteError(e) && sqliteProblem(e.code) !== 'other') throw describeSqliteError(e, path);
      throw new UserError(`cannot upgrade database ${path}: ${(e as Error).message}`);
    } finally {
      writer.close();
    }
    db = connect(path, mode);
  }
  if (mode === 'write') removeStaleTemps(dirname(path));
  const close = () => db.close();
  return { db, keep: close, discard: close };
}

/** The largest file a read upgrades through a rewriting step itself. */
const READ_UPGRADE_BYTES = 4 * 1024 * 1024;

/** A consistent copy of the database under a name beside it that is not taken yet, made before an upgrade. */
function copyBeside(db: Db, path: string, version: number): string {
  let copy = `${path}.schema-${version}`;
  for (let n = 2; existsSync(copy); n++) copy = `${path}.schema-${version}.${n}`;
  try {
    db.prepare('VACUUM INTO ?').run(copy);
  } catch (e) {
    removeQuietly(copy);
    throw new UserError(`cannot upgrade database ${path}: the copy of it kept before an upgrade cannot be written (${describeFsError(e)}); nothing was changed`);
  }
  return copy;
}

/** SQLite's own names for a database that is no file; treaty keeps its data in a file. */
const NOT_FILES = new Set([':memory:', '']);

/**
 * What is at the database path. Only a regular file (or a link to one) is a database, and a path with
 * nothing there a place for a new one: a device, a pipe, a folder or a dangling link is refused before
 * anything is opened, so no file is ever written over.
 */
function inspect(path: string): 'missing' | 'empty' | 'sqlite' {
  if (NOT_FILES.has(path) || path.startsWith('file:')) {
    throw new UserError(`database path "${path}" is not a file name: treaty keeps its data in a file`, 'for a throwaway database use a temporary file, e.g. --db "$(mktemp -d)/treaty.db"');
  }
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
        throw new UserError(`database path ${path} is a symbolic link to ${readlinkQuietly(path)}, which does not exist`, 'point --db at the file itself, or remove the link');
      }
      return 'missing';
    }
    throw new UserError(`cannot read database ${path}: ${describeFsError(e)}`);
  }
  if (stat.isDirectory()) throw new UserError(`database path ${path} is a directory`, 'give a file name, e.g. --db ./treaty.db');
  if (!stat.isFile()) throw new UserError(`database path ${path} is ${specialKind(stat)}, not a file`, 'give the name of a database file, e.g. --db ./treaty.db');
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

function specialKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function readlinkQuietly(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return 'nothing';
  }
}

function prepareFolder(path: string, options: OpenOptions): void {
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
}

/** How long a first command waits for another that is creating the same database (a big first import takes a while). */
const CREATION_WAIT_MS = 300_000;

/**
 * Holds the right to create the database at `path` until the returned function is called, or says
 * that the database was made meanwhile. The lock is SQLite's own lock on a file beside the database:
 * the system drops it when its holder dies, so a killed command leaves no lock that others wait on.
 * The holder removes the file when it is done, so nothing is left beside the database; a command
 * that was waiting on the removed file is told so by SQLite, and then finds the database made, or
 * (the holder failed) takes a lock on a new file.
 */
function takeCreationLock(path: string): (() => void) | 'made' {
  const lockPath = join(dirname(path), `.${basename(path)}.lock`);
  for (let attempt = 1; ; attempt++) {
    let lock: Db | undefined;
    try {
      lock = sqlite()(lockPath, { timeout: CREATION_WAIT_MS });
      lock.exec('BEGIN EXCLUSIVE');
      const held = lock;
      return () => {
        removeQuietly(lockPath);
        held.close();
      };
    } catch (e) {
      lock?.close();
      if (inspect(path) === 'sqlite') return 'made';
      if ((e as { code?: string }).code === 'SQLITE_BUSY') {
        throw new UserError(`another treaty command has been creating ${path} for ${CREATION_WAIT_MS / 60_000} minutes`, `try again when it is done; if none is running, remove ${lockPath}`);
      }
      if (attempt === MAX_LOCK_ATTEMPTS || !existsSync(dirname(path))) throw new UserError(`cannot create database ${path}: ${describeFsError(e)}`);
    }
  }
}

/** Each failed creator removes the lock once; more attempts than concurrent first commands is plenty. */
const MAX_LOCK_ATTEMPTS = 64;

/** Builds a new database under a temporary name beside `path`, and returns that name. */
async function create(path: string, options: OpenOptions): Promise<string> {
  const temp = tempPathBeside(path);
  removeTemp(temp);
  try {
    const db = sqlite()(temp, { timeout: 5000 });
    try {
      migrate(db);
      await options.initialize(db);
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    return temp;
  } catch (e) {
    removeTemp(temp);
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot create database ${path}: ${describeFsError(e)}`);
  }
}

function removeTemp(temp: string): void {
  for (const file of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) removeQuietly(file);
}

function placeNewFile(temp: string, path: string): void {
  try {
    // link() never replaces; creators take turns, so nothing else is placed meanwhile.
    linkSync(temp, path);
    unlinkSync(temp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      // An empty placeholder, checked to be a regular file; anything else appeared without the lock and stays.
      const now = statSync(path, { throwIfNoEntry: false });
      if (now?.isFile() && now.size === 0) return renameSync(temp, path);
      throw new UserError(`cannot create database ${path}: a file appeared there while it was being made; nothing was written`);
    }
    // A file system without hard links.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return renameSync(temp, path);
    throw e;
  }
}

function connect(path: string, mode: OpenMode): Db {
  let db: Db | undefined;
  try {
    db = sqlite()(path, { readonly: mode === 'read', fileMustExist: true, timeout: 5000 });
    // SQLite opens the -shm file beside a WAL database at the first read: its failure belongs here.
    if (mode === 'read') db.pragma('user_version', { simple: true });
    if (mode === 'write') {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // A large import is one transaction: with the default 2 MB cache SQLite spills pages mid-way.
      // 256 MB spilled least (400,000 actions: 18.7 s with 64 MB, 14.4 s with 256 MB, with the
      // change log's JSON copies), but an import's memory target is 300 MB in all (issue 17): 64 MB
      // is the cache within it. Pages are allocated only as used.
      db.pragma('cache_size = -65536');
      // An import plans in a temporary table (action-staging.ts), in a file: 32 MB of its pages
      // are kept in memory, within the same target.
      db.pragma('temp.cache_size = -32768');
      db.pragma('foreign_keys = ON');
    }
    return db;
  } catch (e) {
    db?.close();
    if (mode === 'read' && isSqliteError(e) && ['readonly-folder', 'cantopen'].includes(sqliteProblem(e.code))) return readWithoutFolder(path, e);
    if (isSqliteError(e)) throw describeSqliteError(e, path);
    throw new UserError(`cannot open database ${path}: ${describeFsError(e)}`);
  }
}

/**
 * A write is refused before anything is opened when the file cannot be written: the reason is then
 * the file's mode or its file system, said as such, not SQLite's "attempt to write a readonly database".
 */
function refuseUnwritable(path: string): void {
  const why = writeBlocker(path) ?? writeBlocker(dirname(path));
  if (why === 'EROFS') {
    refuseUpgrade(path, 'change', readableVersion(path));
    throw new UserError(`cannot change database ${path}: it is on a read-only file system; nothing was changed`, 'reads still work; to change it, copy it somewhere writable (treaty db backup COPY) and use --db COPY');
  }
  if (why === undefined) return;
  if (writeBlocker(dirname(path)) !== undefined) {
    // Then SQLite cannot make its -shm file there either, and reads fail too: the hint is a copy.
    throw new UserError(`cannot change database ${path}: its folder ${dirname(path)} is not writable for this user (SQLite keeps its journal beside the file); nothing was changed`, unreadableFolder(path).hint);
  }
  refuseUpgrade(path, 'change', readableVersion(path));
  throw new UserError(`cannot change database ${path}: the file is read-only for this user; nothing was changed`, 'reads still work; to change it, make it writable (chmod u+w), or work on a copy (treaty db backup COPY, then --db COPY)');
}

/**
 * An older file is upgraded before anything reads it, and the upgrade is a write: on a file that
 * cannot be written, "reads still work" would be false, and what works is said instead.
 */
function refuseUpgrade(path: string, doing: 'read' | 'change', version: number | undefined): void {
  if (version === undefined || version >= SCHEMA_VERSION) return;
  const blocker = writeBlocker(path);
  if (blocker === undefined) return;
  const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
  throw upgradeNeedsWrite({ path, doing, version, latest: SCHEMA_VERSION, reason: blocker === 'EROFS' ? 'mount' : 'file', walPending: wal !== undefined && wal.size > 0 });
}

/** The schema of a file this user can only read, when it is a treaty database; undefined otherwise. */
function readableVersion(path: string): number | undefined {
  let version: number | undefined;
  try {
    const db = connect(path, 'read');
    version = checkOurs(db, path);
    db.close();
  } catch {
    // Unreadable, or not ours: the write's own refusal says enough.
  }
  return version;
}

function writeBlocker(file: string): string | undefined {
  try {
    accessSync(file, constants.W_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? code : undefined;
  }
}

/** The largest database read into memory from a read-only file system (the bundled data is under 1 MB). */
const MAX_IMAGE_BYTES = 256 * 1024 * 1024;

/**
 * A WAL database whose folder does not let SQLite make its -shm file. On a read-only file system
 * nothing can change the file, so a copy of it in memory is the database as it stands, unless a
 * -wal file holds commits the copy would miss. In a folder that is only closed to this user, another
 * user may be writing, and a copy could be torn: that is said, with how to get a good copy.
 */
function readWithoutFolder(path: string, cause: Error & { code: string }): Db {
  const folder = dirname(path);
  if (writeBlocker(folder) !== 'EROFS') {
    if (writeBlocker(folder) !== undefined) throw unreadableFolder(path);
    throw describeSqliteError(cause, path);
  }
  const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
  if ((wal !== undefined && wal.size > 0) || statSync(path).size > MAX_IMAGE_BYTES) throw unreadableFolder(path);
  const image = readFileSync(path);
  // Bytes 18 and 19 say WAL; a database in memory has no -wal file to read, so it is read as a plain one.
  image[18] = 1;
  image[19] = 1;
  return sqlite()(image, { readonly: true });
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
    if (isSqliteError(e) && sqliteProblem(e.code) !== 'other') throw describeSqliteError(e, path);
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
