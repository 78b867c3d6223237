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
    const err = e as Error & { lines?: number };
    throw new UserError(`${file}:${err.lines ?? 1}: ${err.message.replace(/ on line \d+$/, '').replace(/ at line \d+$/, '')}`);
  }
  return parsed.map(({ record, info }) => ({ line: info.lines, record }));
}

function checkHeader(header: readonly string[], columns: readonly string[], file: string): void {
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new UserError(`${file}:1: column "${name}" appears twice in the header`);
    seen.add(name);
    if (!columns.includes(name)) {
      throw new UserError(`${file}:1: unknown column "${name}"`, `the columns are: ${columns.join(', ')}`);
    }
  }
  const missing = columns.filter((c) => !seen.has(c));
  if (missing.length > 0) throw new UserError(`${file}:1: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
}
