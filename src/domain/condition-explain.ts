// The arithmetic of each condition, for `treaty explain`: what was added up or counted, against what,
// and on which day the condition was met. Re-evaluates the condition with the engine itself, so the
// words can never disagree with the dates.
import { conditionsOf, evaluateCondition, relativeNeed, type ConditionEnv, type ConditionProgress } from './conditions.js';
import type { IsoDate } from './dates.js';
import type { Consent } from './entry-into-force.js';
import type { Participant, Rule } from './model.js';
import { round2 } from './condition-checks.js';
import { ordinal } from './explain.js';

export interface ConditionArithmetic {
  kind: ConditionProgress['kind'];
  label: string;
  met_on: IsoDate | null;
  arithmetic: string;
}

export function conditionArithmetic(
  rule: Rule,
  participants: ReadonlyMap<string, Participant>,
  consents: readonly Consent[],
  progress: readonly ConditionProgress[],
  env: ConditionEnv = {},
): ConditionArithmetic[] {
  const name = (code: string) => participants.get(code)?.name ?? code;
  return conditionsOf(rule).map((c, i) => {
    const p = progress[i]!;
    const head = { kind: p.kind, label: p.label, met_on: p.met_on };
    switch (c.kind) {
      case 'count':
      case 'group':
      case 'relative': {
        const parties = c.kind === 'relative' ? (env.partiesOf?.(c.treaty, c.as_of) ?? null) : null;
        const base = c.kind === 'relative'
          ? parties === null
            ? `${c.treaty} is not in the database, so ${c.fraction.numerator}/${c.fraction.denominator} of its parties cannot be counted`
            : `${c.fraction.numerator}/${c.fraction.denominator} of the ${parties} parties to ${c.treaty} on ${c.as_of} = ${round2((c.fraction.numerator * parties) / c.fraction.denominator)}, rounded ${c.rounding} to ${relativeNeed(c, parties)}; `
          : '';
        if (p.need === null) return { ...head, arithmetic: base };
        const of = c.kind === 'group' ? ' from the group' : '';
        const text = p.decisive
          ? `${base}the ${ordinal(p.need)} counted instrument${of} is ${name(p.decisive.code)}'s of ${p.decisive.date} (${p.have} counted so far)`
          : `${base}${p.have} counted instrument${p.have === 1 ? '' : 's'}${of} of ${p.need}: ${p.need - p.have!} more needed`;
        return { ...head, arithmetic: text };
      }
      case 'list': {
        if (p.met_on) return { ...head, arithmetic: `all ${p.need} listed in ${c.name} have consented; the last, ${name(p.decisive!.code)}, on ${p.met_on}` };
        return { ...head, arithmetic: `${p.have} of the ${p.need} listed in ${c.name} have consented; missing: ${p.missing.map(name).join(', ')}` };
      }
      case 'share': {
        const aggregate = c.aggregate
          ? c.aggregate.counts === 'members_rows'
            ? `; ${name(c.aggregate.code)}'s row is its members' total and is set aside: each member counts its own row`
            : `; once ${name(c.aggregate.code)} consents its row replaces its members' rows`
          : '';
        const weight = new Map(c.weights.rows.map((r) => [r.code, r.weight]));
        if (!p.met_on) return { ...head, arithmetic: `the ${consents.length} consenting participants hold ${p.percent!.toFixed(2)}% of ${c.name}; ${c.at_least_percent}% is needed: ${p.points_missing!.toFixed(2)} points missing${aggregate}` };
        const before = evaluateCondition(c, consents.filter((x) => x.date < p.met_on!), participants, env).percent!;
        const thatDay = consents.filter((x) => x.date === p.met_on);
        const after = evaluateCondition(c, consents.filter((x) => x.date <= p.met_on!), participants, env).percent!;
        const figure = (code: string) => {
          if (c.aggregate?.counts === 'members_rows' && code === c.aggregate.code) return 'its row set aside';
          const w = weight.get(code);
          return w === null || w === undefined ? 'no figure' : `+${w.toFixed(2)}`;
        };
        const added = thatDay.map((x) => `${name(x.code)} ${figure(x.code)}`).join(', ');
        return { ...head, arithmetic: `${before.toFixed(2)}% the day before; on ${p.met_on} ${added}: ${after.toFixed(2)}% ≥ ${c.at_least_percent}%${aggregate}` };
      }
      case 'earliest':
        return { ...head, arithmetic: `${c.applies_to === 'threshold' ? 'the threshold' : 'entry into force'} not before ${c.on}${c.text ? ` ("${c.text}")` : ''}` };
    }
  });
}
