// An Io that keeps what a command prints, for running main(argv, io) in the test process.
import type { Io } from '../../src/io.js';

export interface FakeIo extends Io {
  stdout(): string;
  stderr(): string;
}

export function fakeIo(env: NodeJS.ProcessEnv, columns?: number): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => ({ closed: false, write: (s: string) => void into.push(s) });
  return { out: sink(out), err: sink(err), isTTY: columns !== undefined, columns, env, stdout: () => out.join(''), stderr: () => err.join('') };
}
