// What makes a rule's conditions wrong before any instrument is looked at: a weights table with a
// participant twice, shares that do not add up, a condition no set of instruments could ever meet.
// Plain code (no zod), so the schema and `treaty add` share it.
import type { Condition } from './conditions.js';

export interface RuleProblem {
  path: (string | number)[];
  message: string;
}

/** How far from 100% a table's shares may add up to: its figures are rounded (Paris: 99.99). */
export const SHARE_SUM_TOLERANCE = 0.5;

interface RuleLike {
  threshold: number;
  group_condition: { group: string; at_least: number } | null;
  conditions?: readonly Condition[] | undefined;
}

export function ruleProblems(rule: RuleLike): RuleProblem[] {
  const problems: RuleProblem[] = [];
  (rule.conditions ?? []).forEach((c, i) => {
    const at = (...rest: (string | number)[]) => ['conditions', i, ...rest];
    if (c.kind === 'count' && c.at_least !== rule.threshold) problems.push({ path: at('at_least'), message: `${c.at_least} is not the rule's threshold (${rule.threshold})` });
    if (c.kind === 'group' && rule.group_condition && (c.group !== rule.group_condition.group || c.at_least !== rule.group_condition.at_least)) {
      problems.push({ path: at(), message: 'differs from the rule\'s group_condition: give it once' });
    }
    if (c.kind === 'list') {
      const twice = duplicates(c.participants);
      if (twice.length) problems.push({ path: at('participants'), message: `${twice.join(', ')} listed twice` });
    }
    if (c.kind === 'relative' && c.fraction.numerator > c.fraction.denominator) {
      problems.push({ path: at('fraction'), message: `${c.fraction.numerator}/${c.fraction.denominator} of the parties can never be met` });
    }
    if (c.kind === 'share') problems.push(...shareProblems(c).map((p) => ({ path: at(...p.path), message: p.message })));
  });
  const kinds = (rule.conditions ?? []).map((c) => c.kind);
  for (const once of ['count', 'group'] as const) {
    if (kinds.filter((k) => k === once).length > 1) problems.push({ path: ['conditions'], message: `more than one ${once} condition` });
  }
  return problems;
}

function shareProblems(c: Extract<Condition, { kind: 'share' }>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const codes = c.weights.rows.map((r) => r.code);
  const twice = duplicates(codes);
  if (twice.length) problems.push({ path: ['weights', 'rows'], message: `${twice.join(', ')} ${twice.length === 1 ? 'has' : 'have'} more than one row` });
  const weightOf = new Map(c.weights.rows.map((r) => [r.code, r.weight ?? 0]));
  const aggregate = c.aggregate;
  if (aggregate) {
    if (!weightOf.has(aggregate.code)) problems.push({ path: ['aggregate', 'code'], message: `${aggregate.code} has no row in the weights table` });
    const absent = aggregate.members.filter((m) => !weightOf.has(m));
    if (absent.length) problems.push({ path: ['aggregate', 'members'], message: `${absent.join(', ')} ${absent.length === 1 ? 'has' : 'have'} no row in the weights table` });
  }
  // The aggregate row restates its members' figures, so it is set aside before adding up.
  const total = sum(c.weights.rows.filter((r) => r.code !== aggregate?.code).map((r) => r.weight ?? 0));
  if (Math.abs(total - 100) > SHARE_SUM_TOLERANCE) {
    problems.push({ path: ['weights', 'rows'], message: `the shares add up to ${round2(total)}%${aggregate ? ` without ${aggregate.code}'s row` : ''}, not about 100%` });
  }
  if (c.at_least_percent > 100) problems.push({ path: ['at_least_percent'], message: `${c.at_least_percent}% can never be met` });
  else if (c.at_least_percent > total + 1e-9) problems.push({ path: ['at_least_percent'], message: `${c.at_least_percent}% can never be met: every row together holds ${round2(total)}%` });
  return problems;
}

/**
 * Conditions that name participants or treaties the database lacks, and weights tables that leave
 * out a participant of the treaty: checked by `treaty add` against what it is about to store.
 */
export function referenceProblems(
  conditions: readonly Condition[],
  known: { participant(code: string): boolean; treaty(id: string): boolean; groupSize(group: string): number },
  treatyParticipants: readonly string[],
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  conditions.forEach((c, i) => {
    if (c.kind === 'list') {
      const unknown = c.participants.filter((code) => !known.participant(code));
      if (unknown.length) problems.push({ path: ['conditions', i, 'participants'], message: `no participant ${unknown.join(', ')}` });
    }
    if (c.kind === 'group' && known.groupSize(c.group) < c.at_least) {
      problems.push({ path: ['conditions', i, 'at_least'], message: `can never be met: ${known.groupSize(c.group)} participants are in group ${c.group}` });
    }
    if (c.kind === 'share') {
      const aggregate = c.aggregate ? [c.aggregate.code, ...c.aggregate.members].filter((code) => !known.participant(code)) : [];
      if (aggregate.length) problems.push({ path: ['conditions', i, 'aggregate'], message: `no participant ${aggregate.join(', ')}` });
      const unknown = c.weights.rows.map((r) => r.code).filter((code) => !known.participant(code));
      if (unknown.length) problems.push({ path: ['conditions', i, 'weights', 'rows'], message: `no participant ${unknown.join(', ')}` });
      const rows = new Set(c.weights.rows.map((r) => r.code));
      const missing = treatyParticipants.filter((code) => !rows.has(code));
      if (missing.length) problems.push({ path: ['conditions', i, 'weights', 'rows'], message: `no row for ${missing.join(', ')}, named by the status page` });
    }
    if (c.kind === 'relative' && !known.treaty(c.treaty)) problems.push({ path: ['conditions', i, 'treaty'], message: `no treaty ${c.treaty} in the database` });
  });
  return problems;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Shares are published to two decimals, and sums of them are said the same way. */
export function round2(n: number): number {
  return Math.round(n * 100 + Number.EPSILON * 100) / 100;
}
