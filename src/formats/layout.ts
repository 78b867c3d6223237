// Which columns a table shows, and how wide each is, for a terminal `width` cells wide. Pure: plain
// text in, numbers out; the renderer draws it and colours it afterwards, so colour cannot break it.
import { cellWidth } from '../ui/cells.js';

/** A token longer than this, without a space, is taken for data to shorten rather than a key. */
const LONG_VALUE = 48;
/**
 * Text that may be shortened with "…": words, an address, or a very long token (a row's JSON). A
 * date, a moment, a code or a key (XVIII-16|VNM|ratification|2026-11-30) is shown whole or not at all.
 */
function isProse(value: string): boolean {
  return value.includes(' ') || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || cellWidth(value) > LONG_VALUE;
}
/** A column that is never hidden shows values up to this wide whole before another column stays. */
const READABLE = 40;
/** A shortened column keeps at least this many cells (or its heading, or its longest value). */
const MIN_SHORTENED = 14;

export interface LayoutRequest {
  columns: readonly string[];
  /** The cells as plain text, row by row, in the order of `columns`. */
  cells: readonly (readonly string[])[];
  /** The terminal's width; undefined in a pipe, where every column is printed in full. */
  width: number | undefined;
  /** --wide: every column in full even on a terminal. */
  wide: boolean;
  /** The columns that may be hidden, the first hidden first; the others are always shown. */
  dropOrder: readonly string[];
  /** Hidden columns that stay hidden rather than come back shortened (they are printed under the row). */
  printedElsewhere?: readonly string[];
}

export type Layout =
  | {
      mode: 'table';
      /** Indexes into the request's columns, in their order. */
      shown: number[];
      /** The width of each shown column's text (padding and borders not included). */
      widths: number[];
      /** The names of the columns hidden to fit. */
      hidden: string[];
    }
  | {
      /** Too narrow for even the columns that are never hidden: one record per block. */
      mode: 'blocks';
      /** The width the narrowest table would need. */
      needs: number;
    };

/** Borders and padding of a table of `n` columns: "│ a │ b │". */
export function tableOverhead(n: number): number {
  return 3 * n + 1;
}

export function layoutTable(r: LayoutRequest): Layout {
  const natural = r.columns.map((c, i) => r.cells.reduce((most, row) => Math.max(most, cellWidth(row[i]!)), cellWidth(c)));
  const all = r.columns.map((_, i) => i);
  if (r.width === undefined || r.wide) return { mode: 'table', shown: all, widths: natural, hidden: [] };
  const width = r.width;
  const shortenable = r.columns.map((_, i) => r.cells.some((row) => isProse(row[i]!)));
  const min = r.columns.map((c, i) => (shortenable[i] ? Math.min(natural[i]!, Math.max(cellWidth(c), MIN_SHORTENED)) : natural[i]!));
  const droppable = new Set(r.dropOrder);
  // What a column needs to be worth its room: nine values in ten whole for one that may be hidden;
  // for one that stays (a name), every value up to READABLE cells whole, so the columns that may be
  // hidden give way before a name is cut.
  const comfortable = r.columns.map((c, i) => {
    if (!shortenable[i]) return natural[i]!;
    const p90 = percentile90(r.cells.map((row) => cellWidth(row[i]!)));
    const wanted = droppable.has(c) ? p90 : Math.max(p90, READABLE);
    return Math.min(natural[i]!, Math.max(cellWidth(c), MIN_SHORTENED, wanted));
  });
  const total = (shown: number[], w: number[]) => shown.reduce((sum, i) => sum + w[i]!, 0) + tableOverhead(shown.length);
  let shown = all;
  const hidden: string[] = [];
  if (total(shown, natural) > width) {
    for (const name of r.dropOrder) {
      if (total(shown, comfortable) <= width) break;
      const i = r.columns.indexOf(name);
      if (i < 0 || !shown.includes(i)) continue;
      shown = shown.filter((j) => j !== i);
      hidden.push(name);
    }
  }
  if (total(shown, min) > width) return { mode: 'blocks', needs: total(shown, min) };
  // Room left once the others have their comfortable width takes back a hidden column, shortened,
  // the last hidden first: a shortened note says more than none.
  for (const name of [...hidden].reverse()) {
    if (r.printedElsewhere?.includes(name)) continue;
    const i = r.columns.indexOf(name);
    const withIt = [...shown, i].sort((a, b) => a - b);
    if (total(withIt, comfortable.map((w, j) => (j === i ? min[i]! : w))) > width) continue;
    shown = withIt;
    hidden.splice(hidden.indexOf(name), 1);
  }
  const widths = shown.map((i) => natural[i]!);
  const floor = shown.map((i) => min[i]!);
  let excess = widths.reduce((a, b) => a + b, 0) + tableOverhead(shown.length) - width;
  // Narrow the widest column that can still give, one cell at a time, so long text shares the room.
  while (excess > 0) {
    let widest = -1;
    for (let k = 0; k < widths.length; k++) if (widths[k]! > floor[k]! && (widest < 0 || widths[k]! > widths[widest]!)) widest = k;
    widths[widest]! -= 1;
    excess -= 1;
  }
  return { mode: 'table', shown, widths, hidden };
}

function percentile90(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)] ?? 0;
}
