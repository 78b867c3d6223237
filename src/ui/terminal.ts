// What the output layer knows of the terminal: its width, and how a notice for people is written.
import type { Sink } from './sink.js';
import type { Style } from './style.js';
import { wrapText } from './wrap.js';

/** Below this a terminal width is taken for a mistake, not a terminal. */
const NARROWEST = 10;
/** A terminal that reports no size (a serial console, some CI runners): the classic width. */
const FALLBACK = 80;

function positive(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= NARROWEST && n <= 10_000 ? n : undefined;
}

/**
 * The width a table fits: none when stdout is not a terminal (a pipe gets every column in full, and
 * COLUMNS, which shells export to their children, says nothing about a pipe). On a terminal, the size
 * it reports, else COLUMNS when it is a sensible number (garbage and 0 are ignored), else 80.
 */
export function terminalWidth(isTTY: boolean, reported: () => number | undefined, env: NodeJS.ProcessEnv): number | undefined {
  if (!isTTY) return undefined;
  return positive(reported()) ?? positive(env.COLUMNS) ?? FALLBACK;
}

/** Writes a notice on `err`, dimmed, wrapped to the terminal's width when there is one. */
export function noticeWriter(err: Sink, style: Style, width: number | undefined): (line: string) => void {
  return (line) => {
    const lines = width === undefined ? [line] : wrapText(line, width);
    err.write(`${lines.map((l) => style.dim(l)).join('\n')}\n`);
  };
}
