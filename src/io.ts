// The streams and terminal a command line runs with: the real ones in bin/treaty.js, fakes in tests.
import type { Sink } from './ui/sink.js';

export interface Io {
  out: Sink;
  err: Sink;
  isTTY: boolean;
  /** The terminal's width, when stdout is one. */
  columns: number | undefined;
  /** The terminal's width when stderr is one: asked only when an error is to be shown. */
  errColumns?: () => number | undefined;
  env: NodeJS.ProcessEnv;
}
