// A treaty's rule in words and the arithmetic of its dates: which instruments count, in order, which
// one met (or would meet) the threshold, and how the date of entry into force follows from it.
import type { Check } from './checks.js';
import { formatLong, type IsoDate } from './dates.js';
import { applyDelay, describeDelay } from './delay.js';
import { conditionArithmetic, type ConditionArithmetic } from './condition-explain.js';
import { GROUP_WORDS, type ConditionEnv } from './conditions.js';
import type { EntryIntoForce } from './entry-into-force.js';
import type { Participant, TreatyDefinition } from './model.js';
import type { Report } from './reports.js';

export interface Explanation {
  treaty: string;
  as_of: IsoDate;
  rule: string;
  counted: { n: number; code: string; name: string; action: string; date: IsoDate; decisive: boolean }[];
  not_counted: { code: string; name: string; action: string; date: IsoDate; why: string }[];
  threshold: number;
  threshold_reached_on: IsoDate | null;
  decisive: { code: string; name: string; date: IsoDate } | null;
  /** `2031-01-14 + 90 days = 2031-04-14`, or what is still missing. */
  arithmetic: string;
  entry_into_force_on: IsoDate | null;
  /** Each condition of the rule with its own arithmetic, in the rule's order. */
  conditions: ConditionArithmetic[];
  /** Parties whose consent date no source gives: counted from the date a source proves them parties. */
  undated?: { code: string; name: string; party_by: IsoDate | null; in_force_on: IsoDate | null; words: string }[];
  /** Warnings about the data behind the explanation. */
  checks?: Check[];
  /**
   * Claims of sources other than the depositary that bear on the count (an instrument the rule counts,
   * or a number of parties), by the as-of date: listed after the facts, never in `counted`.
   */
  reported?: (Report & { name: string | null })[];
}

function beyondCounts(conditions: readonly { kind: string }[]): boolean {
  return conditions.some((c) => c.kind !== 'count' && c.kind !== 'group');
}

/** 1st, 2nd, 40th. */
export function ordinal(n: number): string {
  const tens = n % 100;
  return `${n}${tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
}

export const KIND_WORDS: Record<string, string> = { reio: 'regional economic integration organization (the EU)', state: 'State' };

/** "at least 3 of them from member States of the Council of Europe", or "" when the rule sets no such condition. */
export function describeGroupCondition(rule: TreatyDefinition['rule']): string {
  const g = rule.group_condition;
  return g ? `at least ${g.at_least} of them from ${GROUP_WORDS[g.group] ?? g.group}` : '';
}

export function describeRule(treaty: TreatyDefinition): string {
  const r = treaty.rule;
  const group = r.group_condition ? `, ${describeGroupCondition(r)}` : '';
  const excluded = r.excluded_kinds.length ? ` Instruments of a ${r.excluded_kinds.map((k) => KIND_WORDS[k] ?? k).join(' or ')} do not count in addition to those of its members.` : '';
  const later = r.later
    ? `${describeDelay(r.later.delay)} after its own instrument${r.later.not_before_entry_into_force ? ', or on the treaty\'s entry into force if that is later' : ''}`
    : 'not stated by the source (its date is left empty)';
  return `Enters into force ${describeDelay(r.delay)} after the ${ordinal(r.threshold)} instrument of ${r.counted_actions.join(', ')}${group}.${excluded} For a participant that consents later: ${later}.`;
}

export function explain(treaty: TreatyDefinition, participants: ReadonlyMap<string, Participant>, eif: EntryIntoForce, asOf: IsoDate, env: ConditionEnv = {}): Explanation {
  const name = (code: string) => participants.get(code)?.name ?? code;
  let n = 0;
  const counted: Explanation['counted'] = [];
  const notCounted: Explanation['not_counted'] = [];
  for (const c of eif.consents) {
    if (c.counted) {
      n += 1;
      counted.push({ n, code: c.code, name: name(c.code), action: c.action, date: c.date, decisive: eif.decisive === c });
    } else {
      const kind = participants.get(c.code)?.kind ?? 'unknown';
      notCounted.push({ code: c.code, name: name(c.code), action: c.action, date: c.date, why: `a ${KIND_WORDS[kind] ?? kind}: not counted in addition to its member States` });
    }
  }
  const d = eif.decisive;
  const conditions = conditionArithmetic(treaty.rule, participants, eif.consents, eif.conditions, env);
  // A count and a group read as today's sentence; other conditions need the words of each.
  const several = beyondCounts(conditions);
  const metOn = eif.threshold_reached_on;
  const bound = eif.conditions.find((c) => c.applies_to === 'entry_into_force');
  const arithmetic =
    metOn && eif.entry_into_force_on
      ? `${metOn}${several ? ' (the day the last condition was met)' : ''} + ${describeDelay(treaty.rule.delay)} = ${applyDelay(metOn, treaty.rule.delay)}${bound ? `, not before ${bound.met_on}: ${eif.entry_into_force_on}` : ''}`
      : several
        ? `${eif.conditions.filter((c) => c.met_on === null).map((c) => c.label).join(' and ')} still short; then the day the last condition is met + ${describeDelay(treaty.rule.delay)}`
      : `${eif.remaining} more counted instrument${eif.remaining === 1 ? '' : 's'} needed; then the ${ordinal(treaty.rule.threshold)} instrument's date + ${describeDelay(treaty.rule.delay)}`;
  return {
    treaty: treaty.id,
    as_of: asOf,
    rule: describeRule(treaty),
    counted,
    not_counted: notCounted,
    threshold: treaty.rule.threshold,
    threshold_reached_on: eif.threshold_reached_on,
    decisive: d ? { code: d.code, name: name(d.code), date: d.date } : null,
    arithmetic,
    entry_into_force_on: eif.entry_into_force_on,
    conditions,
  };
}

/** The reports that claim what the count is made of: an instrument the rule counts, or a number of parties. */
export function reportsOnTheCount(treaty: TreatyDefinition, participants: ReadonlyMap<string, Participant>, reports: readonly Report[], asOf: IsoDate): (Report & { name: string | null })[] {
  const counted = new Set<string>(treaty.rule.counted_actions);
  return reports
    .filter((r) => r.date <= asOf && (r.claim === 'parties' || counted.has(r.claim)))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((r) => ({ ...r, name: r.code === null ? null : (participants.get(r.code)?.name ?? r.code) }));
}

/** One line: which instrument meets the threshold and what follows, for people. */
export function explainInOneLine(e: Explanation): string {
  if (beyondCounts(e.conditions)) {
    const short = e.conditions.filter((c) => c.met_on === null || c.met_on > e.as_of);
    return e.entry_into_force_on ? `threshold met on ${e.threshold_reached_on}: ${e.arithmetic}.` : `still short: ${short.map((c) => `${c.label} (${c.arithmetic})`).join('; ')}.`;
  }
  if (e.decisive && e.entry_into_force_on) {
    return `${e.decisive.name}'s instrument of ${formatLong(e.decisive.date)} is the ${ordinal(e.threshold)} counted one: ${e.arithmetic}.`;
  }
  return `${e.counted.length} of ${e.threshold} counted instruments; ${e.arithmetic}.`;
}

