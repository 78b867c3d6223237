// The rule of entry into force for `treaty add`: a rule file, the flags, or the depositary's own words
// on the status page, in that order of authority. Flags override the words one by one (--threshold
// alone keeps the page's delay); what neither states stays unknown and is said so.
import type { Delay, TreatyDefinition } from '../domain/model.js';
import { describeIssue, RuleSchema } from '../domain/schemas.js';
import { CONSENT_ACTIONS, isOneOf } from '../domain/vocabulary.js';
import { UsageError, UserError } from '../errors.js';
import type { MtdsgDocument } from '../formats/mtdsg.js';
import type { AddOptions } from './add.js';
import type { FootnoteFact } from '../formats/mtdsg-footnotes.js';
import { readRuleWords, statesReioNotAdditional } from '../formats/mtdsg-rule-text.js';
import { readListWords } from '../formats/condition-words.js';
import { readRuleFile } from '../formats/rule-file.js';

/** What the rule is read from: the command line's rule flags, and where the page came from. */
export type RuleFlags = Pick<AddOptions, 'file' | 'command' | 'ruleFile' | 'threshold' | 'days' | 'months' | 'firstOfMonth' | 'laterDays'> & { source: string };

export interface AddedRule {
  rule: TreatyDefinition['rule'];
  /** Where each part came from, for the line that prints the rule back. */
  from: 'file' | 'flags' | 'words' | 'words and flags';
  /**
   * The page's words do not say whether an organization's instrument counts in addition to its
   * members': the rule counts every instrument, as the clause reads, and add says so.
   */
  reioOpen: boolean;
}

const HINT = 'give the rule with --rule FILE, or --threshold N with --days D or --months M [--first-of-month]';

export function ruleOf(o: RuleFlags, doc: MtdsgDocument, facts: readonly FootnoteFact[]): AddedRule {
  if (o.ruleFile !== undefined) return { rule: parsed(readRuleFile(o.ruleFile), o.ruleFile), from: 'file', reioOpen: false };
  if (o.days !== undefined && o.months !== undefined) throw new UsageError('--days and --months: give one delay, not both');
  // What the legend defines counts too: an accession the page has yet to show is still an instrument.
  const shown = [...doc.legend_actions, ...doc.rows.flatMap((r) => r.actions.map((a) => a.action)), ...facts.map((f) => f.action)];
  const counted: string[] = [...new Set(shown.filter((a) => isOneOf(CONSENT_ACTIONS, a)))];
  const flagDelay: Delay | undefined =
    o.days !== undefined ? { days: o.days } : o.months !== undefined ? { months: o.months, ...(o.firstOfMonth ? { then: 'first_of_next_month' as const } : {}) } : undefined;
  const complete = o.threshold !== undefined && flagDelay !== undefined;
  const words = complete ? null : readRuleWords(doc.eif.text);
  if (words?.kind === 'read') counted.push(...words.instruments.filter((a) => !counted.includes(a)));
  // "All States listed in Annex 2": the list is the number of instruments (its names become a condition).
  const listed = readListWords(doc.eif.text);
  if (words && words.kind === 'unreadable' && !(listed && o.threshold === undefined && flagDelay !== undefined)) {
    throw new UsageError(`${o.file}: cannot read the rule of entry into force from the page (${words.why}): "${clip(words.clause)}"`, HINT);
  }
  const read = words?.kind === 'read' ? words : null;
  const threshold = o.threshold ?? read?.threshold ?? listed?.names.length;
  const delay = flagDelay ?? read?.delay;
  if (threshold === undefined || delay === undefined) {
    throw new UsageError(`${o.file}: the page does not state the rule of entry into force in words it can read`, HINT);
  }
  // A later party's delay: the flag, else the page's words, else (flags only) the treaty's own delay.
  const laterDelay: Delay | null = o.laterDays !== undefined ? { days: o.laterDays } : read ? read.later : delay;
  const from = read === null ? 'flags' : o.threshold === undefined && flagDelay === undefined && o.laterDays === undefined ? 'words' : 'words and flags';
  const text = read ? `The depositary's words (status page, EIF): ${read.clause}` : `Given on the command line: ${o.command}`;
  const notes = [
    from === 'words and flags' ? `Read from the status page; the command line gave the rest: ${o.command}` : null,
    laterDelay === null ? "The page quotes only the treaty's own clause: when it enters into force for a later party is not stated (give --later-days N or --rule)." : null,
  ].filter((n): n is string => n !== null);
  // Only a clause that says so keeps an organization's instrument from counting beside its members'
  // (UNTOC art. 38, the Paris Agreement art. 21); "the fiftieth instrument" alone counts every one.
  const reioExcluded = statesReioNotAdditional(doc.eif.text);
  const raw = {
    threshold,
    counted_actions: counted.length ? counted : ['ratification', 'acceptance', 'approval', 'accession'],
    excluded_kinds: reioExcluded ? ['reio'] : [],
    group_condition: null,
    delay,
    later: laterDelay === null ? null : { delay: laterDelay, not_before_entry_into_force: true },
    denunciation: null,
    text,
    source: o.source,
    ...(notes.length ? { note: notes.join(' ') } : {}),
  };
  return { rule: parsed(raw, 'the rule'), from, reioOpen: !reioExcluded };
}

function parsed(raw: unknown, where: string): TreatyDefinition['rule'] {
  const rule = RuleSchema.safeParse(raw);
  if (!rule.success) throw new UserError(`${where}: ${describeIssue(rule.error)}`);
  return rule.data;
}

function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
