// Writing a file the user named (--out, a backup): checked before any work is done, written beside the
// target under a temporary name and renamed into place, so the target is either the old file or the
// whole new one, never half of it.
import { accessSync, chmodSync, constants, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { tempPathBeside } from '../temp-files.js';

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

export interface OutputTargetOptions {
  /** Whether a device or a pipe may be the target (a backup is renamed into place, which would replace one). */
  devices?: boolean;
  /** Files that must never be overwritten: the database the command reads, and its journal files. */
  protect?: readonly string[];
}

/**
 * The regular file a path names, symbolic links followed; otherwise the path itself (nothing there
 * yet, or a device or pipe, whose "real" path under /proc is no place to write).
 */
function realTarget(target: string): string {
  try {
    if (statSync(target).isFile()) return realpathSync(target);
  } catch {
    // not there yet
  }
  return resolve(target);
}

/**
 * Refuses a target that cannot be written: no name, a missing or non-folder parent, a folder, a file
 * this user may not write, a protected file; and a device or a pipe unless `devices` allows one.
 */
export function checkOutputTarget(target: string, options: OutputTargetOptions = {}): void {
  if (target.trim() === '') throw new UsageError('expected a file name for the output, got an empty one');
  const real = realTarget(target);
  let parent;
  try {
    parent = statSync(dirname(real));
  } catch (e) {
    throw new UserError(`cannot write ${target}: ${(e as { code?: string }).code === 'ENOENT' ? `folder ${dirname(target)} does not exist` : reason(e)}`);
  }
  if (!parent.isDirectory()) throw new UserError(`cannot write ${target}: ${dirname(target)} is not a folder`);
  for (const path of options.protect ?? []) {
    for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
      if (realTarget(file) === real) throw new UserError(`cannot write ${target}: it is the database (or its journal), which this would destroy`, 'choose another file name');
    }
  }
  let existing;
  try {
    existing = statSync(real);
  } catch {
    return; // a new file
  }
  if (existing.isDirectory()) throw new UserError(`cannot write ${target}: it is a folder`, 'give a file name, e.g. --out report.html');
  if (!existing.isFile()) {
    if (options.devices === false) throw new UserError(`cannot write ${target}: not a regular file`);
    return;
  }
  // Renaming over a file needs only the folder's permission; the file's own says whether its owner
  // wants it written.
  try {
    accessSync(real, constants.W_OK);
  } catch (e) {
    throw new UserError(`cannot write ${target}: ${reason(e)}`);
  }
}

export { tempPathBeside };

/**
 * Writes `text` to `target` whole or not at all; a failure leaves no temporary file behind. A symbolic
 * link is followed and the file it names replaced, keeping its permissions. A device or a pipe
 * (/dev/stdout) is written to as it is; `special` says so.
 */
export function writeFileAtomic(target: string, text: string, options: OutputTargetOptions = {}): { special: boolean } {
  checkOutputTarget(target, options);
  const real = realTarget(target);
  const existing = statSync(real, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    try {
      writeFileSync(real, text);
    } catch (e) {
      throw new UserError(`cannot write ${target}: ${reason(e)}`);
    }
    return { special: true };
  }
  const temp = tempPathBeside(real);
  try {
    writeFileSync(temp, text, { flag: 'wx', mode: 0o644 });
    if (existing) chmodSync(temp, existing.mode & 0o7777);
    renameSync(temp, real);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new UserError(`cannot write ${target}: ${reason(e)}`);
  }
  return { special: false };
}
