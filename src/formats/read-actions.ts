// Reading action rows from files: CSV, TSV, JSON and NDJSON exactly as `treaty export` writes them.
// Each record keeps where it came from (file:line, or file: item N for a JSON array).
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import { checkHeader, failedLine, readCsvRecords } from './csv-read.js';
import { csvObjects } from './csv-stream.js';
import { textLines } from './lines-stream.js';
import { firstInvalidUtf8, textChunks } from './text-chunks.js';

export { firstInvalidUtf8 };
import { MAX_FIELD_LENGTH } from '../domain/limits.js';

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
/** A record and its line; the "file:line" text is made only when a message asks for it. */
export class LineRecord implements SourcedRecord {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly record: unknown,
  ) {}

  get where(): string {
    return `${this.file}:${this.line}`;
  }
}

/** The formats read a record at a time, in pieces of the file: the rest are read whole. */
export const STREAMED_FORMATS = ['csv', 'ndjson'] as const satisfies readonly InputFormat[];
export type StreamedFormat = (typeof STREAMED_FORMATS)[number];

/** A line of NDJSON holds one row: its fields, each within the field limit, and their names. */
const MAX_NDJSON_LINE = 8 * MAX_FIELD_LENGTH + 1000;

/**
 * The records of a CSV or NDJSON file, read in pieces as they are asked for: a bad record stops the
 * reading on its line, and memory holds one piece of the file, not the file.
 */
export function* streamRecords(file: string, format: StreamedFormat, columns: readonly string[]): Generator<SourcedRecord> {
  const pieces = textChunks(file);
  if (format === 'csv') {
    for (const { line, record } of csvObjects(pieces, file, columns)) yield new LineRecord(file, line, record);
    return;
  }
  let empty = true;
  for (const { line, text } of textLines(pieces, file, MAX_NDJSON_LINE)) {
    if (text.trim() === '') continue;
    empty = false;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (e) {
      throw new UserError(`${file}:${line}: not valid JSON: ${jsonReason(e as Error)}`);
    }
    yield new LineRecord(file, line, record);
  }
  if (empty) throw new UserError(`${file}: the file is empty`);
}


function readTsv(text: string, file: string, columns: readonly string[]): SourcedRecord[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { delimiter: '\t', quote: false, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof rows;
  } catch (e) {
    throw new UserError(`${file}:${failedLine(text, e)}: ${(e as Error).message.replace(/ (on|at) line \d+$/, '')}`);
  }
  const [head, ...body] = rows;
  if (!head) return [];
  const header = head.record.map(unescapeTsv);
  checkHeader(header, columns, file);
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
    throw new UserError(`${file}:${jsonErrorPlace(text, e as Error)}: not valid JSON: ${jsonReason(e as Error)}`);
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
      throw new UserError(`${file}:${i + 1}: not valid JSON: ${jsonReason(e as Error)}`);
    }
  }
  return out;
}

/** What JSON.parse objected to, in one line and without echoing the file. */
function jsonReason(e: Error): string {
  const token = /^Unexpected token '?(.)'?/.exec(e.message)?.[1];
  if (token !== undefined) return `unexpected ${JSON.stringify(token)}`;
  return (e.message.split('\n')[0] ?? '').replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '').replace(/, ".*$/, '');
}

/** "line:column" of a JSON.parse error, from what the message gives: a position, a line and column, or a quoted excerpt. */
function jsonErrorPlace(text: string, e: Error): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(e.message);
  if (lineColumn) return `${lineColumn[1]}:${lineColumn[2]}`;
  let position = -1;
  const at = /position (\d+)/.exec(e.message);
  if (at) position = Number(at[1]);
  else {
    // V8 quotes up to 10 characters either side of the error: `..."<excerpt>"...`.
    const excerpt = /, (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON/.exec(e.message);
    const start = excerpt ? text.indexOf(excerpt[2]!) : -1;
    const token = /^Unexpected token '?(.)'?/.exec(e.message)?.[1] ?? '';
    if (excerpt && start !== -1) position = start + (excerpt[1] ? 10 : Math.max(0, excerpt[2]!.indexOf(token)));
  }
  if (position < 0) return '1';
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `${line}:${before.length - before.lastIndexOf('\n')}`;
}
