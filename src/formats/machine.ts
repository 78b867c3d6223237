// Formats for programs: no colour, no padding, no prose. Dates stay ISO, numbers stay numbers,
// a missing value is empty in CSV/TSV and null in JSON.
import type { Cell, Row } from './result.js';

/** What the machine formats read: rows may stream from the database, one at a time. */
export interface Rows {
  columns: readonly string[];
  rows: Iterable<Row>;
}

export type MachineFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'markdown';

function pick(row: Record<string, Cell>, columns: readonly string[]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const c of columns) out[c] = row[c] ?? null;
  return out;
}

function text(cell: Cell): string {
  if (cell === null) return '';
  // ";" as in data/participants.csv's groups: a list stays one field, and no alias holds a ";".
  return Array.isArray(cell) ? cell.join(';') : String(cell);
}

/** A CSV field: quoted when it holds a comma, a quote or a line break, quotes doubled (RFC 4180). */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * RFC 4180 quoting, header row first, LF line endings. Written by hand: csv-stringify's per-field
 * machinery was a tenth of `export --csv`'s time, and a property test holds this to its output.
 */
export function* csv({ columns, rows }: Rows): Generator<string> {
  yield `${columns.map(csvField).join(',')}\n`;
  let chunk = '';
  for (const r of rows) {
    chunk += `${columns.map((c) => csvField(text(r[c] ?? null))).join(',')}\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Tab-separated; a tab, newline, carriage return or backslash inside a value is written \t, \n, \r, \\. */
export function* tsv({ columns, rows }: Rows): Generator<string> {
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

/** A JSON array of objects, keys in column order: the text of JSON.stringify(rows, null, 2), written row by row. */
export function* json({ columns, rows }: Rows): Generator<string> {
  let chunk = '';
  let first = true;
  for (const r of rows) {
    chunk += `${first ? '[\n' : ',\n'}  ${JSON.stringify(pick(r, columns), null, 2).replace(/\n/g, '\n  ')}`;
    first = false;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield first ? '[]\n' : `${chunk}\n]\n`;
}

/** One JSON object per line. */
export function* ndjson({ columns, rows }: Rows): Generator<string> {
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
export function* markdown({ columns, rows }: Rows): Generator<string> {
  const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  yield `| ${columns.map(escape).join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |\n`;
  for (const r of rows) yield `| ${columns.map((c) => escape(text(r[c] ?? null))).join(' | ')} |\n`;
}

export const MACHINE: Record<MachineFormat, (result: Rows) => Iterable<string>> = { csv, tsv, json, ndjson, markdown };
