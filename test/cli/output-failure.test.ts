// When stdout fails after the command has done its work. A write that is in the database exits as
// done, saying on stderr that its output is incomplete (a script that sees exit 1 would run it again);
// a read whose output is lost exits 1, except when the reader simply stopped reading (`| head -1`).
// Spawned: only a process has a stdout that fails. A full device is made in a private mount
// namespace; a pipe whose reader is gone is a FIFO opened for reading and writing, then left by its reader.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from '../helpers/run-cli.js';
import { envWithDb } from '../helpers/seeded-db.js';

const AS_OF = '2026-01-15';
const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;
const RECORD = 'record VNM ratification 2026-01-10 --source https://example.org/notification';

const quote = (args: string) => `"${process.execPath}" "${BIN}" ${args}`;

/** Runs `treaty <args>` with stdout on a full device (made in a tmpfs of a private mount namespace). */
function toFullDevice(args: string, env: Record<string, string>) {
  const dir = tempDir();
  const script = ['set -e', `mount -t tmpfs none "${dir}"`, `mknod "${dir}/full" c 1 7`, `${quote(args)} > "${dir}/full" || echo "exit=$?" >&2`].join('\n');
  const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], { encoding: 'utf8', cwd: ROOT, env });
  const exit = /exit=(\d+)\n$/.exec(r.stderr);
  return { code: exit ? Number(exit[1]) : 0, stderr: r.stderr.replace(/exit=\d+\n$/, '') };
}

/** Runs `treaty <args>` with stdout on a pipe that nobody reads any more: every write is EPIPE. */
function toClosedPipe(args: string, env: Record<string, string>) {
  const fifo = join(tempDir(), 'pipe');
  const script = [`mkfifo "${fifo}"`, `exec 3<>"${fifo}"`, `exec 4>"${fifo}"`, 'exec 3<&-', `${quote(args)} >&4`, 'echo "exit=$?" >&2'].join('\n');
  const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', cwd: ROOT, env });
  const exit = /exit=(\d+)\n$/.exec(r.stderr);
  return { code: exit ? Number(exit[1]) : null, stderr: r.stderr.replace(/exit=\d+\n$/, '') };
}

function recorded(env: Record<string, string>): boolean {
  return runCli(['history', 'VNM', '--csv', '--as-of', AS_OF], env).stdout.includes('2026-01-10,ratification');
}

describe('stdout fails after a write', () => {
  it.skipIf(!canUnshare)('a full disk: the write is kept, exit 0, and stderr says the output is incomplete', () => {
    const env = envWithDb();
    const r = toFullDevice(RECORD, env);
    expect(r).toEqual({ code: 0, stderr: 'warning: the write is done and kept, but its output was not all written (no space left on the device)\n' });
    expect(recorded(env)).toBe(true);
  });

  it('a reader that is gone: the write is kept, exit 0, and stderr says so', () => {
    const env = envWithDb();
    const r = toClosedPipe(RECORD, env);
    expect(r).toEqual({ code: 0, stderr: 'warning: the write is done and kept, but its output was not all written (the reader closed the pipe)\n' });
    expect(recorded(env)).toBe(true);
  });

  it.skipIf(!canUnshare)('a dry run wrote nothing, so its lost output fails it', () => {
    const env = envWithDb();
    const r = toFullDevice(`${RECORD} --dry-run`, env);
    expect(r).toEqual({ code: 1, stderr: 'error: cannot write the output: no space left on the device\n' });
    expect(recorded(env)).toBe(false);
  });
});

describe('stdout fails during a read', () => {
  it.skipIf(!canUnshare)('a full disk fails the read in one line, exit 1', () => {
    const env = envWithDb();
    expect(toFullDevice(`participants --csv --as-of ${AS_OF}`, env)).toEqual({ code: 1, stderr: 'error: cannot write the output: no space left on the device\n' });
  });

  it('a reader that stopped reading got what it wanted: exit 0, no error', () => {
    const env = envWithDb();
    const r = toClosedPipe(`participants --csv --as-of ${AS_OF}`, env);
    expect(r).toEqual({ code: 0, stderr: '' });
  });
});
