// Runs the built binary as a user would, with its own HOME and database, and a fixed clock-free setup.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'treaty.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A new folder, inside the run's folder when the test run made one (test/helpers/templates.ts). */
export function tempDir(): string {
  return mkdtempSync(join(process.env.TREATY_TEST_TMPDIR ?? tmpdir(), 'treaty-test-'));
}

/** An environment with nothing of the caller's: a fresh HOME, a database inside it, UTC, no colour variables. */
export function cleanEnv(home = tempDir(), extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: home, TREATY_DB: join(home, 'treaty.db'), TZ: 'UTC', ...extra };
}

export function runCli(args: readonly string[], env: Record<string, string> = cleanEnv()): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: '', env, cwd: ROOT, maxBuffer: 512 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * What runs a command as a user whom file modes bind: nothing to add for a normal user; for root,
 * who may write any file, setpriv to nobody; null when the tests run as root without setpriv.
 */
export function unprivileged(): string[] | null {
  if (process.getuid?.() !== 0) return [];
  const setpriv = spawnSync('setpriv', ['--version'], { stdio: 'ignore' });
  return setpriv.status === 0 ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] : null;
}

/** runCli through a prefix from unprivileged(). The files it needs must be open to that user. */
export function runCliAs(prefix: readonly string[], args: readonly string[], env: Record<string, string>): CliRun {
  const [command, ...rest] = [...prefix, process.execPath, BIN, ...args];
  const r = spawnSync(command!, rest, { encoding: 'utf8', input: '', env, cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runCliAsync(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
