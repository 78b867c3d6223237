// A file read as UTF-8 text a piece at a time, with its size capped while it is read: an import of
// any size holds one piece of the file in memory, never the whole of it.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, readSync, statSync } from 'node:fs';
import { MAX_IMPORT_BYTES, megabytes } from '../domain/limits.js';
import { UserError } from '../errors.js';
import { cannotRead, openToRead } from '../read-capped-file.js';

// Under Node's threshold for external strings (about 1 MB): a piece of ASCII becomes a one-byte string
// on the heap, and the fields cut from it (which keep it alive) cost a byte a character, not two.
const PIECE_BYTES = 512 * 1024;


/** Refuses what is not a regular file of at most `maxBytes`, before it is opened (a FIFO would block the open). */
export function checkImportFile(file: string, maxBytes = MAX_IMPORT_BYTES): number {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UserError(`cannot read ${file}: it is a directory`);
    if (!stat.isFile()) throw new UserError(`cannot read ${file}: not a regular file`);
    if (stat.size > maxBytes) throw tooLarge(file, maxBytes);
    return stat.size;
  } catch (e) {
    throw cannotRead(file, e);
  }
}

export function tooLarge(file: string, maxBytes: number): UserError {
  return new UserError(`cannot read ${file}: larger than ${megabytes(maxBytes)}, the most an import of this kind of file may be`, maxBytes < MAX_IMPORT_BYTES ? `CSV and NDJSON are read a piece at a time, up to ${megabytes(MAX_IMPORT_BYTES)}` : 'split the file, or import the treaties one file each');
}

/** The first bytes of a file (at most `count`): enough to tell its format and its header. */
export function fileHead(file: string, count: number): Uint8Array {
  checkImportFile(file);
  const fd = openToRead(file);
  try {
    const buffer = Buffer.alloc(count);
    return buffer.subarray(0, readSync(fd, buffer, 0, count, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of a file in pieces, a byte-order mark dropped. Bytes that are not UTF-8 or not text (NUL)
 * are refused with their line, as soon as the piece that holds them is read.
 */
export function* textChunks(file: string, maxBytes = MAX_IMPORT_BYTES): Generator<string> {
  checkImportFile(file, maxBytes);
  const fd = openToRead(file);
  try {
    if (!fstatSync(fd).isFile()) throw new UserError(`cannot read ${file}: not a regular file`);
    const buffer = Buffer.allocUnsafe(PIECE_BYTES + 3);
    let total = 0;
    let lines = 1;
    let first = true;
    // The bytes of a character the previous piece ended inside (never a line break), moved to the front.
    let carried = 0;
    for (;;) {
      const n = readSync(fd, buffer, carried, PIECE_BYTES, null);
      if (n === 0) break;
      total += n;
      // The size was checked before; a file that grows while it is read is held to it too.
      if (total > maxBytes) throw tooLarge(file, maxBytes);
      const filled = carried + n;
      // Up to three bytes of a character cut at the end wait for the next piece.
      let end = filled;
      for (let back = 1; back <= 3 && end - back >= 0; back++) {
        const b = buffer[filled - back]!;
        if (b < 0x80) break;
        if (b >= 0xc0) {
          const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
          if (length > back) end = filled - back;
          break;
        }
      }
      const bytes = buffer.subarray(0, end);
      if (bytes.includes(0)) throw new UserError(`${file}: not a text file (it contains NUL bytes)`);
      if (!isUtf8(bytes)) {
        const bad = firstInvalidUtf8(bytes);
        throw new UserError(`${file}:${lines + bad.line - 1}: not valid UTF-8 (byte 0x${bad.byte.toString(16).padStart(2, '0')})`, 'save the file as UTF-8');
      }
      for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines += 1;
      let text = bytes.toString('utf8');
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      buffer.copy(buffer, 0, end, filled);
      carried = filled - end;
      if (text !== '') yield text;
    }
    if (carried > 0) throw new UserError(`${file}:${lines}: not valid UTF-8 (the file ends inside a character)`, 'save the file as UTF-8');
  } finally {
    closeSync(fd);
  }
}

/** Where the first byte that starts no valid UTF-8 sequence is, and its line. */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; byte: number } {
  let line = 1;
  const continuation = (i: number) => i < bytes.length && (bytes[i]! & 0xc0) === 0x80;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let need = -1;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    let ok = need >= 0;
    for (let k = 1; ok && k <= need; k++) ok = continuation(i + k);
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
    if (ok && need === 2) ok = !(b === 0xe0 && bytes[i + 1]! < 0xa0) && !(b === 0xed && bytes[i + 1]! >= 0xa0);
    if (ok && need === 3) ok = !(b === 0xf0 && bytes[i + 1]! < 0x90) && !(b === 0xf4 && bytes[i + 1]! >= 0x90);
    if (!ok) return { line, byte: b };
    if (b === 0x0a) line += 1;
    i += need + 1;
  }
  return { line, byte: 0 };
}
