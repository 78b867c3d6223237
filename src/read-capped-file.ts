// A local file read with its size cap enforced while reading: a file past the cap is refused after
// at most cap + 1 bytes, whether its size is known (a regular file, refused before any read) or not
// (a pipe, `<(curl …)`, a device), so no input is ever held whole when it is too big.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { megabytes } from './domain/limits.js';
import { UserError } from './errors.js';

const CHUNK = 64 * 1024;

/** The bytes of `file`, at most `maxBytes` of them; more is a UserError naming what the cap is for. */
export function readCappedFile(file: string, maxBytes: number, what: string): Uint8Array {
  const tooBig = () => new UserError(`cannot read ${file}: larger than ${megabytes(maxBytes)}, the most ${what} may be`);
  const fd = openToRead(file);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UserError(`cannot read ${file}: it is a directory`);
    if (stat.isFile() && stat.size > maxBytes) throw tooBig();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooBig();
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    throw cannotRead(file, e);
  } finally {
    closeSync(fd);
  }
}

/** A file opened for reading; a failure is said as cannotRead says it. */
export function openToRead(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (e) {
    throw cannotRead(file, e);
  }
}

/** Why a file cannot be read, in one line: the words every reader of local files uses. */
export function cannotRead(file: string, e: unknown): UserError {
  if (e instanceof UserError) return e;
  return new UserError(`cannot read ${file}: ${fileErrorText(e)}`);
}

function fileErrorText(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (e as Error).message;
  }
}
