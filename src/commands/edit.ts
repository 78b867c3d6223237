// treaty edit <treaty>: a treaty's rule, titles, aliases, signature window or status-page address
// changed, checked as a whole definition before anything is written, and logged so that treaty undo
// reverses it and treaty db update keeps it.
import type { IsoDate } from '../domain/dates.js';
import type { Delay, TreatyDefinition } from '../domain/model.js';
import { describeIssue, RuleSchema, TreatyDefinitionSchema } from '../domain/schemas.js';
import type { EditableField } from '../domain/treaty-edits.js';
import type { Ctx } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import type { ListResult } from '../formats/result.js';
import { readRuleFile } from '../formats/rule-file.js';
import { describeRule } from '../domain/explain.js';
import { editTreaty } from '../store/treaty-writes.js';

export interface EditOptions {
  db: string | undefined;
  treaty: string;
  threshold: number | undefined;
  days: number | undefined;
  months: number | undefined;
  firstOfMonth: boolean;
  laterDays: number | undefined;
  ruleFile: string | undefined;
  title: string | undefined;
  shortTitle: string | undefined;
  addAliases: readonly string[];
  removeAliases: readonly string[];
  opens: IsoDate | undefined;
  closes: IsoDate | 'unknown' | 'none' | undefined;
  statusPage: string | undefined;
  dryRun: boolean;
  command: string;
}

const RULE_FLAGS = ['threshold', 'days', 'months', 'laterDays'] as const;

/** What the command line asks, checked before the database is opened: a wrong line changes nothing. */
function checkLine(o: EditOptions): void {
  const ruleFlags = RULE_FLAGS.filter((k) => o[k] !== undefined).length + (o.firstOfMonth ? 1 : 0);
  const asked = ruleFlags + (o.ruleFile ? 1 : 0) + [o.title, o.shortTitle, o.opens, o.closes, o.statusPage].filter((v) => v !== undefined).length + o.addAliases.length + o.removeAliases.length;
  if (asked === 0) throw new UsageError('nothing to edit', 'give what to change, e.g. --later-days 30, --title TEXT, --alias NAME, --closes DATE (see treaty edit --help)');
  if (o.ruleFile && ruleFlags > 0) throw new UsageError('--rule gives the whole rule: give it alone, or the rule flags without it');
  if (o.days !== undefined && o.months !== undefined) throw new UsageError('--days and --months: give one delay, not both');
  if (o.firstOfMonth && o.months === undefined) throw new UsageError('--first-of-month goes with --months M');
  if (o.opens && o.closes && o.closes !== 'unknown' && o.closes !== 'none' && o.closes < o.opens) throw new UsageError(`--closes ${o.closes} is before --opens ${o.opens}`);
  const both = o.addAliases.filter((a) => o.removeAliases.some((r) => r.toLowerCase() === a.toLowerCase()));
  if (both.length) throw new UsageError(`"${both[0]}" is both given with --alias and taken away with --remove-alias`);
}

function editedRule(t: TreatyDefinition, o: EditOptions): TreatyDefinition['rule'] {
  if (o.ruleFile) {
    const parsed = RuleSchema.safeParse(readRuleFile(o.ruleFile));
    if (!parsed.success) throw new UserError(`${o.ruleFile}: ${describeIssue(parsed.error)}`);
    return parsed.data;
  }
  const delay: Delay | undefined =
    o.days !== undefined ? { days: o.days } : o.months !== undefined ? { months: o.months, ...(o.firstOfMonth ? { then: 'first_of_next_month' as const } : {}) } : undefined;
  const later = o.laterDays !== undefined ? { delay: { days: o.laterDays }, not_before_entry_into_force: t.rule.later?.not_before_entry_into_force ?? true } : t.rule.later;
  // The note that said the later party's delay was not stated no longer holds once it is given.
  const note = [t.rule.note && o.laterDays !== undefined ? t.rule.note.replace(/ ?The page quotes only the treaty's own clause:[^)]*\)\./, '').trim() : t.rule.note, `Changed by: ${o.command}`].filter(Boolean).join(' ');
  const rule = { ...t.rule, ...(o.threshold !== undefined ? { threshold: o.threshold } : {}), ...(delay ? { delay } : {}), later };
  // Flags that say what the rule already says change nothing, not even its note.
  if (JSON.stringify(rule) === JSON.stringify(t.rule)) return t.rule;
  return { ...rule, note };
}

function editedSignature(t: TreatyDefinition, o: EditOptions): TreatyDefinition['signature'] {
  if (o.opens === undefined && o.closes === undefined) return t.signature;
  const closing =
    o.closes === undefined ? {} : o.closes === 'unknown' ? { closes_on: null, closes: 'not_stated' as const } : o.closes === 'none' ? { closes_on: null, closes: 'never' as const } : { closes_on: o.closes, closes: 'on_date' as const };
  const window = { ...t.signature, ...(o.opens ? { opens_on: o.opens } : {}), ...closing };
  if (JSON.stringify(window) === JSON.stringify(t.signature)) return t.signature;
  return { ...window, text: `${t.signature.text} Changed by: ${o.command}` };
}

export async function editTreatyCommand(ctx: Ctx, o: EditOptions): Promise<ListResult> {
  checkLine(o);
  return ctx.withStore(o.db, 'write', (store) => {
    const t = store.treaty(o.treaty);
    const fields = new Set<EditableField>();
    const lower = (s: string) => s.toLowerCase();
    for (const r of o.removeAliases) {
      if (lower(r) === lower(t.id)) throw new UserError(`"${r}" is the treaty's id, not an alias: it cannot be taken away`);
      if (!t.aliases.some((a) => lower(a) === lower(r))) throw new UserError(`"${r}" is not an alias of ${t.id}`, t.aliases.length ? `its aliases: ${t.aliases.join(', ')}` : `${t.id} has no aliases`);
    }
    const aliases = [...t.aliases.filter((a) => !o.removeAliases.some((r) => lower(r) === lower(a))), ...o.addAliases.filter((a) => !t.aliases.some((b) => lower(b) === lower(a)) && lower(a) !== lower(t.id))];
    const next = {
      ...t,
      ...(o.title ? { title: o.title } : {}),
      ...(o.shortTitle ? { short_title: o.shortTitle } : {}),
      aliases,
      rule: o.ruleFile || RULE_FLAGS.some((k) => o[k] !== undefined) ? editedRule(t, o) : t.rule,
      signature: editedSignature(t, o),
      depositary: { ...t.depositary, ...(o.statusPage ? { status_xml: o.statusPage } : {}) },
    };
    const parsed = TreatyDefinitionSchema.safeParse(next);
    if (!parsed.success) throw new UserError(`${t.id}: the edit gives no valid treaty: ${describeIssue(parsed.error)}`);
    const after = parsed.data;
    // Compared as data, shown in words where words say it better.
    const changed: [EditableField, unknown, unknown, string | null, string | null][] = [
      ['rule', t.rule, after.rule, describeRule(t), describeRule(after)],
      ['title', t.title, after.title, t.title, after.title],
      ['short_title', t.short_title, after.short_title, t.short_title, after.short_title],
      ['aliases', t.aliases, after.aliases, t.aliases.join(', '), after.aliases.join(', ')],
      ['signature', t.signature, after.signature, windowWords(t.signature), windowWords(after.signature)],
      ['status_page', t.depositary.status_xml ?? null, after.depositary.status_xml ?? null, t.depositary.status_xml ?? null, after.depositary.status_xml ?? null],
    ];
    const rows = changed.filter(([, b, a]) => JSON.stringify(b) !== JSON.stringify(a)).map(([field, , , before, shownAfter]) => {
      fields.add(field);
      return { field, before, after: shownAfter };
    });
    if (rows.length > 0 && !o.dryRun) store.write(o.command, (tx) => editTreaty(tx, store, after));
    const verb = rows.length === 0 ? 'no change to' : o.dryRun ? 'would edit' : 'edited';
    return {
      kind: 'list',
      columns: ['field', 'before', 'after'],
      rows,
      notice: `${verb} treaty ${t.id}${rows.length ? `: ${rows.map((r) => r.field).join(', ')}` : ' (it already says that)'}${rows.length && !o.dryRun ? '; treaty undo reverses it (see treaty changes)' : ''}`,
      noticeAlways: true,
    };
  });
}

function windowWords(s: TreatyDefinition['signature']): string {
  const closes = s.closes ?? (s.closes_on === null ? 'never' : 'on_date');
  const until = closes === 'on_date' ? `until ${s.closes_on}` : closes === 'never' ? 'with no closing date' : closes === 'at_entry_into_force' ? 'until entry into force' : 'closing not stated';
  return `opens ${s.opens_on}, ${until}`;
}
