// `export --safe`: a cell that begins with =, +, -, @, a tab or a carriage return is read by
// spreadsheets as a formula (=HYPERLINK(…), +cmd|…, @SUM(…)): an apostrophe before it makes it text.
// Off by default, because the apostrophe is then part of the value that `import` would read back.
import type { Cell, Row } from './result.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(cell: Cell): Cell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function* safeRows(rows: Iterable<Row>): Generator<Row> {
  for (const row of rows) {
    const out: Record<string, Cell> = {};
    for (const [key, value] of Object.entries(row)) out[key] = safeCell(value as Cell);
    yield out as Row;
  }
}
