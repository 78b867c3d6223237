// Tables for people. cli-table3 colours its borders and heads by default, even into a pipe, so its
// own styling is switched off and only our Style paints.
import { createRequire } from 'node:module';
import type { Style } from '../ui/style.js';
import type { Cell, ListResult } from './result.js';

const require = createRequire(import.meta.url);

const MIN_COLUMN = 8;

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

export function* table({ columns, rows: all, emptyText, plain, tableLimit }: ListResult, style: Style, width?: number): Generator<string> {
  const rows = tableLimit !== undefined && all.length > tableLimit ? all.slice(0, tableLimit) : all;
  if (rows.length === 0) {
    yield emptyText ?? 'No rows.\n';
    return;
  }
  if (plain) {
    yield rows.map((r) => `${columns.map((c) => show(r[c] ?? null)).join('\t')}\n`).join('');
    return;
  }
  const Table = require('cli-table3') as typeof import('cli-table3');
  const cells = rows.map((r) => columns.map((c) => show(r[c] ?? null)));
  const widths = fitWidths(columns, cells, width);
  const t = new Table({
    head: columns.map((c) => style.bold(c)),
    style: { head: [], border: [] },
    // No rule between rows: a list reads better dense.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    ...(widths ? { colWidths: widths.map((w) => w + 2), wordWrap: true, wrapOnWordBoundary: false } : {}),
  });
  for (const row of cells) t.push(row.map((text, i) => (columns[i] === 'status' ? paintStatus(text, style) : text)));
  yield `${t.toString()}\n`;
  if (rows.length < all.length) yield `${style.dim(`… and ${all.length - rows.length} more rows (all of them with --csv or --json)`)}\n`;
}

function show(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  return String(cell);
}

/**
 * Column widths that fit a terminal `width` wide, narrowing the widest columns first; undefined when
 * the table fits as it is (or no width is known, as in a pipe).
 */
export function fitWidths(columns: readonly string[], cells: readonly string[][], width: number | undefined): number[] | undefined {
  if (!width) return undefined;
  const natural = columns.map((c, i) => cells.reduce((most, row) => Math.max(most, longestLine(row[i]!)), c.length));
  const borders = 3 * columns.length + 1;
  let excess = natural.reduce((a, b) => a + b, 0) + borders - width;
  if (excess <= 0) return undefined;
  const widths = [...natural];
  while (excess > 0) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= MIN_COLUMN) break;
    widths[widest]! -= 1;
    excess -= 1;
  }
  return widths;
}

function longestLine(text: string): number {
  return Math.max(...text.split('\n').map((l) => l.length));
}
