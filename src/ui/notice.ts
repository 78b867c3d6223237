// A notice for people on stderr (hidden columns, a count): dimmed, wrapped to the terminal's width.
import type { Sink } from './sink.js';
import type { Style } from './style.js';
import { wrapText } from './wrap.js';

/** Writes a notice on `err`, dimmed, wrapped to the terminal's width when there is one. */
export function noticeWriter(err: Sink, style: Style, width: number | undefined): (line: string) => void {
  return (line) => {
    const lines = width === undefined ? [line] : wrapText(line, width);
    err.write(`${lines.map((l) => style.dim(l)).join('\n')}\n`);
  };
}
