// How many cells of a terminal a string takes. A table that measured UTF-16 code units would count
// an escape code as text, a Chinese name as half its width and an accent as a letter of its own.

/** CSI sequences (colours, cursor) and OSC sequences (titles, links), as terminals read them. */
const ESCAPES = /\x1b\[[0-?]*[ -\/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

/** Marks drawn on the character before them, joiners and format characters: no cell of their own. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff\ufe00-\ufe0f]$/u;

/** East Asian Wide and Fullwidth ranges (Unicode 15, UAX #11), and the emoji drawn two cells wide. */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0x303e],
  [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4],
  [0x17000, 0x18aff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f320], [0x1f32d, 0x1f335], [0x1f337, 0x1f37c],
  [0x1f37e, 0x1f393], [0x1f3a0, 0x1f3ca], [0x1f3cf, 0x1f3d3], [0x1f3e0, 0x1f3f0], [0x1f3f4, 0x1f3f4],
  [0x1f3f8, 0x1f43e], [0x1f440, 0x1f440], [0x1f442, 0x1f4fc], [0x1f4ff, 0x1f53d], [0x1f54b, 0x1f54e],
  [0x1f550, 0x1f567], [0x1f57a, 0x1f57a], [0x1f595, 0x1f596], [0x1f5a4, 0x1f5a4], [0x1f5fb, 0x1f64f],
  [0x1f680, 0x1f6c5], [0x1f6cc, 0x1f6cc], [0x1f6d0, 0x1f6d2], [0x1f6d5, 0x1f6d7], [0x1f6dc, 0x1f6df],
  [0x1f6eb, 0x1f6ec], [0x1f6f4, 0x1f6fc], [0x1f7e0, 0x1f7eb], [0x1f7f0, 0x1f7f0], [0x1f90c, 0x1f93a],
  [0x1f93c, 0x1f945], [0x1f947, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function isWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = WIDE[mid]!;
    if (cp < from) hi = mid - 1;
    else if (cp > to) lo = mid + 1;
    else return true;
  }
  return false;
}

export function stripEscapes(text: string): string {
  return text.replace(ESCAPES, '');
}

/** The cells one character (a code point) takes: 0, 1 or 2. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  return isWide(cp) ? 2 : 1;
}

/** Display width in terminal cells: escape codes 0, East Asian wide characters 2, combining marks 0. */
export function cellWidth(text: string): number {
  let width = 0;
  // A fast path for the usual case: printable ASCII is one cell a character.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  for (const ch of stripEscapes(text)) width += charWidth(ch);
  return width;
}

/**
 * Text from the data made safe for one table cell: line breaks and tabs become spaces, and other
 * control characters (an ESC in a note would be obeyed by the terminal) become U+FFFD.
 */
export function cellText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\t\n\r\v\f]+/g, ' ').replace(/[\x00-\x1f\x7f-\x9f]/g, '\ufffd');
}

let segmenter: Intl.Segmenter | undefined;

/** User-perceived characters, so a cut never separates an accent from its letter. */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * `text` in at most `width` cells: whole when it fits, else cut after its last whole word that fits
 * and ended with "…". Only a first word that alone is too long (an address) is cut inside, with "…".
 */
export function shorten(text: string, width: number): string {
  if (cellWidth(text) <= width) return text;
  if (width <= 0) return '';
  if (width === 1) return '…';
  let used = 0;
  let cut = '';
  for (const g of graphemes(text)) {
    const w = cellWidth(g);
    if (used + w > width - 1) break;
    cut += g;
    used += w;
  }
  const space = cut.lastIndexOf(' ');
  const atBoundary = text[cut.length] === ' ';
  // At a word boundary: a word (a date, a code) is cut only when it is the first and alone too long.
  if (!atBoundary && space > 0) cut = cut.slice(0, space);
  // "New York…", not "New York,…": a cut ends on a word, not on its punctuation.
  return `${cut.trimEnd().replace(/[,;:]+$/, '')}…`;
}

/** `text` padded with spaces to `width` cells. */
export function padCells(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - cellWidth(text)));
}
