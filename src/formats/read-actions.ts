// Reading action rows from files: CSV, TSV, JSON and NDJSON exactly as `treaty export` writes them.
// Each record keeps where it came from (file:line, or file: item N for a JSON array).
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import { readCsvRecords } from './csv-read.js';

export const INPUT_FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'xml'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface SourcedRecord {
  where: string;
  record: unknown;
}

const BY_EXTENSION: Record<string, InputFormat> = {
  '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.xml': 'xml',
};

/** The format of a file: by its extension, else by its first characters. */
export function detectFormat(file: string, text: string): InputFormat {
  const byName = BY_EXTENSION[extname(file).toLowerCase()];
  if (byName) return byName;
  const start = text.trimStart();
  if (start.startsWith('<')) return 'xml';
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) return 'ndjson';
  return start.split('\n', 1)[0]!.includes('\t') ? 'tsv' : 'csv';
}

/** UTF-8 text of a file, refusing bytes that are not UTF-8 or not text at all. A BOM is dropped. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) throw new UserError(`${file}: not a text file (it contains NUL bytes)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new UserError(`${file}:${bad.line}: not valid UTF-8 (byte 0x${bad.byte.toString(16).padStart(2, '0')})`, 'save the file as UTF-8');
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function firstInvalidUtf8(bytes: Uint8Array): { line: number; byte: number } {
  let line = 1;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      return { line, byte: bytes[i]! };
    }
    if (bytes[i] === 0x0a) line += 1;
  }
  return { line, byte: bytes[bytes.length - 1] ?? 0 };
}

export function readRecords(text: string, file: string, format: Exclude<InputFormat, 'xml'>, columns: readonly string[]): SourcedRecord[] {
  switch (format) {
    case 'csv':
      return readCsvRecords(text, file, columns).map(({ line, record }) => ({ where: `${file}:${line}`, record }));
    case 'tsv':
      return readTsv(text, file, columns);
    case 'json':
      return readJson(text, file);
    case 'ndjson':
      return readNdjson(text, file);
  }
}

// TSV has no quoting: a tab, newline, carriage return or backslash in a value is escaped (\t \n \r \\).
function readTsv(text: string, file: string, columns: readonly string[]): SourcedRecord[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { delimiter: '\t', quote: false, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof rows;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new UserError(`${file}:${err.lines ?? 1}: ${err.message.replace(/ on line \d+$/, '')}`);
  }
  const [head, ...body] = rows;
  if (!head) return [];
  const header = head.record.map(unescapeTsv);
  const unknown = header.find((h) => !columns.includes(h));
  if (unknown !== undefined) throw new UserError(`${file}:1: unknown column "${unknown}"`, `the columns are: ${columns.join(', ')}`);
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new UserError(`${file}:1: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
  return body.map(({ record, info }) => ({
    where: `${file}:${info.lines}`,
    record: Object.fromEntries(header.map((h, i) => [h, unescapeTsv(record[i]!)])),
  }));
}

function unescapeTsv(value: string): string {
  return value.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]!);
}

function readJson(text: string, file: string): SourcedRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}:${jsonErrorPlace(text, e as Error)}: not valid JSON: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
  if (!Array.isArray(value)) throw new UserError(`${file}: expected a JSON array of action objects, as treaty export --json writes`);
  return value.map((record, i) => ({ where: `${file}: item ${i + 1}`, record }));
}

function readNdjson(text: string, file: string): SourcedRecord[] {
  const out: SourcedRecord[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    try {
      out.push({ where: `${file}:${i + 1}`, record: JSON.parse(line) });
    } catch (e) {
      throw new UserError(`${file}:${i + 1}: not valid JSON: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}`);
    }
  }
  return out;
}

/** "line:column" of a JSON.parse error, from the position it reports. */
function jsonErrorPlace(text: string, e: Error): string {
  const at = /position (\d+)/.exec(e.message);
  if (!at) return '1';
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return `${line}:${before.length - before.lastIndexOf('\n')}`;
}
