// Runs a command inside the test process: main() with an Io that collects what it writes, and a
// database copied from a template seeded once per run (test/helpers/templates.ts). A spawn costs a
// Node start and a first use costs a seed; most cases need neither. What only a process shows (the
// launcher's exit code, EPIPE, TTY detection, first use, signals) stays with runCli.
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import type { Sink } from '../../src/ui/sink.js';
import { cleanEnv, ROOT, type CliRun } from './run-cli.js';

export const FIXTURE_DATA = join(ROOT, 'test', 'fixtures', 'data');

/** A sink that keeps what it is given, as a pipe would deliver it. */
export function memorySink(): Sink & { readonly text: string } {
  let text = '';
  return {
    closed: false,
    write(chunk: string) {
      text += chunk;
    },
    get text() {
      return text;
    },
  };
}

export interface TerminalLike {
  isTTY?: boolean;
  columns?: number;
}

/** Runs `treaty <args>` in this process with `env` as its whole environment. */
export async function runMain(args: readonly string[], env: Record<string, string> = cleanEnv(), terminal: TerminalLike = {}): Promise<CliRun> {
  const out = memorySink();
  const err = memorySink();
  const isTTY = terminal.isTTY ?? false;
  const code = await main([...args], { out, err, isTTY, columns: isTTY ? (terminal.columns ?? 80) : undefined, env });
  return { code, stdout: out.text, stderr: err.text };
}
