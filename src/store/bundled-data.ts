// The facts shipped in data/, read and validated in full before anything is written.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkActions } from '../domain/check-actions.js';
import {
  ActionRowSchema,
  describeIssue,
  ParticipantRowSchema,
  PublishedRowSchema,
  ReportRowSchema,
  TreatyDefinitionSchema,
  type ActionRow,
  type ParticipantRow,
  type PublishedRow,
  type ReportRow,
  type TreatyDefinition,
} from '../domain/schemas.js';
import { UserError } from '../errors.js';
import { readCsvRecords } from '../formats/csv-read.js';
import { longFieldProblem } from '../domain/field-limits.js';

export interface BundledData {
  dir: string;
  treaties: TreatyDefinition[];
  participants: ParticipantRow[];
  actions: ActionRow[];
  published: PublishedRow[];
  reports: ReportRow[];
}

export const PARTICIPANT_COLUMNS = ['code', 'iso2', 'name', 'short_name', 'aliases', 'kind', 'un_group', 'groups', 'source', 'note'] as const;
export const ACTION_COLUMNS = ['treaty', 'code', 'action', 'date', 'reference', 'source', 'note'] as const;
import { PUBLISHED_COLUMNS, REPORT_COLUMNS } from '../formats/fact-columns.js';
export { PUBLISHED_COLUMNS, REPORT_COLUMNS };

/** data/ of this installation: beside dist/ when built, beside src/ in tests; TREATY_DATA_DIR overrides both. */
export function bundledDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TREATY_DATA_DIR) return resolve(env.TREATY_DATA_DIR);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'data', 'treaties'))) return join(dir, 'data');
    dir = dirname(dir);
  }
  throw new UserError('cannot find the bundled data/ folder of this installation', 'reinstall treaty, or set TREATY_DATA_DIR');
}

export function loadBundledData(dir = bundledDataDir()): BundledData {
  const show = (file: string) => relative(process.cwd(), file) || file;
  const texts = new Map<string, { file: string; text: string }>();
  const treaties = readdirSync(join(dir, 'treaties'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, 'treaties', f);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new UserError(`${show(file)}: not valid JSON: ${(e as Error).message}`);
      }
      const parsed = TreatyDefinitionSchema.safeParse(json);
      if (!parsed.success) throw new UserError(`${show(file)}: ${describeIssue(parsed.error)}`);
      if (f !== `${parsed.data.id}.json`) throw new UserError(`${show(file)}: the file of treaty "${parsed.data.id}" must be named ${parsed.data.id}.json`);
      texts.set(parsed.data.id, { file: show(file), text: readFileSync(file, 'utf8') });
      return parsed.data;
    });

  const participantsFile = join(dir, 'participants.csv');
  const participants = readCsvRecords(readFileSync(participantsFile, 'utf8'), show(participantsFile), PARTICIPANT_COLUMNS).map(({ line, record }) => {
    refuseLongField(show(participantsFile), line, record);
    const parsed = ParticipantRowSchema.safeParse(record);
    if (!parsed.success) throw new UserError(`${show(participantsFile)}:${line}: ${describeIssue(parsed.error)}`);
    return parsed.data;
  });
  checkUnique(participants, (p) => p.code, 'code', show(participantsFile));
  checkUnique(participants.filter((p) => p.iso2 !== null), (p) => p.iso2!, 'iso2', show(participantsFile));
  checkUnique(participants, (p) => p.name, 'name', show(participantsFile));

  const treatyById = new Map(treaties.map((t) => [t.id, t]));
  const codes = new Set(participants.map((p) => p.code));
  for (const treaty of treaties) {
    const problem = unknownCountCodes(treaty, codes);
    if (problem) {
      const { file, text } = texts.get(treaty.id)!;
      throw new UserError(`${file}:${lineOf(text, `"${problem.code}"`)}: ${problem.path}: unknown participant code "${problem.code}"`);
    }
  }
  const actions: ActionRow[] = [];
  for (const treaty of treaties) {
    const file = join(dir, 'actions', `${treaty.id}.csv`);
    if (!existsSync(file)) continue;
    const rows = readCsvRecords(readFileSync(file, 'utf8'), show(file), ACTION_COLUMNS).map(({ line, record }) => {
      refuseLongField(show(file), line, record);
      const parsed = ActionRowSchema.safeParse(record);
      if (!parsed.success) throw new UserError(`${show(file)}:${line}: ${describeIssue(parsed.error)}`);
      if (parsed.data.treaty !== treaty.id) throw new UserError(`${show(file)}:${line}: a row of treaty "${parsed.data.treaty}" in the file of ${treaty.id}`);
      return { where: line, row: parsed.data };
    });
    const problem = checkActions(rows, treatyById, codes)[0];
    if (problem) throw new UserError(`${show(file)}:${problem.where}: ${problem.message}`);
    for (const r of rows) actions.push(r.row);
  }

  const published: PublishedRow[] = [];
  for (const treaty of treaties) {
    const file = join(dir, 'published', `${treaty.id}.csv`);
    if (!existsSync(file)) continue;
    const seen = new Set<string>();
    for (const { line, record } of readCsvRecords(readFileSync(file, 'utf8'), show(file), PUBLISHED_COLUMNS)) {
      refuseLongField(show(file), line, record);
      const parsed = PublishedRowSchema.safeParse(record);
      if (!parsed.success) throw new UserError(`${show(file)}:${line}: ${describeIssue(parsed.error)}`);
      const row = parsed.data;
      if (row.treaty !== treaty.id) throw new UserError(`${show(file)}:${line}: a row of treaty "${row.treaty}" in the file of ${treaty.id}`);
      if (!codes.has(row.code)) throw new UserError(`${show(file)}:${line}: unknown participant code "${row.code}"`);
      if (seen.has(row.code)) throw new UserError(`${show(file)}:${line}: a second date for ${row.code}`);
      seen.add(row.code);
      published.push(row);
    }
  }
  const reports: ReportRow[] = [];
  for (const treaty of treaties) {
    const file = join(dir, 'reports', `${treaty.id}.csv`);
    if (!existsSync(file)) continue;
    for (const { line, record } of readCsvRecords(readFileSync(file, 'utf8'), show(file), REPORT_COLUMNS)) {
      refuseLongField(show(file), line, record);
      const parsed = ReportRowSchema.safeParse(record);
      if (!parsed.success) throw new UserError(`${show(file)}:${line}: ${describeIssue(parsed.error)}`);
      const row = parsed.data;
      if (row.treaty !== treaty.id) throw new UserError(`${show(file)}:${line}: a row of treaty "${row.treaty}" in the file of ${treaty.id}`);
      if (row.code !== null && !codes.has(row.code)) throw new UserError(`${show(file)}:${line}: unknown participant code "${row.code}"`);
      reports.push(row);
    }
  }
  return { dir, treaties, participants, actions, published, reports };
}

/** The same field maximum as for what users record: the bundled data is held to it before anything is seeded. */
function refuseLongField(file: string, line: number | string, record: Readonly<Record<string, unknown>>): void {
  const problem = longFieldProblem(record);
  if (problem) throw new UserError(`${file}:${line}: ${problem}`);
}

/**
 * A dated total proves the parties it names in `not_in_data` (and leaves out those in `left_out`): each
 * must be a participant the data knows, or the total would count a party no one can name.
 */
function unknownCountCodes(treaty: TreatyDefinition, codes: ReadonlySet<string>): { path: string; code: string } | undefined {
  const totals = [['snapshot', treaty.snapshot] as const, ...(treaty.counts ?? []).map((c, i) => [`counts.${i}`, c] as const)];
  for (const [path, total] of totals) {
    const lists = [['not_in_data', total.not_in_data ?? []], ['left_out.signatories', total.left_out?.signatories ?? []], ['left_out.parties', total.left_out?.parties ?? []]] as const;
    for (const [key, list] of lists) {
      const code = list.find((c) => !codes.has(c));
      if (code !== undefined) return { path: `${path}.${key}`, code };
    }
  }
  return undefined;
}

/** The line (from 1) of the first occurrence of `needle` in a file's text, for an error that names it. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

function checkUnique<T>(rows: readonly T[], key: (row: T) => string, what: string, file: string): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const k = key(row);
    if (seen.has(k)) throw new UserError(`${file}: ${what} "${k}" appears twice`);
    seen.add(k);
  }
}
