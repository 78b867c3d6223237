// A command's result on the screen: rendered in the chosen format on stdout, its warnings and notice
// on stderr. main loads this module (with the renderer and the styles, one bundle) only after the
// command has produced its result; chalk loads only for colour.
import type { Format } from './domain/vocabulary.js';
import { render } from './formats/render.js';
import type { Result } from './formats/result.js';
import type { Io } from './io.js';
import { colorLevel } from './ui/color.js';
import { noticeWriter } from './ui/notice.js';
import { styleFor } from './ui/style.js';
import { wrapText } from './ui/wrap.js';

export interface RespondOptions {
  color: boolean;
  /** --wide: every column in full, even on a terminal. */
  wide: boolean;
  /** The command's name: its order of hiding columns. */
  command: string;
}

/** A line for stderr, wrapped under a hanging indent when there is a width; with its newline. */
export function fitLine(line: string, width: number | undefined): string {
  return `${(width === undefined ? [line] : wrapText(line, width, { first: '', indent: '  ' })).join('\n')}\n`;
}

/** Prints `result` and returns the exit code it asks for (0 unless a list says otherwise). */
export async function respond(result: Result, format: Format, o: RespondOptions, io: Io): Promise<number> {
  const style = await styleFor(format === 'table' ? colorLevel(io.isTTY, io.env, o.color) : 0);
  const notice = noticeWriter(io.err, style, io.columns);
  // JSON carries the checks as objects; everyone else reads them here.
  if (result.kind === 'status' && format !== 'json' && format !== 'ndjson') {
    for (const check of result.status.checks) {
      io.err.write(fitLine(`warning: ${check.message}`, io.columns));
    }
  }
  const delivery = result.kind === 'list' ? result.delivery : undefined;
  try {
    render(result, format, io.out, style, { width: io.columns, wide: o.wide, command: o.command, notice });
  } catch (e) {
    if (!delivery) throw e;
    delivery.abandon();
    io.err.write(`error: the output could not be written (${(e as Error).message}); nothing was marked as seen\n`);
    return 1;
  } finally {
    if (result.kind === 'stream') result.release();
    if (result.kind === 'list') result.release?.();
  }
  if (delivery) {
    // Output that did not all arrive (a reader that went away, a full disk) is not delivered: what
    // was read stays for the next call. main() names a failure other than EPIPE (output-failure.ts).
    if (io.out.closed) {
      delivery.abandon();
      const pipe = io.out.failure === undefined || io.out.failure === 'EPIPE' ? 'error: the reader closed the pipe before the output was all written; ' : '';
      io.err.write(`${pipe}nothing was marked as seen: the next --since-last reports the same sets\n`);
      return 1;
    }
    delivery.commit();
  }
  if (result.kind === 'list' && result.notice && (format === 'table' || result.noticeAlways) && !io.out.closed) notice(typeof result.notice === 'function' ? result.notice() : result.notice);
  return result.kind === 'list' && result.exitCode !== undefined ? result.exitCode : 0;
}
