// Conditions of entry into force beyond a count: named lists, shares of a weights table, thresholds
// relative to another treaty, earliest dates. Plain values only.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ruleProblems } from '../../src/domain/condition-checks.js';
import { conditionsOf, relativeNeed, type Condition } from '../../src/domain/conditions.js';
import { addDays } from '../../src/domain/dates.js';
import { entryIntoForce } from '../../src/domain/entry-into-force.js';
import type { ActionRow, Rule } from '../../src/domain/model.js';
import { andSplits, readEarliestWords, readListWords } from '../../src/formats/condition-words.js';
import { UN_RULE, action, codeFor, participantMap, reio, state } from './fixtures.js';

const START = '2016-01-01';
const SOURCE = 'https://example.org/weights';
const STATES = Array.from({ length: 12 }, (_, i) => state(codeFor(i), i < 4 ? ['eu_member'] : []));
const EU = reio();
const PARTICIPANTS = participantMap(...STATES, EU);
const code = (i: number) => codeFor(i);

/** Twelve States and the EU; the EU's row is the total of the first four States' rows. */
const WEIGHTS = [10, 10, 5, 5, 20, 15, 10, 10, 5, 5, 3, 2];
const weights = (extra: { code: string; weight: number | null }[] = [{ code: 'EUU', weight: 30 }]) => ({
  name: 'emissions', unit: 'per cent', source: SOURCE, rows: [...WEIGHTS.map((w, i) => ({ code: code(i), weight: w })), ...extra],
});
const share = (counts: 'members_rows' | 'aggregate_row', at = 55): Condition => ({
  kind: 'share', name: 'emissions', at_least_percent: at, weights: weights(), aggregate: { code: 'EUU', members: [0, 1, 2, 3].map(code), counts },
});
const rule = (conditions: Condition[], threshold = 3): Rule => ({ ...UN_RULE, threshold, excluded_kinds: [], delay: { days: 30 }, conditions });

const deposit = (who: string, day: number): ActionRow => action(who, 'ratification', addDays(START, day));

describe('a share of a weights table', () => {
  it('is met the day the share is reached, and the count and the share each say when they were met', () => {
    const actions = [deposit(code(4), 0), deposit(code(5), 1), deposit(code(6), 2), deposit(code(7), 5)];
    const eif = entryIntoForce(rule([share('members_rows')]), PARTICIPANTS, actions);
    expect(eif.conditions.map((c) => [c.kind, c.met_on, c.percent])).toEqual([
      ['count', '2016-01-03', null],
      ['share', '2016-01-06', 55],
    ]);
    expect(eif.threshold_reached_on).toBe('2016-01-06');
    expect(eif.entry_into_force_on).toBe('2016-02-05');
    expect(eif.decisive?.code).toBe(code(7));
  });

  it('short of the share: the points missing, and at least one instrument still needed', () => {
    const eif = entryIntoForce(rule([share('members_rows')]), PARTICIPANTS, [deposit(code(4), 0), deposit(code(5), 1), deposit(code(8), 2)]);
    expect(eif.conditions[1]).toMatchObject({ met_on: null, percent: 40, percent_needed: 55, points_missing: 15 });
    expect(eif).toMatchObject({ threshold_reached_on: null, entry_into_force_on: null, remaining: 1 });
  });

  it.each([
    // members_rows: the EU's row never adds; its members count their own rows.
    ['members_rows', ['EUU'], 0],
    ['members_rows', ['EUU', code(0), code(1)], 20],
    ['members_rows', [code(0), code(1), code(2), code(3), 'EUU'], 30],
    // aggregate_row: the EU's total replaces the rows of its members, before or after it.
    ['aggregate_row', ['EUU'], 30],
    ['aggregate_row', [code(0), 'EUU'], 30],
    ['aggregate_row', ['EUU', code(0), code(1)], 30],
    ['aggregate_row', [code(0), code(1)], 20],
  ] as const)('%s with %j deposited: %i%%', (counts, who, percent) => {
    const eif = entryIntoForce(rule([share(counts)]), PARTICIPANTS, who.map((c, i) => deposit(c, i)));
    expect(eif.conditions[1]!.percent).toBe(percent);
  });

  it('never counts an aggregate row and its members both: the share never passes the table without it', () => {
    fc.assert(
      fc.property(fc.constantFrom('members_rows' as const, 'aggregate_row' as const), fc.subarray([...STATES.map((s) => s.code), 'EUU']), fc.array(fc.nat(40), { minLength: 13, maxLength: 13 }), (counts, who, days) => {
        const eif = entryIntoForce(rule([share(counts, 1)]), PARTICIPANTS, who.map((c, i) => deposit(c, days[i]!)));
        expect(eif.conditions[1]!.percent!).toBeLessThanOrEqual(100);
      }),
      { numRuns: 200 },
    );
  });

  it('figures with two decimals meet a threshold they reach exactly (no float shortfall)', () => {
    const rows = [{ code: code(0), weight: 0.1 }, { code: code(1), weight: 0.2 }, { code: code(2), weight: 99.7 }];
    const c: Condition = { kind: 'share', name: 'trade', at_least_percent: 0.3, weights: { name: 'trade', unit: 'per cent', source: SOURCE, rows } };
    const eif = entryIntoForce(rule([c], 1), PARTICIPANTS, [deposit(code(0), 0), deposit(code(1), 1)]);
    expect(eif.conditions[1]).toMatchObject({ met_on: '2016-01-02', points_missing: 0 });
  });
});

describe('a named list', () => {
  const list: Condition = { kind: 'list', name: 'Annex 2', participants: [code(1), code(3), code(5)] };

  it('says who is still missing, in the list\'s order, and is met by the last listed instrument', () => {
    const some = entryIntoForce(rule([list], 1), PARTICIPANTS, [deposit(code(3), 0), deposit(code(9), 1)]);
    expect(some.conditions[1]).toMatchObject({ have: 1, need: 3, missing: [code(1), code(5)], met_on: null });
    expect(some.remaining).toBe(2);
    const all = entryIntoForce(rule([list], 1), PARTICIPANTS, [deposit(code(5), 0), deposit(code(3), 4), deposit(code(1), 9)]);
    expect(all.conditions[1]).toMatchObject({ missing: [], met_on: '2016-01-10' });
    expect(all.decisive?.code).toBe(code(1));
  });

  it('is met exactly when every listed participant has consented', () => {
    fc.assert(
      fc.property(fc.subarray(STATES.map((s) => s.code), { minLength: 1 }), fc.subarray(STATES.map((s) => s.code)), (listed, who) => {
        const c: Condition = { kind: 'list', name: 'Annex', participants: listed };
        const eif = entryIntoForce(rule([c], 1), PARTICIPANTS, who.map((x, i) => deposit(x, i)));
        expect(eif.conditions[1]!.met_on !== null).toBe(listed.every((x) => who.includes(x)));
        expect(eif.conditions[1]!.missing).toEqual(listed.filter((x) => !who.includes(x)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('an earliest date', () => {
  it('bounds entry into force (a nuclear-test-ban shape) or the threshold itself', () => {
    const list: Condition = { kind: 'list', name: 'Annex 2', participants: [code(0), code(1)] };
    const early = [deposit(code(0), 0), deposit(code(1), 10)];
    const eif = (c: Condition) => entryIntoForce({ ...rule([list, c], 2), delay: { days: 180 } }, PARTICIPANTS, early);
    expect(eif({ kind: 'earliest', on: '2018-01-01', applies_to: 'entry_into_force' })).toMatchObject({ threshold_reached_on: '2016-01-11', entry_into_force_on: '2018-01-01' });
    expect(eif({ kind: 'earliest', on: '2018-01-01', applies_to: 'threshold' })).toMatchObject({ threshold_reached_on: '2018-01-01', entry_into_force_on: '2018-06-30' });
    expect(eif({ kind: 'earliest', on: '2015-01-01', applies_to: 'entry_into_force' })).toMatchObject({ entry_into_force_on: '2016-07-09' });
  });
});

describe('a count relative to another treaty\'s parties', () => {
  it.each([
    [2, 3, 30, 'up', 20],
    [2, 3, 31, 'up', 21],
    [2, 3, 31, 'down', 20],
    [2, 3, 31, 'nearest', 21],
    [3, 4, 5, 'nearest', 4],
    [1, 2, 0, 'up', 1],
  ] as const)('%i/%i of %i parties, rounded %s: %i', (numerator, denominator, parties, rounding, need) => {
    expect(relativeNeed({ kind: 'relative', treaty: 'T', as_of: START, fraction: { numerator, denominator }, rounding }, parties)).toBe(need);
  });

  it('is unknown without the other treaty, and may come later when that treaty gains parties, never earlier', () => {
    const c: Condition = { kind: 'relative', treaty: 'parent', as_of: START, fraction: { numerator: 2, denominator: 3 }, rounding: 'up' };
    const actions = STATES.map((s, i) => deposit(s.code, i));
    expect(entryIntoForce(rule([c], 1), PARTICIPANTS, actions).conditions[1]).toMatchObject({ need: null, met_on: null });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 18 }), fc.integer({ min: 0, max: 18 }), (a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        const on = (parties: number) => entryIntoForce(rule([c], 1), PARTICIPANTS, actions, { partiesOf: () => parties }).threshold_reached_on;
        const before = on(fewer);
        const after = on(more);
        if (before === null) expect(after).toBeNull();
        else if (after !== null) expect(after >= before).toBe(true);
      }),
    );
  });
});

/** Conditions a random rule may have (relative ones have their own property above). */
const anyCondition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ kind: fc.constant('group' as const), group: fc.constant('eu_member'), at_least: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('list' as const), name: fc.constant('Annex'), participants: fc.subarray(STATES.map((s) => s.code), { minLength: 1, maxLength: 5 }) }),
  fc.constantFrom(share('members_rows', 40), share('aggregate_row', 60)),
  fc.record({ kind: fc.constant('earliest' as const), on: fc.integer({ min: 0, max: 400 }).map((d) => addDays(START, d)), applies_to: fc.constantFrom('threshold' as const, 'entry_into_force' as const) }),
);
const anyConsents = fc.array(fc.record({ who: fc.constantFrom(...STATES.map((s) => s.code), 'EUU'), day: fc.integer({ min: 0, max: 400 }) }), { maxLength: 20 });
const toActions = (set: readonly { who: string; day: number }[]) => set.map((x) => deposit(x.who, x.day));

describe('rules of several conditions', () => {
  it('conditions commute: their order never changes a date', () => {
    fc.assert(
      fc.property(fc.array(anyCondition, { minLength: 1, maxLength: 4 }), anyConsents, fc.integer({ min: 1, max: 8 }), (conditions, set, threshold) => {
        const reversed = [...conditions].reverse();
        const a = entryIntoForce(rule(conditions, threshold), PARTICIPANTS, toActions(set));
        const b = entryIntoForce(rule(reversed, threshold), PARTICIPANTS, toActions(set));
        expect([b.threshold_reached_on, b.entry_into_force_on, b.remaining]).toEqual([a.threshold_reached_on, a.entry_into_force_on, a.remaining]);
      }),
      { numRuns: 300 },
    );
  });

  it('one more instrument never moves the threshold or entry into force later', () => {
    fc.assert(
      fc.property(fc.array(anyCondition, { minLength: 1, maxLength: 4 }), anyConsents, fc.constantFrom(...STATES.map((s) => s.code), 'EUU'), fc.integer({ min: 0, max: 400 }), (conditions, set, who, day) => {
        const r = rule(conditions, 3);
        const before = entryIntoForce(r, PARTICIPANTS, toActions(set));
        const after = entryIntoForce(r, PARTICIPANTS, [...toActions(set), deposit(who, day)]);
        if (before.threshold_reached_on !== null) {
          expect(after.threshold_reached_on! <= before.threshold_reached_on).toBe(true);
          expect(after.entry_into_force_on! <= before.entry_into_force_on!).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a rule of today\'s shape is one count condition, or a count and a group', () => {
    expect(conditionsOf(UN_RULE)).toEqual([{ kind: 'count', at_least: 40 }]);
    expect(conditionsOf({ ...UN_RULE, threshold: 5, group_condition: { group: 'coe_member', at_least: 3 } })).toEqual([
      { kind: 'count', at_least: 5 },
      { kind: 'group', group: 'coe_member', at_least: 3 },
    ]);
  });
});

describe('rule problems, each with its field', () => {
  it.each<[string, Condition, string]>([
    ['a duplicate row', { ...share('members_rows'), weights: weights([{ code: 'EUU', weight: 30 }, { code: code(4), weight: 1 }]) } as Condition, `conditions.0.weights.rows: ${code(4)} has more than one row`],
    ['shares that do not add up', { ...share('members_rows'), weights: weights([{ code: 'EUU', weight: 30 }, { code: 'XAA', weight: 20 }]) } as Condition, 'conditions.0.weights.rows: the shares add up to 120% without EUU\'s row, not about 100%'],
    ['an aggregate with no row', { ...share('members_rows'), weights: weights([]) } as Condition, 'conditions.0.aggregate.code: EUU has no row in the weights table'],
    ['a share above 100%', share('members_rows', 101), 'conditions.0.at_least_percent: 101% can never be met'],
    ['a list naming a participant twice', { kind: 'list', name: 'Annex 2', participants: ['DZA', 'DZA'] }, 'conditions.0.participants: DZA listed twice'],
    ['a fraction above one', { kind: 'relative', treaty: 'T', as_of: START, fraction: { numerator: 4, denominator: 3 }, rounding: 'up' }, 'conditions.0.fraction: 4/3 of the parties can never be met'],
  ])('%s', (_, c, message) => {
    const [first] = ruleProblems({ threshold: 3, group_condition: null, conditions: [c] });
    expect(`${first!.path.join('.')}: ${first!.message}`).toBe(message);
  });

  it('a table that adds up to about 100% once the aggregate row is set aside is fine', () => {
    expect(ruleProblems({ threshold: 3, group_condition: null, conditions: [share('aggregate_row')] })).toEqual([]);
  });
});

describe('conditions read from the depositary\'s words', () => {
  const CLAUSE = 'This Treaty shall enter into force 180 days after the date of deposit of the instruments of ratification by all States listed in Annex 2 to this Treaty (that is to say: Algeria, Iran (Islamic Republic of), United Kingdom of Great Britain and Northern Ireland, Viet Nam and Zaire), but in no case earlier than two years after its opening for signature.';

  it('reads the list with its own brackets, and the earliest date from the opening for signature', () => {
    expect(readListWords(CLAUSE)).toMatchObject({ name: 'Annex 2', names: ['Algeria', 'Iran (Islamic Republic of)', 'United Kingdom of Great Britain and Northern Ireland', 'Viet Nam and Zaire'] });
    expect(andSplits('Viet Nam and Zaire')).toEqual([['Viet Nam', 'Zaire']]);
    expect(readEarliestWords(CLAUSE, '1996-09-24')).toMatchObject({ on: '1998-09-24', applies_to: 'entry_into_force' });
  });

  it.each([
    'ratification by each of the 44 States listed in Annex 2 to this Treaty (namely: Algeria, Zaire)',
    'instruments of ratification by all the States listed in Annex 2 (i.e. Algeria and Zaire).',
  ])('reads the list however the clause introduces it: %s', (words) => {
    expect(readListWords(words)).toMatchObject({ name: 'Annex 2' });
    expect(readListWords(words)!.names.flatMap((n) => (andSplits(n).length ? andSplits(n)[0]! : [n]))).toEqual(['Algeria', 'Zaire']);
  });

  it('reads an earliest date given as a date', () => {
    expect(readEarliestWords('shall enter into force on the ninetieth day after the deposit of the twentieth instrument, but in no case earlier than 1 January 2000.', '1998-01-01')).toMatchObject({ on: '2000-01-01' });
  });

  it('reads nothing where the words name no list and no earliest date', () => {
    const paris = 'The Agreement enters into force on the thirtieth day after the date on which at least 55 Parties to the Convention accounting in total for at least an estimated 55 per cent of the total global greenhouse gas emissions have deposited their instruments.';
    expect(readListWords(paris)).toBeNull();
    expect(readEarliestWords(paris, '2016-04-22')).toBeNull();
  });
});
