// The facts beside actions in an import: parties whose dates are unknown and reports, as
// `treaty export --table published|reports` writes them. A file is recognised by its header (CSV, TSV)
// or its first object's keys (JSON, NDJSON): a report has a claim, a party with unknown dates a party_by.
import type { TreatyDefinition } from '../domain/model.js';
import type { Located } from '../domain/plan.js';
import { describeIssue, PublishedRowSchema, ReportRowSchema, type PublishedRow, type ReportRow } from '../domain/schemas.js';
import { UserError } from '../errors.js';
import { PUBLISHED_COLUMNS, REPORT_COLUMNS } from '../formats/fact-columns.js';
import { readRecords, type InputFormat } from '../formats/read-actions.js';

type Table = 'actions' | 'published' | 'reports';
type Format = Exclude<InputFormat, 'xml'>;

/** What a file holds, by its header (CSV, TSV) or its first object's keys (JSON, NDJSON): its start is enough. */
export function tableOf(text: string, format: Format): Table {
  let names: string[];
  if (format === 'csv' || format === 'tsv') names = (text.split('\n', 1)[0] ?? '').split(format === 'csv' ? ',' : '\t').map((n) => n.trim().replace(/^"|"$/g, ''));
  else {
    const start = text.trimStart();
    const first = /\{[^{}]*\}/.exec(format === 'json' ? start.slice(start.indexOf('[') + 1) : start)?.[0] ?? '{}';
    try {
      names = Object.keys(JSON.parse(first) as object);
    } catch {
      names = [];
    }
  }
  if (names.includes('claim')) return 'reports';
  if (names.includes('party_by')) return 'published';
  return 'actions';
}

/** JSON gives null and numbers where CSV gives text: the row schemas read text, as the CSV has it. */
function asText(record: unknown): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === null ? '' : typeof v === 'number' ? String(v) : v]));
}

/** The file's rows when it holds parties with unknown dates or reports; undefined when it holds actions. */
export function readFactRows(text: string, file: string, format: Format): { published: Located<PublishedRow>[] } | { reports: Located<ReportRow>[] } | undefined {
  const table = tableOf(text, format);
  if (table === 'actions') return undefined;
  const json = format === 'json' || format === 'ndjson';
  const columns = table === 'published' ? PUBLISHED_COLUMNS : REPORT_COLUMNS;
  const schema = table === 'published' ? PublishedRowSchema : ReportRowSchema;
  const rows = readRecords(text, file, format, columns).map(({ where, record }) => {
    const parsed = schema.safeParse(json ? asText(record) : record);
    if (!parsed.success) throw new UserError(`${where}: ${describeIssue(parsed.error)}`);
    return { where, row: parsed.data };
  });
  return table === 'published' ? { published: rows as Located<PublishedRow>[] } : { reports: rows as Located<ReportRow>[] };
}

/** The parties with unknown dates and the reports of the inputs, checked against the database's treaties and participants. */
export function factRows(
  inputs: readonly ({ published: Located<PublishedRow>[] } | { reports: Located<ReportRow>[] } | object)[],
  treaties: ReadonlyMap<string, TreatyDefinition>,
  codes: ReadonlySet<string>,
): { published: PublishedRow[]; reports: ReportRow[] } {
  const published: PublishedRow[] = [];
  const reports: ReportRow[] = [];
  const check = (where: string, row: { treaty: string; code: string | null }) => {
    if (!treaties.has(row.treaty)) throw new UserError(`${where}: unknown treaty "${row.treaty}" (nothing was imported)`);
    if (row.code !== null && !codes.has(row.code)) throw new UserError(`${where}: unknown participant code "${row.code}" (nothing was imported)`);
  };
  for (const input of inputs) {
    if ('published' in input) for (const { where, row } of input.published) (check(where, row), published.push(row));
    if ('reports' in input) for (const { where, row } of input.reports) (check(where, row), reports.push(row));
  }
  return { published, reports };
}
