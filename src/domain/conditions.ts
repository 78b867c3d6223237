// The conditions of a rule of entry into force, each evaluated over the consents given so far: the
// date it was met (or null) and how far along it is. The threshold is met the day the last one is.
import type { IsoDate } from './dates.js';
import type { Participant } from './model.js';
import type { ConditionSchema } from './schemas.js';
import type { z } from 'zod';
import { round2 } from './condition-checks.js';

export type Condition = z.infer<typeof ConditionSchema>;

/** What a rule needs to name its conditions; `Rule` has it, and old stored rules lack `conditions`. */
export interface ConditionRule {
  threshold: number;
  group_condition: { group: string; at_least: number } | null;
  conditions?: readonly Condition[] | undefined;
}

/**
 * Every condition of a rule, in the rule's order. A rule of today's shape (threshold and optional
 * group condition) is the case with one or two conditions, so stored rules keep working unchanged.
 */
export function conditionsOf(rule: ConditionRule): Condition[] {
  const given = rule.conditions ?? [];
  const implicit: Condition[] = [];
  if (!given.some((c) => c.kind === 'count')) implicit.push({ kind: 'count', at_least: rule.threshold });
  if (rule.group_condition && !given.some((c) => c.kind === 'group')) implicit.push({ kind: 'group', ...rule.group_condition });
  return [...implicit, ...given];
}

/** A consent as the conditions see it: who, when, and whether it counts toward a count. */
export interface CountedConsent {
  code: string;
  date: IsoDate;
  counted: boolean;
}

export interface ConditionEnv {
  /** How many parties another treaty had on a date; relative conditions are unknown without it. */
  partiesOf?: (treaty: string, on: IsoDate) => number | null;
}

/** One condition's standing over the consents given: DESIGN §3 words, the same in JSON and on screen. */
export interface ConditionProgress {
  kind: Condition['kind'];
  label: string;
  met_on: IsoDate | null;
  /** Instruments that count toward it (count, group, list, relative), else null. */
  have: number | null;
  /** Instruments it needs, else null (a share; a relative one whose base is unknown). */
  need: number | null;
  /** Share conditions: the share held, the share needed and the points still missing. */
  percent: number | null;
  percent_needed: number | null;
  points_missing: number | null;
  /** List conditions: the listed participants that have not consented, in the list's order. */
  missing: string[];
  /** The consent that met it, when a consent did (an earliest date is met by the calendar). */
  decisive: CountedConsent | null;
  /** Earliest dates: whether the date bounds the threshold or the entry into force itself. */
  applies_to: 'threshold' | 'entry_into_force' | null;
}

export const GROUP_WORDS: Record<string, string> = { coe_member: 'member States of the Council of Europe', eu_member: 'member States of the EU', un_member: 'UN Member States' };

export function conditionLabel(c: Condition): string {
  if (c.label) return c.label;
  switch (c.kind) {
    case 'count':
      return `${c.at_least} instruments`;
    case 'group':
      return `at least ${c.at_least} of them from ${GROUP_WORDS[c.group] ?? c.group}`;
    case 'list':
      return c.name;
    case 'share':
      return `${c.at_least_percent}% of ${c.name}`;
    case 'relative':
      return `${c.fraction.numerator}/${c.fraction.denominator} of the parties to ${c.treaty} on ${c.as_of}`;
    case 'earliest':
      return c.applies_to === 'threshold' ? `not before ${c.on}` : `in force not before ${c.on}`;
  }
}

/** The number of instruments a fraction of `parties` asks for, rounded as the clause says. */
export function relativeNeed(c: Extract<Condition, { kind: 'relative' }>, parties: number): number {
  const exact = (c.fraction.numerator * parties) / c.fraction.denominator;
  // Integer arithmetic first: 2/3 of 30 is exactly 20, never 20.000000000000004 rounded up to 21.
  const whole = (c.fraction.numerator * parties) % c.fraction.denominator === 0;
  if (whole) return Math.max(1, exact);
  const n = c.rounding === 'up' ? Math.ceil(exact) : c.rounding === 'down' ? Math.floor(exact) : Math.round(exact);
  return Math.max(1, n);
}

/**
 * Evaluates one condition over `consents` (first consent of each participant, in order of deposit).
 * `inGroup` says whether a participant belongs to a group (count-within-group conditions).
 */
export function evaluateCondition(
  c: Condition,
  consents: readonly CountedConsent[],
  participants: ReadonlyMap<string, Participant>,
  env: ConditionEnv = {},
): ConditionProgress {
  const base: ConditionProgress = { kind: c.kind, label: conditionLabel(c), met_on: null, have: null, need: null, percent: null, percent_needed: null, points_missing: null, missing: [], decisive: null, applies_to: null };
  switch (c.kind) {
    case 'count':
      return countUp(base, consents.filter((x) => x.counted), c.at_least);
    case 'group':
      return countUp(base, consents.filter((x) => x.counted && participants.get(x.code)?.groups.includes(c.group)), c.at_least);
    case 'relative': {
      const parties = env.partiesOf?.(c.treaty, c.as_of) ?? null;
      const counted = consents.filter((x) => x.counted);
      if (parties === null) return { ...base, have: counted.length };
      return countUp(base, counted, relativeNeed(c, parties));
    }
    case 'list': {
      const listed = new Set(c.participants);
      const byCode = new Map(consents.filter((x) => listed.has(x.code)).map((x) => [x.code, x]));
      const missing = c.participants.filter((code) => !byCode.has(code));
      let decisive: CountedConsent | null = null;
      if (missing.length === 0) for (const x of byCode.values()) if (decisive === null || x.date > decisive.date || (x.date === decisive.date && x.code > decisive.code)) decisive = x;
      return { ...base, have: byCode.size, need: listed.size, missing, met_on: decisive?.date ?? null, decisive };
    }
    case 'share':
      return shareUp(base, c, consents);
    case 'earliest':
      return { ...base, met_on: c.on, applies_to: c.applies_to };
  }
}

function countUp(base: ConditionProgress, counted: readonly CountedConsent[], need: number): ConditionProgress {
  const decisive = counted.length >= need ? counted[need - 1]! : null;
  return { ...base, have: counted.length, need, met_on: decisive?.date ?? null, decisive };
}

function shareUp(base: ConditionProgress, c: Extract<Condition, { kind: 'share' }>, consents: readonly CountedConsent[]): ConditionProgress {
  const weightOf = new Map(c.weights.rows.map((r) => [r.code, r.weight ?? 0]));
  const aggregate = c.aggregate;
  const members = new Set(aggregate?.members ?? []);
  let aggregateIn = false;
  const membersIn: string[] = [];
  let total = 0;
  let decisive: CountedConsent | null = null;
  // Hundredths of a point are the published precision: compare with a margin well under it, so that
  // float sums of two-decimal figures (0.1 + 0.2) meet a threshold they reach exactly.
  const reached = () => total >= c.at_least_percent - 1e-9;
  for (const x of consents) {
    if (aggregate && x.code === aggregate.code) {
      if (aggregate.counts === 'members_rows') continue;
      // Its total replaces the rows of members already counted, so none is counted twice.
      for (const code of membersIn) total -= weightOf.get(code) ?? 0;
      total += weightOf.get(x.code) ?? 0;
      aggregateIn = true;
    } else if (!(aggregateIn && members.has(x.code))) {
      total += weightOf.get(x.code) ?? 0;
      if (members.has(x.code)) membersIn.push(x.code);
    }
    if (decisive === null && reached()) decisive = x;
  }
  const percent = round2(total);
  return {
    ...base,
    met_on: decisive?.date ?? null,
    decisive,
    percent,
    percent_needed: c.at_least_percent,
    points_missing: reached() ? 0 : round2(c.at_least_percent - total),
  };
}

/** A condition as `status` gives it (DESIGN §3 words): met or not as of the date asked about. */
export interface ConditionStatus extends Omit<ConditionProgress, 'missing' | 'decisive'> {
  met: boolean;
  missing: { code: string; name: string }[];
}

export function conditionStatuses(progress: readonly ConditionProgress[], participants: ReadonlyMap<string, Participant>, asOf: IsoDate): ConditionStatus[] {
  return progress.map((p) => ({
    kind: p.kind,
    label: p.label,
    // An earliest date is known in advance: it is met only once the calendar reaches it.
    met: p.met_on !== null && p.met_on <= asOf,
    met_on: p.met_on,
    have: p.have,
    need: p.need,
    percent: p.percent,
    percent_needed: p.percent_needed,
    points_missing: p.points_missing,
    missing: p.missing.map((code) => ({ code, name: participants.get(code)?.name ?? code })),
    applies_to: p.applies_to,
  }));
}
