// SQLite's errors told apart by their code, each as one line a person can act on. Only corruption
// suggests moving the file away: a busy, read-only or full database is a good file in a bad moment.
import { dirname } from 'node:path';
import { UserError } from '../errors.js';

/** How long a write waits for another treaty command to finish writing before it gives up. */
export const LOCK_WAIT_SECONDS = 60;

/** An error that SQLite (through better-sqlite3) raised: its code is SQLITE_ and a name. */
export function isSqliteError(e: unknown): e is Error & { code: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_');
}

/** The kind of problem behind an SQLite result code, extended codes included (SQLITE_BUSY_SNAPSHOT is busy). */
export type SqliteProblem = 'busy' | 'readonly-folder' | 'readonly' | 'full' | 'constraint' | 'corrupt' | 'cantopen' | 'io' | 'permission' | 'other';

export function sqliteProblem(code: string): SqliteProblem {
  if (code === 'SQLITE_READONLY_DIRECTORY') return 'readonly-folder';
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0];
  switch (primary) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'busy';
    case 'SQLITE_READONLY':
      return 'readonly';
    case 'SQLITE_FULL':
      return 'full';
    case 'SQLITE_CONSTRAINT':
      return 'constraint';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'corrupt';
    case 'SQLITE_CANTOPEN':
      return 'cantopen';
    case 'SQLITE_IOERR':
      return 'io';
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return 'permission';
    default:
      return 'other';
  }
}

/** What a person should read for `e` on the database at `path` (undefined: the path is not known here). */
export function describeSqliteError(e: Error & { code: string }, path: string | undefined): UserError {
  const db = path === undefined ? 'the database' : `database ${path}`;
  const sqlite = `(SQLite: ${e.message})`;
  switch (sqliteProblem(e.code)) {
    case 'busy':
      return new UserError(
        `${db} is locked: another treaty command is still writing to it after ${LOCK_WAIT_SECONDS} s; nothing was changed`,
        'run the command again when the other one is done',
      );
    case 'readonly-folder':
      return unreadableFolder(path);
    case 'readonly':
      return new UserError(`cannot change ${db}: it is read-only for this user ${sqlite}; nothing was changed`, 'reads still work; to change it, make the file writable, or work on a copy (treaty db backup COPY, then --db COPY)');
    case 'full':
      return new UserError(`cannot write ${db}: the disk is full; nothing was changed`, `free some space on the disk that holds ${path === undefined ? 'it' : dirname(path)}, then run the command again`);
    case 'constraint':
      return new UserError(`${db} refused a row ${sqlite}; nothing was changed`);
    case 'corrupt':
      return new UserError(`${db} is damaged ${sqlite}`, 'point --db or TREATY_DB at another file, or move this one away (treaty db backup may save what is readable)');
    case 'cantopen':
      return new UserError(`cannot open ${db}: SQLite cannot open the file or the files beside it ${sqlite}`, 'check that the file and its folder exist and that you may read them');
    case 'io':
      return new UserError(`input/output error on ${db}: the disk or file system failed ${sqlite}; nothing was changed`, 'check the disk (dmesg), then run the command again');
    case 'permission':
      return new UserError(`cannot use ${db}: permission denied ${sqlite}`);
    default:
      return new UserError(`database problem on ${db}: ${e.message}`);
  }
}

/**
 * A WAL database is read through its -shm file, which SQLite makes beside it: in a folder the user
 * cannot write, it cannot even be read. A copy can, and the folder's owner can make one safely.
 */
export function unreadableFolder(path: string | undefined): UserError {
  const file = path ?? 'the database';
  const folder = path === undefined ? 'its folder' : `its folder ${dirname(path)}`;
  return new UserError(
    `cannot read ${file}: ${folder} is not writable for this user, and SQLite needs to make a file there (${path === undefined ? 'the -shm' : `${path}-shm`}) even to read a database in WAL mode`,
    `read a copy: cp ${file} /tmp/treaty-copy.db (with its -wal file, if any, while nothing writes), or ask its owner for sqlite3 ${file} ".backup /tmp/treaty-copy.db"; then --db /tmp/treaty-copy.db`,
  );
}
