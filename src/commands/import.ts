// treaty import <file>...: action rows from CSV, TSV, JSON, NDJSON, or the depositary's XML status
// page. Every file is read and checked before the database is touched; all files land in one
// transaction, or none of them does.
import { readFileSync } from 'node:fs';
import { checkActionRow } from '../domain/action-row-check.js';
import { checkActions } from '../domain/check-actions.js';
import type { ActionRow, Participant, TreatyDefinition } from '../domain/model.js';
import { buildNameIndex, resolveParticipant } from '../domain/names.js';
import { describePlan, isEmpty, planAdd, type Located, type Plan } from '../domain/plan.js';
import { ActionRowSchema, describeIssue, type PublishedRow, type ReportRow } from '../domain/schemas.js';
import type { Ctx } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { actionRowsOf, decodeMtdsg, parseMtdsg, showsConsent, showsSignature, type MtdsgDocument } from '../formats/mtdsg.js';
import { decodeText, detectFormat, LineRecord, readRecords, streamRecords, STREAMED_FORMATS, type InputFormat, type SourcedRecord, type StreamedFormat } from '../formats/read-actions.js';
import { cannotRead, checkImportFile, fileHead, tooLarge } from '../formats/text-chunks.js';
import { MAX_PAGE_BYTES, MAX_WHOLE_IMPORT_BYTES } from '../domain/limits.js';
import { readCappedFile } from '../read-capped-file.js';
import type { ListResult } from '../formats/result.js';
import { ACTION_COLUMNS } from '../store/bundled-data.js';
import { writePublished, writeReports, type FactCounts } from '../store/fact-writes.js';
import type { Store } from '../store/store.js';
import { applyBulk } from '../store/bulk-import.js';
import { storedActions, writeTransaction } from '../store/writes.js';
import { setDataAsOf } from '../store/data-date.js';
import type { IsoDate } from '../domain/dates.js';
import { countsDiffer, type Check } from '../domain/checks.js';
import { keepChecks } from '../store/checks.js';
import { dataDateNote, dataDates, latestDateOn } from './data-date.js';
import { factRows, readFactRows, tableOf } from './import-facts.js';
import { planResult } from './plan-result.js';

export interface ImportOptions {
  db: string | undefined;
  files: readonly string[];
  format: InputFormat | undefined;
  /** For a depositary XML file: where its facts come from (default: the treaty's status page address). */
  source: string | undefined;
  replace: boolean;
  dryRun: boolean;
  command: string;
  /** The date the imported data is as of, for every treaty it touches (--data-as-of). */
  dataAsOf?: IsoDate | undefined;
  /** For status pages fetched from the network: the day they were fetched, their data's date. */
  fetchedOn?: IsoDate | undefined;
}

/** One file, read: rows already in DESIGN shape, or a depositary document still to be matched to names. */
export type Input =
  | { file: string; rows: Located<ActionRow>[] }
  | { file: string; document: MtdsgDocument; bytes: number }
  | { file: string; published: Located<PublishedRow>[] }
  | { file: string; reports: Located<ReportRow>[] };

export function readInput(file: string, bytes: Uint8Array, format: InputFormat | undefined): Input {
  const chosen = format ?? detectFormat(file, new TextDecoder('latin1').decode(bytes.subarray(0, 512)));
  if (chosen === 'xml') return { file, document: parseMtdsg(decodeMtdsg(bytes, file), file), bytes: bytes.length };
  const text = decodeText(bytes, file);
  if (text.trim() === '') throw new UserError(`${file}: the file is empty`);
  const facts = readFactRows(text, file, chosen);
  if (facts) return { file, ...facts };
  return { file, rows: checkedRows(readRecords(text, file, chosen, ACTION_COLUMNS)) };
}

/** Enough of a file to tell its format and, from its header or first object, what table it holds. */
const HEAD_BYTES = 64 * 1024;

/**
 * One file, read: action rows in CSV or NDJSON a piece at a time, each checked as it is read, so a
 * bad row stops the reading on its line; other files (JSON, TSV, XML, facts) read whole.
 */
export function readInputFile(file: string, format: InputFormat | undefined): Input {
  const size = checkImportFile(file);
  const head = fileHead(file, HEAD_BYTES);
  const chosen = format ?? detectFormat(file, new TextDecoder('latin1').decode(head.subarray(0, 512)));
  // A status page takes many times its size to parse: the cap of add and sync.
  if (chosen === 'xml') return readInput(file, readCappedFile(file, MAX_PAGE_BYTES, 'a status page'), chosen);
  const start = new TextDecoder('utf-8').decode(head);
  const streamed = (STREAMED_FORMATS as readonly string[]).includes(chosen) && start.trim() !== '' && tableOf(start, chosen as StreamedFormat) === 'actions';
  if (streamed) return { file, rows: checkedRows(streamRecords(file, chosen as StreamedFormat, ACTION_COLUMNS)) };
  // What the first bytes show is said before the size: a binary file is not a text file too large.
  if (size > MAX_WHOLE_IMPORT_BYTES) {
    if (head.includes(0)) throw new UserError(`${file}: not a text file (it contains NUL bytes)`);
    throw tooLarge(file, MAX_WHOLE_IMPORT_BYTES);
  }
  if (size <= head.length) return readInput(file, head, format);
  return readInput(file, readFileBytes(file), format);
}

/** A row and its line, without making its "file:line" text: a message asks for few of them. */
class RowOnLine implements Located<ActionRow> {
  constructor(
    private readonly file: string,
    private readonly line: number,
    readonly row: ActionRow,
  ) {}

  get where(): string {
    return `${this.file}:${this.line}`;
  }
}

/** Distinct texts kept once (treaties, codes, actions, dates repeat on every row), up to a bound. */
const SHARED_TEXTS = 200_000;

/** Each record checked by hand as it comes; a refused one is described by the schema, the reference. */
function checkedRows(records: Iterable<SourcedRecord>): Located<ActionRow>[] {
  const rows: Located<ActionRow>[] = [];
  const shared = new Map<string, string>();
  const once = (text: string): string => {
    const kept = shared.get(text);
    if (kept !== undefined) return kept;
    if (shared.size < SHARED_TEXTS) shared.set(text, text);
    return text;
  };
  for (const sourced of records) {
    const row = checkActionRow(sourced.record);
    if ('refused' in row) {
      const parsed = ActionRowSchema.safeParse(sourced.record);
      throw new UserError(`${sourced.where}: ${parsed.success ? `${row.refused || 'row'}: not accepted` : describeIssue(parsed.error)}`);
    }
    row.treaty = once(row.treaty);
    row.code = once(row.code);
    row.action = once(row.action) as ActionRow['action'];
    row.date = once(row.date);
    rows.push(sourced instanceof LineRecord ? new RowOnLine(sourced.file, sourced.line, row) : { where: sourced.where, row });
  }
  return rows;
}

export function readFileBytes(file: string): Uint8Array {
  checkImportFile(file);
  try {
    return readFileSync(file);
  } catch (e) {
    throw cannotRead(file, e);
  }
}

/** The action rows a depositary status page states, for a treaty already in the database. */
export function depositaryRows(doc: MtdsgDocument, file: string, treaty: TreatyDefinition, participants: Iterable<Participant>, source: string | undefined): Located<ActionRow>[] {
  const from = source ?? treaty.depositary.status_xml;
  if (!from) throw new UserError(`${file}: say where this status page comes from`, 'add --source URL');
  const index = buildNameIndex(participants);
  const rows: Located<ActionRow>[] = [];
  for (const r of doc.rows) {
    const where = `${file}: participants table, row ${r.index} (${r.name})`;
    const found = resolveParticipant(r.name, index);
    if (found.kind !== 'found') throw new UserError(`${where}: no participant of that name in the database`, found.kind === 'ambiguous' ? `it fits ${found.candidates.map((p) => p.code).join(', ')}` : undefined);
    for (const row of actionRowsOf(r, treaty.id, found.participant.code, from)) rows.push({ where, depositary: true, row });
  }
  return rows;
}

export async function importFiles(ctx: Ctx, o: ImportOptions): Promise<ListResult> {
  // Everything that needs no database is checked first: a bad file changes no byte.
  const inputs = o.files.map((file) => readInputFile(file, o.format));
  if (o.source !== undefined && inputs.every((i) => !('document' in i))) {
    throw new UsageError('--source applies to depositary XML status pages; CSV, TSV and JSON rows carry their own source column');
  }
  return importInputs(ctx, inputs, o);
}

/** Adds what the inputs say to the database, in one transaction (or says what it would add, with dryRun). */
export async function importInputs(ctx: Ctx, inputs: readonly Input[], o: Omit<ImportOptions, 'files' | 'format'>): Promise<ListResult> {
  return ctx.withStore(o.db, 'write', (store) => {
    const { rows, notes, found } = collect(inputs, store, o.source, o.fetchedOn);
    const treaties = new Map(store.definitions().map((t) => [t.id, t]));
    // A repeated row is found by planAdd, on the same words: one map of every key, not two.
    const problems = checkActions(rows, treaties, new Set(store.participants().keys()), { repeats: false });
    throwFirst(problems);
    const facts = factRows(inputs, treaties, new Set(store.participants().keys()));
    let plan: Plan | undefined;
    const factNotes: string[] = [];
    writeTransaction(store.db, () => {
      const now = ctx.now();
      const say = (what: string, c: FactCounts) => factNotes.push(`${what}: ${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged`);
      if (facts.published.length) say('parties with unknown dates', writePublished(store.db, facts.published, o.command, now, o.dryRun));
      if (facts.reports.length) say('reports', writeReports(store.db, facts.reports, o.command, now, o.dryRun));
      const planned = planAdd(storedActions(store.db, [...new Set(rows.map((r) => r.row.treaty))]), rows, o.replace);
      throwFirst(planned.problems);
      plan = planned.plan;
      if (!o.dryRun && !isEmpty(plan)) applyBulk(store.db, plan, o.command, ctx.now());
      for (const [treaty, { date, how, counts }] of dataDates(inputs, rows, o, treaties)) {
        if (o.dryRun || setDataAsOf(store.db, treaty, date, dataDateNote(how, date), o.command, ctx.now(), counts)) notes.push(`${treaty}: ${dataDateNote(how, date)}`);
      }
      // Last, so that each is kept with the data as this import leaves it.
      if (!o.dryRun) for (const t of new Set(found.map((f) => f.treaty))) keepChecks(store.db, t, found.filter((f) => f.treaty === t).map((f) => f.check), o.command, ctx.now());
    });
    const done = plan!;
    const from = inputs.length === 1 ? inputs[0]!.file : `${inputs.length} files`;
    const changedFacts = factNotes.some((n) => !/ 0 added, 0 changed/.test(n));
    const verb = o.dryRun ? 'would import' : isEmpty(done) && !changedFacts ? 'no change' : 'imported';
    const summary = rows.length > 0 || factNotes.length === 0 ? `${verb} from ${from}: ${describePlan(done)}` : `${verb} from ${from}: ${factNotes.shift()}`;
    return planResult(done, [summary, ...factNotes, ...notes].join('\n'), o.dryRun);
  });
}

function collect(inputs: readonly Input[], store: Store, source: string | undefined, fetchedOn?: IsoDate): { rows: Located<ActionRow>[]; notes: string[]; found: { treaty: string; check: Check }[] } {
  const rows: Located<ActionRow>[] = [];
  const notes: string[] = [];
  const disagreements: { treaty: string; check: Check }[] = [];
  for (const input of inputs) {
    if ('published' in input || 'reports' in input) continue;
    if ('rows' in input) {
      for (const r of input.rows) rows.push(r); // not push(...rows): a large file overflows the stack
      continue;
    }
    const doc = input.document;
    let treaty: TreatyDefinition;
    try {
      treaty = store.treaty(doc.id);
    } catch {
      throw new UserError(`${input.file}: the status page is of treaty ${doc.id}, which is not in the database`);
    }
    const found = depositaryRows(doc, input.file, treaty, store.participants().values(), source);
    for (const r of found) rows.push(r);
    if (doc.repairs.length) notes.push(`${input.file}: repaired: ${doc.repairs.join('; ')}`);
    const signatures = doc.rows.filter(showsSignature).length;
    const consents = doc.rows.filter(showsConsent).length;
    if (doc.signatories !== null && doc.signatories !== signatures) notes.push(`${input.file}: the header counts ${doc.signatories} signatories, the table has ${signatures} signatures`);
    if (doc.parties !== null && doc.parties !== consents) notes.push(`${input.file}: the header counts ${doc.parties} parties, the table has ${consents} instruments`);
    // The page's header counts are not kept with the treaty: the disagreement is stored, or it would be forgotten.
    const on = fetchedOn ?? latestDateOn(doc);
    if (on !== null && doc.signatories !== null && doc.signatories !== signatures) disagreements.push({ treaty: treaty.id, check: countsDiffer('signatories', on, doc.signatories, signatures) });
    if (on !== null && doc.parties !== null && doc.parties !== consents) disagreements.push({ treaty: treaty.id, check: countsDiffer('parties', on, doc.parties, consents) });
  }
  return { rows, notes, found: disagreements };
}

function throwFirst(problems: readonly { where: string; message: string; hint?: string }[]): void {
  const first = problems[0];
  if (!first) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'}; nothing was imported)` : ' (nothing was imported)';
  throw new UserError(`${first.where}: ${first.message}`, `${first.hint ? `${first.hint}; ` : ''}fix the file and import again${more}`);
}

