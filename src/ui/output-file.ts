// Writing a file the user named (--out, a backup): checked before any work is done, written beside the
// target under a temporary name and renamed into place, so the target is either the old file or the
// whole new one, never half of it. Devices and pipes (/dev/stdout) are written to directly.
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'the folder does not exist',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'no such device or address',
  EPIPE: 'the reader has gone (broken pipe)',
};

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  return (code && REASONS[code]) ?? (e as Error).message;
}

/**
 * Refuses a target that cannot be written: a missing or non-folder parent, a folder; and a device or
 * a pipe unless the writer can write to one (a backup is renamed into place, which would replace it).
 */
export function checkOutputTarget(target: string, devices = true): void {
  const folder = dirname(resolve(target));
  let parent;
  try {
    parent = statSync(folder);
  } catch (e) {
    throw new UserError(`cannot write ${target}: ${(e as { code?: string }).code === 'ENOENT' ? `folder ${dirname(target)} does not exist` : reason(e)}`);
  }
  if (!parent.isDirectory()) throw new UserError(`cannot write ${target}: ${dirname(target)} is not a folder`);
  let existing;
  try {
    existing = statSync(target);
  } catch {
    return; // a new file
  }
  if (existing.isDirectory()) throw new UserError(`cannot write ${target}: it is a folder`, 'give a file name, e.g. --out report.html');
  if (!devices && !existing.isFile()) throw new UserError(`cannot write ${target}: not a regular file`);
}

/** A device or a pipe (/dev/stdout): written to as it is, since renaming over it would replace it. */
function isSpecial(target: string): boolean {
  try {
    return !statSync(target).isFile();
  } catch {
    return false;
  }
}

/** Where a file is written before it is renamed to `target`: the same folder, so the rename is atomic. */
export function tempPathBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

/** Writes `text` to `target` whole or not at all; a failure leaves no temporary file behind. */
export function writeFileAtomic(target: string, text: string): void {
  checkOutputTarget(target);
  if (isSpecial(target)) {
    try {
      return writeFileSync(target, text);
    } catch (e) {
      throw new UserError(`cannot write ${target}: ${reason(e)}`);
    }
  }
  const temp = tempPathBeside(target);
  try {
    writeFileSync(temp, text, { flag: 'wx', mode: 0o644 });
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new UserError(`cannot write ${target}: ${reason(e)}`);
  }
}
