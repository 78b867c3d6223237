// treaty import <file>...: action rows from CSV, TSV, JSON, NDJSON, or the depositary's XML status
// page. Each file is checked for what needs no database first; then the rows are read, checked and
// planned inside one transaction (store/action-staging.ts), and all files land in it, or none of them
// does: a refused row leaves the database as it was, byte for byte.
import { readFileSync } from 'node:fs';
import { checkActionRow } from '../domain/action-row-check.js';
import { checkActions } from '../domain/check-actions.js';
import type { ActionRow, Participant, TreatyDefinition } from '../domain/model.js';
import { buildNameIndex, resolveParticipant } from '../domain/names.js';
import { describeCounts, isEmptyCounts, REPEATABLE_ACTIONS, type Located } from '../domain/plan.js';
import { ActionRowSchema, describeIssue, type PublishedRow, type ReportRow } from '../domain/schemas.js';
import type { Ctx } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { actionRowsOf, decodeMtdsg, parseMtdsg, showsConsent, showsSignature, type MtdsgDocument } from '../formats/mtdsg.js';
import { decodeText, detectFormat, LineRecord, readRecords, streamRecords, STREAMED_FORMATS, type InputFormat, type SourcedRecord, type StreamedFormat } from '../formats/read-actions.js';
import { checkImportFile, fileHead, tooLarge } from '../formats/text-chunks.js';
import { MAX_PAGE_BYTES, MAX_WHOLE_IMPORT_BYTES } from '../domain/limits.js';
import { cannotRead, readCappedFile } from '../read-capped-file.js';
import type { ListResult } from '../formats/result.js';
import { ACTION_COLUMNS } from '../store/bundled-data.js';
import { writePublished, writeReports, type FactCounts } from '../store/fact-writes.js';
import type { Store } from '../store/store.js';
import type { ActionStaging, StagedCounts, StagedPlace, StagedRows } from '../store/action-staging.js';
import { setDataAsOf } from '../store/data-date.js';
import type { IsoDate } from '../domain/dates.js';
import { countsDiffer, type Check } from '../domain/checks.js';
import { keepChecks } from '../store/checks.js';
import { dataDateNote, dataDates, latestDateOn } from './data-date.js';
import { factRows, readFactRows, tableOf } from './import-facts.js';
import { stagedPlanResult } from './plan-result.js';

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
  /** Rows read as they are iterated (once): a streamed file is read inside the import's transaction. */
  | { file: string; rows: Iterable<Located<ActionRow>> }
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
  return { file, rows: [...checkedRows(readRecords(text, file, chosen, ACTION_COLUMNS))] };
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
    readonly file: string,
    readonly line: number,
    readonly row: ActionRow,
  ) {}

  get where(): string {
    return `${this.file}:${this.line}`;
  }
}

/** Each record checked by hand as it comes; a refused one is described by the schema, the reference. */
function* checkedRows(records: Iterable<SourcedRecord>): Generator<Located<ActionRow>> {
  for (const sourced of records) {
    const row = checkActionRow(sourced.record);
    if ('refused' in row) {
      const parsed = ActionRowSchema.safeParse(sourced.record);
      throw new UserError(`${sourced.where}: ${parsed.success ? `${row.refused || 'row'}: not accepted` : describeIssue(parsed.error)}`);
    }
    yield sourced instanceof LineRecord ? new RowOnLine(sourced.file, sourced.line, row) : { where: sourced.where, row };
  }
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
    const { sources, notes, found } = collect(inputs, store, o.source, o.fetchedOn);
    const treaties = new Map(store.definitions().map((t) => [t.id, t]));
    const codes = new Set(store.participants().keys());
    let planned: { counts: StagedCounts; rows: StagedRows } | undefined;
    let staged = 0;
    const factNotes: string[] = [];
    // A dry run writes the same set and rolls it back: its counts are the real write's.
    store.write(
      o.command,
      (tx) => {
        const now = ctx.now();
        const staging = tx.stageActions();
        const touched = stageRows(staging, sources, treaties, codes, o.replace);
        staged = staging.count;
        const facts = factRows(inputs, treaties, codes);
        const say = (what: string, c: FactCounts) => factNotes.push(`${what}: ${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged`);
        if (facts.published.length) say('parties with unknown dates', writePublished(tx, facts.published));
        if (facts.reports.length) say('reports', writeReports(tx, facts.reports));
        planned = staging.apply({ replace: o.replace, listed: LISTED_ROWS, listUnchanged: o.dryRun });
        for (const [treaty, { date, how, counts }] of dataDates(inputs, touched, o, treaties)) {
          if (setDataAsOf(tx, treaty, date, dataDateNote(how, date), counts)) notes.push(`${treaty}: ${dataDateNote(how, date)}`);
        }
        // Last, so that each is kept with the data as this import leaves it.
        for (const t of new Set(found.map((f) => f.treaty))) keepChecks(tx, t, found.filter((f) => f.treaty === t).map((f) => f.check), o.command, now);
      },
      { dryRun: o.dryRun },
    );
    const { counts, rows } = planned!;
    const from = inputs.length === 1 ? inputs[0]!.file : `${inputs.length} files`;
    const changedFacts = factNotes.some((n) => !/ 0 added, 0 changed/.test(n));
    const verb = o.dryRun ? 'would import' : isEmptyCounts(counts) && !changedFacts ? 'no change' : 'imported';
    const summary = staged > 0 || factNotes.length === 0 ? `${verb} from ${from}: ${describeCounts(counts)}` : `${verb} from ${from}: ${factNotes.shift()}`;
    return stagedPlanResult(counts, rows, [summary, ...factNotes, ...notes].join('\n'), o.dryRun);
  });
}

/**
 * How many rows of each kind an import lists (in every format): a table shows 20 and counts the
 * rest; a whole data set's rows are in `treaty export` and `treaty changes --rows`, not in memory.
 */
const LISTED_ROWS = 10_000;

/** Where an input's rows come from: each row with its place, and whether it is the depositary's. */
type RowSource = Iterable<Located<ActionRow>>;

/**
 * Stages every row of every input, checking each against the treaties and participants as it
 * comes; the problems found are thrown once all are read, the first one named and the rest
 * counted, as the plan's own (a row given twice, a second date of a once-only action). Returns the
 * treaties the rows are about.
 */
function stageRows(staging: ActionStaging, sources: readonly RowSource[], treaties: ReadonlyMap<string, TreatyDefinition>, codes: ReadonlySet<string>, replace: boolean): Set<string> {
  const files = new Map<string, number>();
  const names: string[] = [];
  const whereOf = (p: StagedPlace) => ('where' in p ? p.where : `${names[p.file]}:${p.line}`);
  const touched = new Set<string>();
  const checked = new Problems();
  const planned = new Problems();
  const once = new Set<string>();
  for (const source of sources) {
    for (const located of source) {
      const { row } = located;
      // One row at a time: checkActions keeps nothing from one row to the next with repeats off.
      for (const p of checkActions([{ where: located, row }], treaties, codes, { repeats: false })) checked.add({ where: p.where.where, message: p.message });
      touched.add(row.treaty);
      let place: StagedPlace;
      if (located instanceof RowOnLine) {
        let n = files.get(located.file);
        if (n === undefined) files.set(located.file, (n = names.push(located.file) - 1));
        place = { file: n, line: located.line };
      } else place = { where: located.where };
      const isOnce = !REPEATABLE_ACTIONS.includes(row.action);
      if (isOnce) once.add(row.action);
      if (!staging.add(row, place, { once: isOnce, depositary: (located as Located<ActionRow>).depositary === true })) {
        planned.add({ where: located.where, message: `the same action is already at ${whereOf(staging.placeOf(row))}` }, staging.count + 1);
      }
    }
  }
  throwFirst(checked.first, checked.count);
  if (once.size > 0) {
    for (const r of staging.rivals()) {
      // --replace replaces a stored date; two dates in the import itself are the file's own contradiction.
      if (r.in === 'import') {
        const earlier = whereOf(staging.placeOf({ ...r.row, date: r.rival }));
        planned.add(
          { where: whereOf(r.place), message: `${r.row.code}'s ${r.row.action} of ${r.row.treaty} is given on ${r.rival} (${earlier}) and again on ${r.row.date}`, hint: 'keep one of the two rows' },
          r.seq,
        );
      } else if (!replace) {
        planned.add(
          { where: whereOf(r.place), message: `${r.row.code} already has a ${r.row.action} of ${r.row.treaty} on ${r.rival}, not ${r.row.date}`, hint: 'use --replace to replace the stored date' },
          r.seq,
        );
      }
    }
  }
  throwFirst(planned.first, planned.count);
  return touched;
}

interface ImportProblem {
  where: string;
  message: string;
  hint?: string;
}

/** The first problem (by the order of the rows, when given) and how many there are. */
class Problems {
  first: ImportProblem | undefined;
  count = 0;
  private order = Infinity;

  add(p: ImportProblem, order = this.count): void {
    this.count += 1;
    if (this.first === undefined || order < this.order) {
      this.first = p;
      this.order = order;
    }
  }
}

function collect(inputs: readonly Input[], store: Store, source: string | undefined, fetchedOn?: IsoDate): { sources: RowSource[]; notes: string[]; found: { treaty: string; check: Check }[] } {
  const sources: RowSource[] = [];
  const notes: string[] = [];
  const disagreements: { treaty: string; check: Check }[] = [];
  for (const input of inputs) {
    if ('published' in input || 'reports' in input) continue;
    if ('rows' in input) {
      sources.push(input.rows);
      continue;
    }
    const doc = input.document;
    let treaty: TreatyDefinition;
    try {
      treaty = store.treaty(doc.id);
    } catch {
      throw new UserError(`${input.file}: the status page is of treaty ${doc.id}, which is not in the database`);
    }
    sources.push(depositaryRows(doc, input.file, treaty, store.participants().values(), source));
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
  return { sources, notes, found: disagreements };
}

function throwFirst(first: ImportProblem | undefined, count: number): void {
  if (!first) return;
  const more = count > 1 ? ` (and ${count - 1} more problem${count === 2 ? '' : 's'}; nothing was imported)` : ' (nothing was imported)';
  throw new UserError(`${first.where}: ${first.message}`, `${first.hint ? `${first.hint}; ` : ''}fix the file and import again${more}`);
}
