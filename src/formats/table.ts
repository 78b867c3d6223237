// Tables for people, drawn by our own small renderer. cli-table3 split words and dates to wrap them,
// cut our bold codes (printing "[22m" into headings) and could not hide a column; it also cost more
// start-up (docs/tables.md). The layout (layout.ts) works on plain text, and colour goes on each cell
// after it is padded, so colour can never change a width.
import { cellText, cellWidth, padCells, shorten } from '../ui/cells.js';
import type { Style } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import { dropOrder, underTheRow, wrappedColumns } from './drop-order.js';
import { layoutTable, type Layout } from './layout.js';
import type { Cell, ListResult, Row } from './result.js';

export interface TableView {
  /** The terminal's width in cells; undefined when the output is not a terminal. */
  width?: number | undefined;
  /** --wide: every column in full, on purpose, for a terminal that scrolls sideways. */
  wide?: boolean | undefined;
  /** The command, for its order of hiding columns. */
  command?: string | undefined;
  /** Where a line for people goes (stderr): which columns were hidden, and how to see them. */
  notice?: ((line: string) => void) | undefined;
}

/** Participant statuses in colour, so the eye finds who is in force. */
function paintStatus(value: string, style: Style): string {
  switch (value) {
    case 'in_force':
      return style.green(value);
    case 'consented':
      return style.cyan(value);
    case 'signed':
      return style.yellow(value);
    case 'denounced':
      return style.red(value);
    case 'none':
      return style.dim(value);
    default:
      return value;
  }
}

export function* table({ columns, rows: given, emptyText, plain, tableLimit, total, omitted }: ListResult & { omitted?: number }, style: Style, view: TableView = {}): Generator<string> {
  const all: readonly Row[] = Array.isArray(given) ? (given as readonly Row[]) : [...given];
  const rows = tableLimit !== undefined && all.length > tableLimit ? all.slice(0, tableLimit) : all;
  if (rows.length === 0) {
    // One line, ended like every other line; '' prints nothing at all.
    const empty = emptyText ?? 'No rows.';
    if (empty !== '') yield empty.endsWith('\n') ? empty : `${empty}\n`;
    return;
  }
  if (plain) {
    yield rows.map((r) => `${columns.map((c) => show(r[c] ?? null)).join('\t')}\n`).join('');
    return;
  }
  const cells = rows.map((r) => columns.map((c) => cellText(show(r[c] ?? null))));
  const layout = layoutTable({ columns, cells, width: view.width, wide: view.wide === true, dropOrder: dropOrder(view.command, columns), printedElsewhere: underTheRow(view.command) });
  if (layout.mode === 'blocks') {
    yield* blocks(columns, cells, view.width!, style);
    view.notice?.(`The terminal (${view.width} columns) is too narrow for this table (it needs ${layout.needs}): one record per block. --wide prints the table in full.`);
  } else {
    const under = layout.hidden.filter((c) => underTheRow(view.command).includes(c));
    const hidden = layout.hidden.filter((c) => !under.includes(c));
    yield drawTable(columns, cells, layout, style, { wrapped: wrappedColumns(view.command), under, width: view.width! });
    if (hidden.length > 0) {
      const n = hidden.length;
      view.notice?.(`${n} column${n === 1 ? '' : 's'} hidden to fit the terminal: ${hidden.join(', ')}. Choose the columns with --columns, or print all of them with --wide.`);
    }
  }
  // The rows the machine formats write: those held, and streamed ones read past the limit.
  const listed = all.length + (omitted ?? 0);
  const count = Math.max(total ?? 0, listed);
  if (rows.length < count) {
    const machine = count > listed ? `${listed.toLocaleString('en')} of them with --csv or --json` : 'all of them with --csv or --json';
    yield `${style.dim(`… and ${count - rows.length} more rows (${machine})`)}\n`;
  }
}

function show(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (Array.isArray(cell)) return cell.join(', ');
  return String(cell);
}

interface DrawOptions {
  /** Columns whose prose wraps in its cell. */
  wrapped: readonly string[];
  /** Hidden columns printed under each row, across the table, as "name: value". */
  under: readonly string[];
  /** The terminal's width, which a table with text under its rows fills. */
  width: number;
}

function drawTable(columns: readonly string[], cells: readonly string[][], layout: Extract<Layout, { mode: 'table' }>, style: Style, o: DrawOptions): string {
  const { shown } = layout;
  const widths = [...layout.widths];
  const under = o.under.map((c) => columns.indexOf(c));
  // Text under the rows reads better across the whole width: the last column takes what is left.
  if (under.length > 0) widths[widths.length - 1]! += Math.max(0, o.width - (widths.reduce((a, b) => a + b, 0) + 3 * widths.length + 1));
  const inner = widths.reduce((a, b) => a + b, 0) + 3 * (widths.length - 1);
  const wrapped = o.wrapped;
  const rule = (left: string, mid: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}\n`;
  const line = (parts: string[]) => `│ ${parts.join(' │ ')} │\n`;
  let out = rule('┌', '┬', '┐');
  out += line(shown.map((i, k) => style.bold(padCells(shorten(columns[i]!, widths[k]!), widths[k]!))));
  for (const row of cells) {
    // Each shown cell as lines: one, shortened with "…", unless its column wraps its prose.
    const parts = shown.map((i, k) => (wrapped.includes(columns[i]!) ? wrapText(row[i]!, widths[k]!) : [shorten(row[i]!, widths[k]!)]));
    const height = Math.max(...parts.map((p) => p.length));
    for (let h = 0; h < height; h++) {
      out += line(
        shown.map((i, k) => {
          const text = parts[k]![h] ?? '';
          const pad = ' '.repeat(widths[k]! - cellWidth(text));
          return (columns[i] === 'status' ? paintStatus(text, style) : text) + pad;
        }),
      );
    }
    for (const i of under) {
      if (row[i] === '') continue;
      for (const text of wrapText(row[i]!, inner, { first: style.dim(`${columns[i]}: `), indent: '  ' })) out += `│ ${text}${' '.repeat(Math.max(0, inner - cellWidth(text)))} │\n`;
    }
  }
  return out + rule('└', '┴', '┘');
}

/** One record per block, `key  value`, for a terminal too narrow for any table (psql's expanded mode). */
function* blocks(columns: readonly string[], cells: readonly string[][], width: number, style: Style): Generator<string> {
  const keyWidth = Math.min(Math.max(...columns.map(cellWidth)), Math.floor(width / 2));
  for (const [n, row] of cells.entries()) {
    const title = shorten(`-[ ${n + 1} of ${cells.length} ]`, width);
    let out = `${n > 0 ? '\n' : ''}${style.dim(title + '-'.repeat(Math.max(0, width - cellWidth(title))))}\n`;
    for (const [i, column] of columns.entries()) {
      const key = padCells(shorten(column, keyWidth), keyWidth);
      const value = row[i]!;
      const lines = wrapText(value, Math.max(1, width - keyWidth - 1), { indent: '' });
      out += `${style.bold(key)} ${column === 'status' ? paintStatus(lines[0]!, style) : lines[0]}\n`;
      for (const more of lines.slice(1)) out += `${' '.repeat(keyWidth)} ${more}\n`;
    }
    yield out;
  }
}
