// The temporary files treaty writes beside a file before renaming them into place (a new database,
// a backup, a report). Their names say whose they are, so that the ones a killed command left behind
// can be told from anyone else's and removed.
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMP_NAME = /^\..+\.treaty-(\d+)\.tmp(?:-wal|-shm|-journal)?$/;

/** A process's work in progress is left alone while it runs, and a file this young may belong to one on another host. */
export const STALE_AFTER_MS = 10 * 60_000;
/** Past this, the number in the name may have been given to another process since: the file is stale anyway. */
const ABANDONED_AFTER_MS = 24 * 60 * 60_000;

/** Where a file is written before it is renamed to `target`: the same folder, so the rename is atomic. */
export function tempPathBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.treaty-${process.pid}.tmp`);
}

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a file name and its age say it is a temporary file of ours whose writer is gone. */
export function isStaleTemp(name: string, ageMs: number, isRunning: (pid: number) => boolean = running): boolean {
  const m = TEMP_NAME.exec(name);
  if (!m) return false;
  if (ageMs > ABANDONED_AFTER_MS) return true;
  return ageMs > STALE_AFTER_MS && !isRunning(Number(m[1]));
}

/** Removes the stale temporary files of ours in `folder`; never fails (a cleanup must not stop a write). */
export function removeStaleTemps(folder: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue;
    const file = join(folder, name);
    try {
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile() || !isStaleTemp(name, now - stat.mtimeMs)) continue;
      unlinkSync(file);
      removed.push(file);
    } catch {
      // another writer removed it first, or it is not ours to remove
    }
  }
  return removed;
}
