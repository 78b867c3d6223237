// treaty add <file.xml>: a new treaty from the UN Treaty Collection's status page (MTDSG XML). The
// rule of entry into force comes from the command line or a rule file: a status page states it only
// in prose. Participants the page names that the database lacks (a State that no longer exists, a
// territory) are added under an X code rather than dropped, and said so.
import { readFileSync } from 'node:fs';
import { splitIsoDate, type IsoDate } from '../domain/dates.js';
import type { ActionRow, Participant, TreatyDefinition } from '../domain/model.js';
import { buildNameIndex, resolveParticipant } from '../domain/names.js';
import { entryIntoForce } from '../domain/entry-into-force.js';
import { describeIssue, RuleSchema, TreatyDefinitionSchema } from '../domain/schemas.js';
import { ACTIONS } from '../domain/vocabulary.js';
import type { Ctx } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { actionRowsOf, decodeMtdsg, parseMtdsg, type MtdsgDocument } from '../formats/mtdsg.js';
import type { ListResult } from '../formats/result.js';
import { actionWriter, writeTransaction } from '../store/writes.js';
import { countsDiffer, entryIntoForceDiffers } from '../domain/checks.js';
import { keepChecks } from '../store/checks.js';
import { dataDateNote, latestDateOn } from './data-date.js';
import { readFileBytes } from './import.js';

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

function ruleOf(o: AddOptions & { source: string }, doc: MtdsgDocument): TreatyDefinition['rule'] {
  const counted = [...new Set(doc.rows.flatMap((r) => (r.consent ? [r.consent.action] : [])))];
  let raw: unknown;
  if (o.ruleFile !== undefined) {
    try {
      raw = JSON.parse(readFileSync(o.ruleFile, 'utf8'));
    } catch (e) {
      throw new UserError(`${o.ruleFile}: cannot read a rule from it: ${(e as Error).message}`);
    }
  } else {
    if (o.threshold === undefined || (o.days === undefined) === (o.months === undefined)) {
      throw new UsageError('give the rule of entry into force: --threshold N with --days D or --months M [--first-of-month], or --rule FILE');
    }
    const delay = o.days !== undefined ? { days: o.days } : { months: o.months!, ...(o.firstOfMonth ? { then: 'first_of_next_month' as const } : {}) };
    raw = {
      threshold: o.threshold,
      counted_actions: counted.length ? counted : ['ratification', 'acceptance', 'approval', 'accession'],
      excluded_kinds: ['reio'],
      group_condition: null,
      delay,
      later: { delay: o.laterDays !== undefined ? { days: o.laterDays } : delay, not_before_entry_into_force: true },
      denunciation: null,
      text: `Given on the command line: ${o.command}`,
      source: o.source,
    };
  }
  const rule = RuleSchema.safeParse(raw);
  if (!rule.success) throw new UserError(`${o.ruleFile ?? 'the rule'}: ${describeIssue(rule.error)}`);
  return rule.data;
}

export async function addTreaty(ctx: Ctx, given: AddOptions): Promise<ListResult> {
  const doc = parseMtdsg(decodeMtdsg(readFileBytes(given.file), given.file), given.file);
  const page = `https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${doc.id}`;
  const o = { ...given, source: given.source ?? page };
  const rule = ruleOf(o, doc);
  const concluded = parseConclusion(doc.conclusion);
  if (!concluded) throw new UserError(`${o.file}: cannot read the place and date of conclusion from "${doc.conclusion}"`);
  const signatures = doc.rows.flatMap((r) => (r.signature ? [r.signature.date] : [])).sort();
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
      ...(given.source ? { status_xml: given.source } : {}),
    },
    signature: { opens_on: signatures[0] && signatures[0] < concluded.date ? signatures[0] : concluded.date, closes_on: null, text: `Concluded at ${concluded.place} on ${concluded.date}; the closing date for signature is not read from the status page.`, source: o.source },
    actions: [...ACTIONS],
    rule,
    snapshot: { date: dataDate.date, signatories: doc.signatories, parties: doc.parties, source: o.source, note: `Header of the status page read by treaty add from ${o.file}; ${dataDateNote(dataDate.how, dataDate.date)}.` },
    ...(doc.texts.length ? { depositary_texts: doc.texts } : {}),
    ...(doc.entry_into_force ? { entry_into_force: { date: doc.entry_into_force, source: o.source, note: 'Given in the header of the status page.' } } : {}),
  });
  if (!definition.success) throw new UserError(`${o.file}: ${describeIssue(definition.error)}`);
  const treaty = definition.data;

  return ctx.withStore(o.db, 'write', (store) => {
    if (store.treaties().some((t) => t.id === treaty.id)) throw new UserError(`treaty ${treaty.id} is already in the database`, `update its actions with: treaty import ${o.file}`);
    const known = store.participants();
    const index = buildNameIndex(known.values());
    const added: Participant[] = [];
    const codeOf = new Map<string, string>();
    for (const r of doc.rows) {
      const found = resolveParticipant(r.name, index);
      if (found.kind === 'found') codeOf.set(r.name, found.participant.code);
      else if (found.kind === 'ambiguous') throw new UserError(`${o.file}: "${r.name}" fits several participants: ${found.candidates.map((p) => p.code).join(', ')}`);
      else {
        const code = nextFreeCode(new Set([...known.keys(), ...added.map((p) => p.code)]));
        added.push({ code, iso2: null, name: r.name, short_name: r.name, aliases: [], kind: 'state', un_group: 'none', groups: [] });
        codeOf.set(r.name, code);
      }
    }
    const rows: ActionRow[] = [];
    for (const r of doc.rows) for (const row of actionRowsOf(r, treaty.id, codeOf.get(r.name)!, o.source)) rows.push(row);
    // The depositary's own date of entry into force checks the rule given on the command line.
    const computed = entryIntoForce(treaty.rule, new Map([...known, ...added.map((p) => [p.code, p] as const)]), rows).entry_into_force_on;
    const ruleCheck =
      doc.entry_into_force && computed !== doc.entry_into_force
        ? `the depositary gives entry into force on ${doc.entry_into_force}, the rule given gives ${computed ?? 'none yet'}: check the rule (a condition it cannot express?)`
        : null;
    const signed = doc.rows.filter((r) => r.signature).length;
    const consented = doc.rows.filter((r) => r.consent).length;
    const checks = [
      ruleCheck,
      doc.signatories === null ? null : doc.signatories === signed ? null : `the header counts ${doc.signatories} signatories, the table has ${signed}`,
      doc.parties === null ? null : doc.parties === consented ? null : `the header counts ${doc.parties} parties, the table has ${consented}`,
    ].filter(Boolean);
    const found = [
      ...(doc.entry_into_force && computed !== doc.entry_into_force ? [entryIntoForceDiffers(doc.entry_into_force, computed)] : []),
      ...(doc.signatories !== null && doc.signatories !== signed ? [countsDiffer('signatories', dataDate.date, doc.signatories, signed)] : []),
      ...(doc.parties !== null && doc.parties !== consented ? [countsDiffer('parties', dataDate.date, doc.parties, consented)] : []),
    ];
    if (!o.dryRun) {
      writeTransaction(store.db, () => {
        const now = ctx.now();
        const log = store.db.prepare("INSERT INTO changes (at, command, entity, key, before, after) VALUES (?, ?, ?, ?, NULL, ?)");
        store.db.prepare('INSERT INTO treaties (id, short_title, title, data_as_of, definition) VALUES (?, ?, ?, ?, ?)').run(treaty.id, treaty.short_title, treaty.title, treaty.snapshot.date, JSON.stringify(treaty));
        const alias = store.db.prepare('INSERT OR IGNORE INTO treaty_aliases (alias, treaty) VALUES (?, ?)');
        for (const a of [treaty.id, ...treaty.aliases]) alias.run(a, treaty.id);
        log.run(now, o.command, 'treaty', treaty.id, JSON.stringify({ id: treaty.id, short_title: treaty.short_title }));
        const participant = store.db.prepare(
          "INSERT INTO participants (code, iso2, name, short_name, aliases, kind, un_group, groups, source, note) VALUES (@code, NULL, @name, @short_name, '', 'state', 'none', '', @source, @note)",
        );
        for (const p of added) {
          const row = { code: p.code, name: p.name, short_name: p.short_name, source: o.source, note: `Named by the status page of ${treaty.id}; no ISO code (added by treaty add).` };
          participant.run(row);
          log.run(now, o.command, 'participant', p.code, JSON.stringify(row));
        }
        const write = actionWriter(store.db, o.command, now);
        for (const a of rows) write.add(a);
        // Kept with the data they were found on: status and the other views show them until it changes.
        keepChecks(store.db, treaty.id, found, o.command, now);
      });
    }
    const lines = [
      `${o.dryRun ? 'would add' : 'added'} treaty ${treaty.id} (${treaty.short_title}): ${rows.length} actions of ${doc.rows.length} participants; ${checks.length ? 'the header disagrees:' : "the header's counts and date of entry into force agree"}`,
      ...checks,
      dataDateNote(dataDate.how, dataDate.date),
      ...(doc.repairs.length ? [`repaired: ${doc.repairs.join('; ')}`] : []),
      ...added.map((p) => `new participant without an ISO code: ${p.name} (${p.code})`),
      ...(doc.texts.length ? [`kept ${doc.texts.length} declarations, reservations and objections as the depositary's text`] : []),
    ];
    return {
      kind: 'list',
      columns: ['id', 'title', 'signatories', 'parties', 'actions', 'new_participants'],
      rows: [{ id: treaty.id, title: treaty.title, signatories: signed, parties: consented, actions: rows.length, new_participants: added.map((p) => p.code).join(' ') }],
      notice: lines.join('\n'),
      noticeAlways: true,
    };
  });
}

/** X00, X01, ... X0Z, X10, ...: the first code of that form not taken. */
function nextFreeCode(taken: ReadonlySet<string>): string {
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of digits) for (const b of digits) if (!taken.has(`X${a}${b}`)) return `X${a}${b}`;
  throw new UserError('no free code left for a participant without an ISO code');
}

