// Tables for people. cli-table3 colours its borders and heads by default, even into a pipe, so its
// own styling is switched off and only our Style paints.
import { createRequire } from 'node:module';
import type { Style } from '../ui/style.js';
import type { Cell, ListResult } from './result.js';

const require = createRequire(import.meta.url);

export function* table({ columns, rows }: ListResult, style: Style): Generator<string> {
  if (rows.length === 0) {
    yield 'No rows.\n';
    return;
  }
  const Table = require('cli-table3') as typeof import('cli-table3');
  const t = new Table({ head: columns.map((c) => style.bold(c)), style: { head: [], border: [] } });
  for (const r of rows) t.push(columns.map((c) => show(r[c] ?? null)));
  yield `${t.toString()}\n`;
}

function show(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  return String(cell);
}
