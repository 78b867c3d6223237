// A rule of entry into force from a JSON file (`treaty add --rule FILE`). A share condition may name
// its weights table as a CSV file beside the rule; the table is read into the rule, so the stored
// rule carries its figures and their sources and never depends on the file again.
import { dirname, resolve } from 'node:path';
import { MAX_WHOLE_IMPORT_BYTES } from '../domain/limits.js';
import { UserError } from '../errors.js';
import { readCappedFile } from '../read-capped-file.js';
import { readCsvRecords } from './csv-read.js';

export const WEIGHTS_COLUMNS = ['code', 'name', 'weight', 'year', 'source', 'note'] as const;

/** The rule file's JSON, with every `weights: {file, ...}` replaced by the table it names. */
export function readRuleFile(file: string): unknown {
  // A missing or unreadable file gets the message every other file gets ("cannot read X: no such file").
  const bytes = readCappedFile(file, MAX_WHOLE_IMPORT_BYTES, 'a rule file');
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    throw new UserError(`${file}: cannot read a rule from it: ${(e as Error).message}`);
  }
  const conditions = (raw as { conditions?: unknown } | null)?.conditions;
  if (!Array.isArray(conditions)) return raw;
  return {
    ...(raw as object),
    conditions: conditions.map((c: unknown, i) => {
      const weights = (c as { weights?: unknown } | null)?.weights as { file?: unknown } | undefined;
      if (!weights || typeof weights !== 'object' || weights.file === undefined) return c;
      if (typeof weights.file !== 'string' || weights.file === '') throw new UserError(`${file}: conditions.${i}.weights.file: expected the name of a CSV file`);
      const { file: name, ...table } = weights;
      return { ...(c as object), weights: { ...table, rows: readWeights(resolve(dirname(file), name)) } };
    }),
  };
}

/** Rows of a weights CSV: a figure per participant code, empty where the table gives none. */
export function readWeights(file: string): { code: string; weight: number | null; source: string; note?: string }[] {
  const text = Buffer.from(readCappedFile(file, MAX_WHOLE_IMPORT_BYTES, 'a weights table')).toString('utf8');
  const lineOf = new Map<string, number>();
  return readCsvRecords(text, file, WEIGHTS_COLUMNS).map(({ line, record }) => {
    const code = record.code!.trim();
    const before = lineOf.get(code);
    if (before !== undefined) throw new UserError(`${file}:${line}: ${code} has a row already, at line ${before}`);
    lineOf.set(code, line);
    const figure = record.weight!.trim();
    const weight = figure === '' ? null : Number(figure);
    if (weight !== null && !(Number.isFinite(weight) && weight >= 0)) throw new UserError(`${file}:${line}: weight "${figure}" of ${code} is not a number of 0 or more`);
    const note = [record.note, record.year ? `figure of ${record.year}` : ''].filter(Boolean).join('; ');
    return { code, weight, source: record.source!, ...(note ? { note } : {}) };
  });
}
