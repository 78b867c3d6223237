// Prose fitted to a terminal: broken between words only, so a word, a date or a code is never split,
// and styled text stays styled on every line it is broken over.
import { cellWidth, shorten } from './cells.js';

const SGR = /\x1b\[([0-9;]*)m/g;

/** Which SGR parameter turns each style off (chalk closes each style with its own code, not 0). */
function closerOf(code: number): number | undefined {
  if (code === 1 || code === 2) return 22;
  if (code === 3) return 23;
  if (code === 4) return 24;
  if (code === 7) return 27;
  if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97) || code === 38) return 39;
  if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107) || code === 48) return 49;
  return undefined;
}

/** The styles still open at the end of `text`, as the escape codes that opened them. */
function openStyles(text: string): string[] {
  let active: string[] = [];
  for (const m of text.matchAll(SGR)) {
    const code = Number(m[1]!.split(';')[0] || 0);
    if (code === 0) active = [];
    else if (closerOf(code) !== undefined) active.push(m[0]);
    else active = active.filter((seq) => closerOf(Number(/\d+/.exec(seq)![0])) !== code);
  }
  return active;
}

export interface WrapOptions {
  /** Put before every line but the first (a hanging indent). */
  indent?: string;
  /** Put before the first line (default: nothing). */
  first?: string;
}

/**
 * Lines of at most `width` cells, broken at spaces. A word wider than a line is shortened with "…"
 * rather than split. A style open at a break is closed at the end of the line and opened again on the
 * next, so each line stands on its own (a pager or a cut never leaves colour running).
 */
export function wrapText(text: string, width: number, options: WrapOptions = {}): string[] {
  const first = options.first ?? '';
  const indent = options.indent ?? '';
  // Words with the spaces before each, so that a line keeps its own spacing ("2025-10-25  Viet Nam").
  const words = [...text.matchAll(/( *)([^ ]+)/g)].map((m) => ({ gap: m[1]!, word: m[2]! }));
  const lines: string[] = [];
  let line = first;
  let lineWidth = cellWidth(first);
  let hasWord = false;
  for (const { gap, word: raw } of words) {
    let word = raw;
    const w = cellWidth(word);
    if (hasWord && lineWidth + gap.length + w > width) {
      // The line starts with the styles carried over, so its own codes tell what is open at its end.
      const open = openStyles(line);
      lines.push(open.length ? `${line}\x1b[0m` : line);
      line = indent + open.join('');
      lineWidth = cellWidth(indent);
      hasWord = false;
    }
    const space = hasWord ? gap : '';
    const room = Math.max(1, width - lineWidth - space.length);
    if (w > room) word = shortenStyled(word, room);
    line += space + word;
    lineWidth += space.length + cellWidth(word);
    hasWord = true;
  }
  lines.push(line);
  return lines;
}

/** A word shortened to `width` cells; its style is dropped with the cut, so no code is left half-open. */
function shortenStyled(word: string, width: number): string {
  const plain = word.replace(SGR, '');
  return shorten(plain, width);
}
