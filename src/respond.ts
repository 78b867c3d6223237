// A command's result on the screen: rendered in the chosen format on stdout, its warnings and notice
// on stderr. The renderer and the styles load only here, after the command has produced its result.
import type { Format } from './domain/vocabulary.js';
import type { Result } from './formats/result.js';
import type { Io } from './io.js';
import { colorLevel } from './ui/color.js';

/** Prints `result` and returns the exit code it asks for (0 unless a list says otherwise). */
export async function respond(result: Result, format: Format, color: boolean, io: Io): Promise<number> {
  const { render } = await import('./formats/render.js');
  const { styleFor } = await import('./ui/style.js');
  const style = await styleFor(format === 'table' ? colorLevel(io.isTTY, io.env, color) : 0);
  if (result.kind === 'status') for (const check of result.status.checks) io.err.write(`warning: ${check}\n`);
  try {
    render(result, format, io.out, style, io.columns);
  } finally {
    if (result.kind === 'stream') result.release();
  }
  if (result.kind === 'list' && result.notice && (format === 'table' || result.noticeAlways) && !io.out.closed) io.err.write(`${style.dim(result.notice)}\n`);
  return result.kind === 'list' && result.exitCode !== undefined ? result.exitCode : 0;
}
