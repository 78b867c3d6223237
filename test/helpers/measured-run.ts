// The CLI in a process of its own, its peak resident memory read back (test/helpers/peak-rss.cjs
// writes VmHWM when it exits), optionally under an address-space cap so that a regression fails the
// test instead of exhausting the machine, and optionally with stdin fed from a shell pipeline.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, tempDir, type CliRun } from './run-cli.js';

const PEAK_RSS = join(ROOT, 'test', 'helpers', 'peak-rss.cjs');

/** The run's result with its peak resident size in MB (Infinity when it died before it could say). */
export function runMeasured(
  args: readonly string[],
  env: Record<string, string>,
  o: { capMb?: number; stdinFrom?: string } = {},
): Promise<CliRun & { peakMb: number }> {
  const rssFile = join(tempDir(), 'rss');
  const node = [process.execPath, '--require', PEAK_RSS, BIN, ...args];
  const capped = o.capMb === undefined ? node : ['prlimit', `--as=${o.capMb * 1024 * 1024}`, '--', ...node];
  const quoted = capped.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const [command, ...rest] = o.stdinFrom === undefined ? capped : ['sh', '-c', `${o.stdinFrom} | ${quoted}`];
  return new Promise((done, fail) => {
    const child = spawn(command!, rest, { env: { ...env, TREATY_TEST_RSS_FILE: rssFile }, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, peakMb: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.POSITIVE_INFINITY }));
  });
}
