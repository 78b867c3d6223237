// Runs the built binary under a real pseudo-terminal, as a person's terminal would: util-linux's
// `script` allocates the pty and `stty` gives it a size, so the CLI sees isatty(1) and the width
// from the kernel, not from an environment variable. No pty library: none builds here without a
// download, and `script` ships with every Linux this project is tested on.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from '../helpers/run-cli.js';

export interface PtyRun {
  /** What the terminal received from stdout, with the pty's CR LF line ends made LF. */
  stdout: string;
  /** stderr, kept apart (in a file) so that notices can be checked on their own. */
  stderr: string;
  code: number | null;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * `stderr: 'terminal'` leaves stderr on the pty too, as a person's shell does: what it prints then
 * arrives in `stdout`, after what stdout printed (and `stderr` is empty).
 */
export function runInPty(args: readonly string[], cols: number, env: Record<string, string>, o: { stderr?: 'file' | 'terminal' } = {}): Promise<PtyRun> {
  const dir = mkdtempSync(join(tmpdir(), 'treaty-pty-'));
  const errFile = join(dir, 'stderr');
  const toFile = o.stderr !== 'terminal';
  const command = `stty cols ${cols} rows 50 && ${toFile ? '' : `: >${quote(errFile)} && `}exec ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}${toFile ? ` 2>${quote(errFile)}` : ''}`;
  return new Promise((done, fail) => {
    // -q no banner, -f flush as it goes, -e the command's exit code, -c the command; the typescript
    // (a copy of the session) goes to a temporary file.
    const child = spawn('script', ['-qfec', command, join(dir, 'typescript')], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.on('error', fail);
    child.on('close', (code) => {
      const stderr = readFileSync(errFile, 'utf8');
      rmSync(dir, { recursive: true, force: true });
      done({ stdout: out.replace(/\r\n/g, '\n'), stderr, code });
    });
  });
}

/** Runs jobs at most `limit` at a time: the pty cases run concurrently without starving the machine. */
export async function pool<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}
