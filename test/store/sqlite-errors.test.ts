// SQLite's result codes to one line each, and the stepped wait for the write lock, on plain values:
// the codes are SQLite's own (extended codes included), the clock a counter.
import { describe, expect, it } from 'vitest';
import { LOCK_STEP_MS, retryWhileBusy } from '../../src/store/lock-wait.js';
import { describeSqliteError, LOCK_WAIT_SECONDS, sqliteProblem } from '../../src/store/sqlite-errors.js';

function sqliteError(code: string, message = 'from SQLite'): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

describe('sqliteProblem', () => {
  it.each([
    ['SQLITE_BUSY', 'busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'busy'],
    ['SQLITE_BUSY_RECOVERY', 'busy'],
    ['SQLITE_LOCKED', 'busy'],
    ['SQLITE_READONLY', 'readonly'],
    ['SQLITE_READONLY_CANTLOCK', 'readonly'],
    ['SQLITE_READONLY_DIRECTORY', 'readonly-folder'],
    ['SQLITE_FULL', 'full'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'constraint'],
    ['SQLITE_CONSTRAINT_CHECK', 'constraint'],
    ['SQLITE_CORRUPT', 'corrupt'],
    ['SQLITE_CORRUPT_INDEX', 'corrupt'],
    ['SQLITE_NOTADB', 'corrupt'],
    ['SQLITE_CANTOPEN', 'cantopen'],
    ['SQLITE_IOERR_WRITE', 'io'],
    ['SQLITE_IOERR_SHORT_READ', 'io'],
    ['SQLITE_PERM', 'permission'],
    ['SQLITE_ERROR', 'other'],
  ])('%s is %s', (code, problem) => {
    expect(sqliteProblem(code)).toBe(problem);
  });
});

describe('describeSqliteError', () => {
  const path = '/data/treaty.db';
  it.each([
    ['SQLITE_BUSY', `database ${path} is locked: another treaty command is still writing to it after ${LOCK_WAIT_SECONDS} s; nothing was changed`],
    ['SQLITE_READONLY', `cannot change database ${path}: it is read-only for this user (SQLite: from SQLite); nothing was changed`],
    ['SQLITE_FULL', `cannot write database ${path}: the disk is full; nothing was changed`],
    ['SQLITE_CONSTRAINT_CHECK', `database ${path} refused a row (SQLite: from SQLite); nothing was changed`],
    ['SQLITE_CORRUPT', `database ${path} is damaged (SQLite: from SQLite)`],
    ['SQLITE_NOTADB', `database ${path} is damaged (SQLite: from SQLite)`],
    ['SQLITE_IOERR_WRITE', `input/output error on database ${path}: the disk or file system failed (SQLite: from SQLite); nothing was changed`],
  ])('%s says what happened, in one line', (code, message) => {
    const told = describeSqliteError(sqliteError(code), path);
    expect(told.message).toBe(message);
    expect(told.message).not.toContain('\n');
    expect(told.exitCode).toBe(1);
  });

  it('suggests moving the file away only when it is damaged', () => {
    const codes = ['SQLITE_BUSY', 'SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_FULL', 'SQLITE_CONSTRAINT', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_PERM'];
    const moving = codes.filter((code) => /move this one away/.test(describeSqliteError(sqliteError(code), path).hint ?? ''));
    expect(moving).toEqual(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);
  });

  it('a WAL database in a folder the user cannot write: says why it cannot be read, and how to get a copy', () => {
    const told = describeSqliteError(sqliteError('SQLITE_READONLY_DIRECTORY'), path);
    expect(told.message).toBe(`cannot read ${path}: its folder /data is not writable for this user, and SQLite needs to make a file there (${path}-shm) even to read a database in WAL mode`);
    expect(told.hint).toContain(`sqlite3 ${path} ".backup /tmp/treaty-copy.db"`);
    expect(told.hint).toContain(`cp ${path} /tmp/treaty-copy.db`);
  });
});

describe('retryWhileBusy', () => {
  /** A clock that each attempt moves on by the time it was allowed to block. */
  function fakeLock(busyAttempts: number) {
    let now = 0;
    const timeouts: number[] = [];
    let waits = 0;
    const attempt = (timeoutMs: number) => {
      timeouts.push(timeoutMs);
      if (timeouts.length <= busyAttempts) {
        now += timeoutMs;
        throw sqliteError('SQLITE_BUSY');
      }
      return 'written';
    };
    const options = { stepMs: LOCK_STEP_MS, limitMs: LOCK_WAIT_SECONDS * 1000, now: () => now, onWait: () => waits++ };
    return { attempt, options, timeouts, waits: () => waits };
  }

  it('takes the lock at once without a word', () => {
    const lock = fakeLock(0);
    expect(retryWhileBusy(lock.attempt, lock.options)).toBe('written');
    expect(lock.waits()).toBe(0);
  });

  it('says once that it waits, then goes on waiting in steps until the lock is free', () => {
    const lock = fakeLock(5);
    expect(retryWhileBusy(lock.attempt, lock.options)).toBe('written');
    expect(lock.waits()).toBe(1);
    expect(lock.timeouts).toEqual(Array(6).fill(LOCK_STEP_MS));
  });

  it(`gives up with the busy error after ${LOCK_WAIT_SECONDS} s in all, the last step cut to what is left`, () => {
    const lock = fakeLock(Number.POSITIVE_INFINITY);
    const options = { ...lock.options, stepMs: 7000 };
    expect(() => retryWhileBusy(lock.attempt, options)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    expect(lock.timeouts.reduce((a, b) => a + b, 0)).toBe(LOCK_WAIT_SECONDS * 1000);
    expect(lock.timeouts.at(-1)).toBe((LOCK_WAIT_SECONDS * 1000) % 7000);
    expect(lock.waits()).toBe(1);
  });

  it('does not retry other errors', () => {
    let attempts = 0;
    const full = () => {
      attempts++;
      throw sqliteError('SQLITE_FULL');
    };
    expect(() => retryWhileBusy(full, { stepMs: 10, limitMs: 1000, now: () => 0, onWait: () => undefined })).toThrow('from SQLite');
    expect(attempts).toBe(1);
  });
});
