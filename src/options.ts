// Command-line values checked by hand: zod would cost every read command ~50 ms of start-up.
import { dateProblem, isIsoDate, type IsoDate } from './domain/dates.js';
import { FORMATS, isOneOf, type Format } from './domain/vocabulary.js';
import { UsageError } from './errors.js';

export interface GlobalFlags {
  db?: string;
  treaty?: string;
  asOf?: string;
  color: boolean;
}

export interface FormatFlags {
  format?: string;
  json?: boolean;
  csv?: boolean;
  wide?: boolean;
}

export const DEFAULT_TREATY = 'XVIII-16';

/** The usage error for a date option: a malformed or impossible date, or one out of range. */
export function dateUsage(option: string, value: string): string {
  const problem = dateProblem(value);
  return problem?.startsWith('outside') ? `${option}: ${value} is ${problem}` : `${option}: expected a real date like 2025-10-25, got "${value}"`;
}

export function parseAsOf(value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(dateUsage('--as-of', value));
  return value;
}

export function parseTreatyRef(value: string | undefined): string {
  if (value === undefined) return DEFAULT_TREATY;
  if (value.trim() === '') throw new UsageError('--treaty: expected a treaty id or alias, got an empty value');
  return value;
}

export function parseDbPath(value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError('--db: expected a file path, got an empty value');
  return value;
}

/** --format, or one of its shortcuts --json / --csv; two different choices are a usage error. */
export function parseFormat(flags: FormatFlags): Format {
  const chosen = new Set<string>();
  if (flags.format !== undefined) {
    if (!isOneOf(FORMATS, flags.format)) throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${flags.format}"`);
    chosen.add(flags.format);
  }
  if (flags.json) chosen.add('json');
  if (flags.csv) chosen.add('csv');
  if (chosen.size > 1) throw new UsageError(`choose one output format, not ${[...chosen].join(' and ')}`);
  return ([...chosen][0] as Format | undefined) ?? 'table';
}

export function parseSort<T extends string>(value: string | undefined, choices: readonly [T, ...T[]]): T {
  if (value === undefined) return choices[0];
  if (!isOneOf(choices, value)) throw new UsageError(`--sort: expected one of ${choices.join(', ')}, got "${value}"`);
  return value;
}
