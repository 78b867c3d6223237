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
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      columns: (header: string[]) => {
        checkHeader(header, columns, file);
        return header;
      },
      delimiter,
      bom: true,
      info: true,
      skip_empty_lines: true,
    });
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${file}:${failedLine(text, e)}: ${(e as Error).message.replace(/ (on|at) line \d+$/, '')}`);
  }
  return parsed.map(({ record, info }) => ({ line: info.lines, record }));
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
