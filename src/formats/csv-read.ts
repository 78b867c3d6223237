import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';

export interface LocatedRecord {
  /** The line the record ends on, counted from 1 (the header is line 1). */
  line: number;
  record: Record<string, string>;
}

/**
 * Reads a CSV (or TSV) file with a header row into records, each with its line number. The header must
 * name exactly `columns` (in any order); every problem is a UserError that starts with `file:line:`.
 */
export function readCsvRecords(text: string, file: string, columns: readonly string[], delimiter = ','): LocatedRecord[] {
  checkFirstLine(text, file, columns);
  const options = {
    columns: (header: string[]) => {
      checkHeader(header, columns, file);
      return header;
    },
    delimiter,
    bom: true,
    skip_empty_lines: true,
  };
  try {
    // Line numbers come free when every record is one line (no blank lines, no line breaks inside
    // quotes): record i is on line i + 2. Otherwise the parser's own count is asked for, at a cost.
    const records = parse(text, options) as Record<string, string>[];
    if (records.length + 1 === lineCount(text)) return records.map((record, i) => ({ line: i + 2, record }));
    const located = parse(text, { ...options, info: true }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
    return located.map(({ record, info }) => ({ line: info.lines, record }));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${file}:${failedLine(text, e)}: ${(e as Error).message.replace(/ (on|at) line \d+$/, '')}`);
  }
}

/** Lines of text, a final line break not starting another. */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n += 1;
  return text.endsWith('\n') ? n - 1 : n;
}

/**
 * The line where the record that failed begins. For an open quote the parser's own count points at
 * where it stopped (the end of the file), so the start is found from the bytes of the records read in
 * full; any other error is reported on the record's own line.
 */
export function failedLine(text: string, e: unknown): number {
  const err = e as { code?: string; lines?: number; bytes_records?: number };
  if (err.code !== 'CSV_QUOTE_NOT_CLOSED' || err.bytes_records === undefined) return err.lines ?? 1;
  // Nothing emitted yet: the failing record is the first after the header line.
  const start = err.bytes_records > 0 ? Buffer.from(text).subarray(0, err.bytes_records).toString('utf8').length : text.indexOf('\n') + 1;
  let line = text.slice(0, start).split('\n').length;
  const lines = text.split('\n');
  while (lines[line - 1] !== undefined && lines[line - 1]!.trim() === '') line += 1;
  return line;
}

/** A first line far longer than any header is not a header: say so at once, without quoting it all. */
function checkFirstLine(text: string, file: string, columns: readonly string[]): void {
  const end = text.indexOf('\n');
  const length = end === -1 ? text.length : end;
  if (length > 2000) throw new UserError(`${file}:1: the first line (${length} characters) is not a header row`, `the header is: ${columns.join(',')}`);
}

/** A column name as messages quote it: cut short if it is long. */
export function shortName(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

export function checkHeader(header: readonly string[], columns: readonly string[], file: string): void {
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new UserError(`${file}:1: column "${shortName(name)}" appears twice in the header`);
    seen.add(name);
    if (!columns.includes(name)) {
      throw new UserError(`${file}:1: unknown column "${shortName(name)}"`, `the columns are: ${columns.join(', ')}`);
    }
  }
  const missing = columns.filter((c) => !seen.has(c));
  if (missing.length > 0) throw new UserError(`${file}:1: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
}
