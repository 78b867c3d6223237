// treaty add <file.xml>: a new treaty from the UN Treaty Collection's status page (MTDSG XML). The
// rule of entry into force comes from a rule file, the flags, or the depositary's own words on the
// page (add-rule.ts). Participants the page names that the database lacks (a State that no longer
// exists, a territory, a predecessor a footnote names) are added under an X code rather than
// dropped, and said so. The page's header is checked against what was read, and each difference
// is named with its cause.
import { splitIsoDate, type IsoDate } from '../domain/dates.js';
import type { ActionRow, Participant, TreatyDefinition } from '../domain/model.js';
import { buildNameIndex, resolveParticipant } from '../domain/names.js';
import { normalizeName } from '../domain/nearest.js';
import { entryIntoForce } from '../domain/entry-into-force.js';
import { describeRule } from '../domain/explain.js';
import { describeIssue, TreatyDefinitionSchema } from '../domain/schemas.js';
import { ACTIONS } from '../domain/vocabulary.js';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import { actionRowsOf, decodeMtdsg, parseMtdsg, showsConsent, showsSignature, type MtdsgDocument } from '../formats/mtdsg.js';
import { pageConditions, unreadShare } from './add-conditions.js';
import { ruleEnv } from './rule-env.js';
import type { ListResult } from '../formats/result.js';
import { actionWriter } from '../store/writes.js';
import { countChecks } from '../formats/mtdsg-counts.js';
import { footnoteFacts } from '../formats/mtdsg-footnotes.js';
import { readSignatureWindow } from '../formats/mtdsg-signature-window.js';
import { statusPageAddress } from '../formats/mtdsg-address.js';
import { ruleOf } from './add-rule.js';
import { countsDiffer, entryIntoForceDiffers } from '../domain/checks.js';
import { keepChecks } from '../store/checks.js';
import { dataDateNote, latestDateOn } from './data-date.js';
import { MAX_PAGE_BYTES } from '../domain/limits.js';
import { longFieldProblem } from '../domain/field-limits.js';
import { readCappedFile } from '../read-capped-file.js';

export interface AddOptions {
  db: string | undefined;
  file: string;
  /** Where the page comes from; by default the treaty's page at the UN Treaty Collection. */
  source: string | undefined;
  aliases: readonly string[];
  shortTitle: string | undefined;
  /** The rule: a JSON file, or the numbers below. */
  ruleFile: string | undefined;
  threshold: number | undefined;
  days: number | undefined;
  months: number | undefined;
  firstOfMonth: boolean;
  laterDays: number | undefined;
  snapshotDate: IsoDate | undefined;
  dryRun: boolean;
  command: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "Paris, 12 December 2015" → place and ISO date. */
export function parseConclusion(text: string): { place: string; date: IsoDate } | null {
  const m = /^(.*?),?\s+(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*$/.exec(text.replace(/\s+/g, ' ').trim());
  const month = m ? MONTHS.indexOf(m[3]!.toLowerCase()) + 1 : 0;
  if (!m || month === 0) return null;
  const date = `${m[4]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return splitIsoDate(date) ? { place: m[1]!.trim() || 'unknown', date } : null;
}

export async function addTreaty(ctx: Ctx, given: AddOptions): Promise<ListResult> {
  const doc = parseMtdsg(decodeMtdsg(readCappedFile(given.file, MAX_PAGE_BYTES, 'a status page'), given.file), given.file);
  const page = `https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${doc.id}`;
  const o = { ...given, source: given.source ?? page };
  // The page's own XML address, so that treaty sync --treaty finds it; a source given is where it came from.
  const statusXml = given.source ?? statusPageAddress(doc.id);
  const { facts, unread } = footnoteFacts(doc.notes);
  const { rule, from: ruleFrom, reioOpen } = ruleOf(o, doc, facts);
  const concluded = parseConclusion(doc.conclusion);
  if (!concluded) throw new UserError(`${o.file}: cannot read the place and date of conclusion from "${doc.conclusion}"`);
  const window = readSignatureWindow(doc.treaty_note, doc.entry_into_force);
  const signatures = doc.rows.flatMap((r) => r.actions.flatMap((a) => (a.action === 'signature' ? [a.date] : []))).sort();
  const onPage = latestDateOn(doc);
  const dataDate = o.snapshotDate !== undefined ? { date: o.snapshotDate, how: 'given' as const } : onPage !== null ? { date: onPage, how: 'page' as const } : { date: ctx.today(), how: 'fetched' as const };
  const definition = TreatyDefinitionSchema.safeParse({
    id: doc.id,
    aliases: [...o.aliases],
    short_title: o.shortTitle ?? (doc.title.length > 60 ? `${doc.title.slice(0, 57)}...` : doc.title || doc.id),
    title: doc.title || doc.id,
    concluded,
    depositary: {
      name: 'Secretary-General of the United Nations',
      reference: `UN Treaty Collection, MTDSG ${doc.id}`,
      url: page,
      ...(statusXml ? { status_xml: statusXml } : {}),
    },
    signature: {
      opens_on: window.opens_on ?? (signatures[0] && signatures[0] < concluded.date ? signatures[0] : concluded.date),
      closes_on: window.closes_on,
      closes: window.closes,
      text: window.words
        ? `The status page's treaty note: ${window.words}`
        : `Concluded at ${concluded.place} on ${concluded.date}; the status page does not say when the treaty was open for signature.`,
      source: o.source,
    },
    actions: [...ACTIONS],
    rule,
    snapshot: { date: dataDate.date, signatories: doc.signatories, parties: doc.parties, source: o.source, note: `Header of the status page read by treaty add from ${o.file}; ${dataDateNote(dataDate.how, dataDate.date)}.` },
    ...(doc.texts.length ? { depositary_texts: doc.texts } : {}),
    ...(doc.notes.length ? { footnotes: doc.notes } : {}),
    ...(doc.entry_into_force ? { entry_into_force: { date: doc.entry_into_force, source: o.source, note: 'Given in the header of the status page.' } } : {}),
  });
  if (!definition.success) throw new UserError(`${o.file}: ${describeIssue(definition.error)}`);
  refuseLongFields(o.file, doc, definition.data);
  return ctx.withStore(o.db, 'write', (store) => {
    if (store.treaties().some((t) => t.id === definition.data.id)) throw new UserError(`treaty ${definition.data.id} is already in the database`, `update its actions with: treaty import ${o.file}`);
    const known = store.participants();
    const index = buildNameIndex(known.values());
    const added: Participant[] = [];
    const codeOf = new Map<string, string>();
    const addUnknown = (name: string) => {
      const code = nextFreeCode(new Set([...known.keys(), ...added.map((p) => p.code)]));
      added.push({ code, iso2: null, name, short_name: name, aliases: [], kind: 'state', un_group: 'none', groups: [] });
      codeOf.set(name, code);
    };
    for (const r of doc.rows) {
      const found = resolveParticipant(r.name, index);
      if (found.kind === 'found') codeOf.set(r.name, found.participant.code);
      else if (found.kind === 'ambiguous') throw new UserError(`${o.file}: "${r.name}" fits several participants: ${found.candidates.map((p) => p.code).join(', ')}`);
      else addUnknown(r.name);
    }
    const rows: ActionRow[] = [];
    for (const r of doc.rows) for (const row of actionRowsOf(r, definition.data.id, codeOf.get(r.name)!, o.source)) rows.push(row);
    // A footnote's subject is taken only by its exact name: "Republic of Viet-Nam" is not Viet Nam.
    const rowOf = new Map(doc.rows.map((r) => [normalizeName(r.name), r.name]));
    const exactly = (name: string) => {
      const n = normalizeName(name);
      if (rowOf.has(n)) return codeOf.get(rowOf.get(n)!)!;
      const hit = [...known.values(), ...added].filter((p) => [p.name, p.short_name, ...p.aliases].some((a) => normalizeName(a) === n));
      if (hit.length === 1) return hit[0]!.code;
      addUnknown(name);
      return codeOf.get(name)!;
    };
    const seen = new Set(rows.map((r) => `${r.code}|${r.action}|${r.date}`));
    const footnoteRows: ActionRow[] = [];
    for (const f of facts) {
      const code = exactly(f.participant);
      const row = {
        treaty: definition.data.id, code, action: f.action, date: f.date, reference: null, source: o.source,
        note: `depositary footnote ${f.note}: ${f.sentence}${f.effective_on ? ` (effective on ${f.effective_on})` : ''}`,
      };
      if (seen.has(`${code}|${row.action}|${row.date}`)) continue;
      seen.add(`${code}|${row.action}|${row.date}`);
      footnoteRows.push(row);
      rows.push(row);
    }
    const leftOut = leftOutOfCounts(doc, codeOf, footnoteRows, definition.data.rule.counted_actions);
    // Each text's participant by code where its name is known, so that texts and history find it.
    const texts = definition.data.depositary_texts?.map((t) => {
      const found = codeOf.get(t.participant) ?? (() => { const r = resolveParticipant(t.participant, index); return r.kind === 'found' ? r.participant.code : undefined; })();
      return found ? { ...t, code: found } : t;
    });
    let treaty: TreatyDefinition = {
      ...definition.data,
      ...(texts ? { depositary_texts: texts } : {}),
      snapshot: { ...definition.data.snapshot, ...(leftOut.signatories.length || leftOut.parties.length ? { left_out: leftOut } : {}) },
    };
    const everyone = new Map([...known, ...added.map((p) => [p.code, p] as const)]);
    // A list or an earliest date the page's words name become conditions of the rule.
    treaty = {
      ...treaty,
      rule: pageConditions({ doc, rule: treaty.rule, opensOn: treaty.signature.opens_on, file: o.ruleFile ?? o.file, pageFile: o.file, participants: everyone, codeOf, treaties: new Set(store.treaties().map((t) => t.id)), thresholdFromList: o.ruleFile === undefined && o.threshold === undefined }),
    };
    // The depositary's own date of entry into force checks the rule.
    const env = ruleEnv(store);
    let computed = entryIntoForce(treaty.rule, everyone, rows, env).entry_into_force_on;
    let reioNote: string | null = null;
    if (reioOpen) {
      // The page's words do not settle whether the EU's instrument counts in addition; the depositary's date may.
      const other = { ...treaty.rule, excluded_kinds: ['reio' as const] };
      const settled = doc.entry_into_force !== null && computed !== doc.entry_into_force && entryIntoForce(other, everyone, rows, env).entry_into_force_on === doc.entry_into_force;
      const note = settled
        ? "An organization's instrument is not counted in addition to its members': that gives the depositary's date; the page's words do not say."
        : "The page's words do not say whether an organization's instrument counts in addition to its members': every instrument is counted, as the clause reads.";
      treaty = { ...treaty, rule: { ...(settled ? other : treaty.rule), note: [treaty.rule.note, note].filter(Boolean).join(' ') } };
      if (settled) computed = doc.entry_into_force;
      reioNote = settled
        ? "an organization's instrument does not count in addition to its members' here: that gives the depositary's date (the page's words do not say)"
        : `the page does not say whether an organization's instrument (the EU's) counts in addition to its members': every instrument counts, as the clause reads (else give --rule FILE with "excluded_kinds": ["reio"])`;
    }
    const ruleCheck =
      doc.entry_into_force && computed !== doc.entry_into_force
        ? `the depositary gives entry into force on ${doc.entry_into_force}, the rule given gives ${computed ?? 'none yet'}: check the rule (a condition it cannot express?)`
        : null;
    const predecessors = new Set(footnoteRows.map((r) => r.code).filter((c) => !doc.rows.some((r) => codeOf.get(r.name) === c)));
    // Coded, and kept with the data they were found on: status and the other views show them until it changes.
    const found = [
      ...(doc.entry_into_force && computed !== doc.entry_into_force ? [entryIntoForceDiffers(doc.entry_into_force, computed)] : []),
      ...countChecks(doc).map((c) => countsDiffer(c.what, dataDate.date, c.header, c.table)),
    ];
    for (const row of rows) {
      const problem = longFieldProblem(row, ['reference', 'source', 'note']);
      if (problem) throw new UserError(`${o.file}: the action ${row.code} ${row.action} on ${row.date}: ${problem}`);
    }
    for (const p of added) {
      const problem = longFieldProblem({ name: p.name });
      if (problem) throw new UserError(`${o.file}: a participant the footnotes name: its ${problem}`);
    }
    if (!o.dryRun) {
      store.write(o.command, (tx) => {
        tx.insert('treaties', { id: treaty.id, short_title: treaty.short_title, title: treaty.title, data_as_of: treaty.snapshot.date, definition: JSON.stringify(treaty) });
        for (const alias of new Set([treaty.id, ...treaty.aliases])) tx.insertIfAbsent('treaty_aliases', { alias, treaty: treaty.id });
        for (const p of added) {
          tx.insert('participants', {
            code: p.code, iso2: null, name: p.name, short_name: p.short_name, aliases: '', kind: 'state', un_group: 'none', groups: '', source: o.source,
            note: `Named by the status page of ${treaty.id}; no ISO code (added by treaty add).`,
          });
        }
        const write = actionWriter(tx);
        for (const a of rows) write.add(a);
        // Kept with the data they were found on: status and the other views show them until it changes.
        keepChecks(tx, treaty.id, found, o.command, ctx.now());
      });
    }
    const signed = doc.rows.filter(showsSignature).length;
    const consented = doc.rows.filter(showsConsent).length;
    const checks = [ruleCheck, ...countChecks(doc).map((c) => `the header counts ${c.header} ${c.what}, the table has ${c.table}: ${c.cause}`)].filter(Boolean);
    const lines = [
      `${o.dryRun ? 'would add' : 'added'} treaty ${treaty.id} (${treaty.short_title}): ${rows.length} actions of ${doc.rows.length} participants; ${checks.length ? 'the header disagrees:' : "the header's counts and date of entry into force agree"}`,
      ...checks,
      dataDateNote(dataDate.how, dataDate.date),
      ...[unreadShare(doc, treaty.rule)].filter((line) => line !== null),
      `rule (${ruleFrom === 'words' ? "read from the page's words" : ruleFrom === 'words and flags' ? "the page's words, with the command line's" : ruleFrom === 'file' ? 'from the rule file' : 'from the command line'}): ${describeRule(treaty)}`,
      ...(reioNote ? [reioNote] : []),
      ...(treaty.rule.later === null ? ["the page does not state when the treaty enters into force for a later party: those dates are left empty (give --later-days N or --rule)"] : []),
      ...(footnoteRows.length
        ? [`read ${footnoteRows.length} action${footnoteRows.length === 1 ? '' : 's'} from the table's footnotes${predecessors.size ? `, of ${predecessors.size} predecessor or former participant${predecessors.size === 1 ? '' : 's'} (${[...predecessors].map((c) => [...known.values(), ...added].find((p) => p.code === c)?.name ?? c).join(', ')}): they count for entry into force, not in the header's counts of current participants` : ''}`]
        : []),
      ...(leftOut.signatories.length + leftOut.parties.length > 0
        ? [`left out of the header's counts, which are of current participants: ${leftOut.signatories.length} signator${leftOut.signatories.length === 1 ? 'y' : 'ies'} and ${leftOut.parties.length} part${leftOut.parties.length === 1 ? 'y' : 'ies'} whose signature or instrument was withdrawn or denounced since (shown in brackets), or that no longer exist`]
        : []),
      ...(unread.length ? [`kept ${doc.notes.length} footnote${doc.notes.length === 1 ? '' : 's'} as the depositary's notes (${unread.length} state no action read here)`] : []),
      ...(doc.repairs.length ? [`repaired: ${doc.repairs.join('; ')}`] : []),
      ...added.map((p) => `new participant without an ISO code: ${p.name} (${p.code})`),
      ...(doc.texts.length ? [`kept ${doc.texts.length} declarations, reservations and objections as the depositary's text`] : []),
    ];
    return {
      kind: 'list',
      columns: ['id', 'title', 'signatories', 'parties', 'actions', 'footnote_actions', 'new_participants'],
      rows: [{ id: treaty.id, title: treaty.title, signatories: signed, parties: consented, actions: rows.length, footnote_actions: footnoteRows.length, new_participants: added.map((p) => p.code).join(' ') }],
      notice: lines.join('\n'),
      noticeAlways: true,
    };
  });
}

/** The names and titles a page gives are held to the field maximum before anything is matched or stored. */
function refuseLongFields(file: string, doc: MtdsgDocument, treaty: TreatyDefinition): void {
  for (const r of doc.rows) {
    const problem = longFieldProblem({ name: r.name });
    if (problem) throw new UserError(`${file}: participants table, row ${r.index}: the participant's ${problem}`);
  }
  const problem = longFieldProblem({ title: treaty.title, short_title: treaty.short_title }) ?? treaty.aliases.map((alias) => longFieldProblem({ alias })).find(Boolean);
  if (problem) throw new UserError(`${file}: the treaty's ${problem}`);
}

/**
 * Whom the header's counts leave out though the rows count them: a signature or instrument shown in
 * brackets (withdrawn or denounced since) and the predecessors whose instruments a footnote gives.
 */
function leftOutOfCounts(doc: MtdsgDocument, codeOf: ReadonlyMap<string, string>, footnoteRows: readonly ActionRow[], counted: readonly string[]) {
  const signatories = new Set<string>();
  const parties = new Set<string>();
  const current = new Set<string>();
  for (const r of doc.rows) {
    const code = codeOf.get(r.name)!;
    current.add(code);
    if (!showsSignature(r) && r.actions.some((a) => a.action === 'signature')) signatories.add(code);
    if (!showsConsent(r) && r.actions.some((a) => counted.includes(a.action))) parties.add(code);
  }
  for (const a of footnoteRows) {
    if (current.has(a.code)) continue;
    if (a.action === 'signature') signatories.add(a.code);
    if (counted.includes(a.action)) parties.add(a.code);
  }
  return { signatories: [...signatories].sort(), parties: [...parties].sort() };
}

/** X00, X01, ... X0Z, X10, ...: the first code of that form not taken. */
function nextFreeCode(taken: ReadonlySet<string>): string {
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of digits) for (const b of digits) if (!taken.has(`X${a}${b}`)) return `X${a}${b}`;
  throw new UserError('no free code left for a participant without an ISO code');
}

