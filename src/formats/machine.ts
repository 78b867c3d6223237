// Formats for programs: no colour, no padding, no prose. Dates stay ISO, numbers stay numbers,
// a missing value is empty in CSV/TSV and null in JSON.
import { stringify } from 'csv-stringify/sync';
import type { Cell, ListResult } from './result.js';

export type MachineFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'markdown';

function pick(row: Record<string, Cell>, columns: readonly string[]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const c of columns) out[c] = row[c] ?? null;
  return out;
}

function text(cell: Cell): string {
  return cell === null ? '' : String(cell);
}

/** RFC 4180 quoting, header row first, LF line endings. */
export function* csv({ columns, rows }: ListResult): Generator<string> {
  yield stringify([columns as string[]]);
  for (let i = 0; i < rows.length; i += 500) {
    yield stringify(rows.slice(i, i + 500).map((r) => columns.map((c) => text(r[c] ?? null))));
  }
}

/** Tab-separated; a tab, newline, carriage return or backslash inside a value is written \t, \n, \r, \\. */
export function* tsv({ columns, rows }: ListResult): Generator<string> {
  const escape = (s: string) => s.replace(/[\\\t\n\r]/g, (ch) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[ch]!);
  yield `${columns.map(escape).join('\t')}\n`;
  let chunk = '';
  for (const r of rows) {
    chunk += `${columns.map((c) => escape(text(r[c] ?? null))).join('\t')}\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** A JSON array of objects, keys in column order. */
export function* json({ columns, rows }: ListResult): Generator<string> {
  yield `${JSON.stringify(rows.map((r) => pick(r, columns)), null, 2)}\n`;
}

/** One JSON object per line. */
export function* ndjson({ columns, rows }: ListResult): Generator<string> {
  let chunk = '';
  for (const r of rows) {
    chunk += `${JSON.stringify(pick(r, columns))}\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** A GitHub table; `|` and line breaks inside a value are escaped. */
export function* markdown({ columns, rows }: ListResult): Generator<string> {
  const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  yield `| ${columns.map(escape).join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |\n`;
  for (const r of rows) yield `| ${columns.map((c) => escape(text(r[c] ?? null))).join(' | ')} |\n`;
}

export const MACHINE: Record<MachineFormat, (result: ListResult) => Iterable<string>> = { csv, tsv, json, ndjson, markdown };
