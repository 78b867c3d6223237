import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, laterOf, type IsoDate } from '../../src/domain/dates.js';
import { applyDelay } from '../../src/domain/delay.js';
import { entryIntoForce, firstConsents, isCounted, participantEntryIntoForce } from '../../src/domain/entry-into-force.js';
import type { ActionRow, Participant, Rule } from '../../src/domain/model.js';
import { BUDAPEST_RULE, UN_RULE, action, codeFor, participantMap, reio, state, states } from './fixtures.js';

const STATES = states(60);
const EU = reio();
const PARTICIPANTS = participantMap(...STATES, EU);
const START = '2026-01-01';

/** The first `n` States ratify, one a day from `from`. */
function ratifications(n: number, from: IsoDate = START): ActionRow[] {
  return STATES.slice(0, n).map((p, i) => action(p.code, 'ratification', addDays(from, i)));
}

const COUNTED_ACTIONS = ['ratification', 'acceptance', 'approval', 'accession'] as const;

/** A random set of consents by the 60 States, in any order, over about three years. */
const consentSet = fc.array(
  fc.record({
    who: fc.integer({ min: 0, max: STATES.length - 1 }),
    offset: fc.integer({ min: 0, max: 1000 }),
    kind: fc.constantFrom(...COUNTED_ACTIONS),
  }),
  { maxLength: 80 },
);
const toActions = (set: readonly { who: number; offset: number; kind: ActionRow['action'] }[]): ActionRow[] =>
  set.map((c) => action(codeFor(c.who), c.kind, addDays(START, c.offset)));

const anyDelay: fc.Arbitrary<Rule['delay']> = fc.oneof(
  fc.record({ days: fc.integer({ min: 0, max: 365 }) }),
  fc.record({ months: fc.integer({ min: 0, max: 24 }), then: fc.constant('first_of_next_month' as const) }),
  fc.record({ months: fc.integer({ min: 0, max: 24 }) }),
  fc.record({ years: fc.integer({ min: 0, max: 3 }) }),
);

describe('entryIntoForce: UN Convention against Cybercrime rule (40 instruments, then 90 days)', () => {
  it.each([
    [0, 40],
    [1, 39],
    [20, 20],
    [39, 1],
  ])('%i consents: pending, %i remaining', (n, remaining) => {
    const eif = entryIntoForce(UN_RULE, PARTICIPANTS, ratifications(n));
    expect(eif).toMatchObject({
      counted: n,
      counted_in_group: null,
      remaining,
      threshold_reached_on: null,
      decisive: null,
      entry_into_force_on: null,
    });
    expect(eif.consents).toHaveLength(n);
  });

  it('the 40th instrument meets the threshold; entry into force is the 90th day after it', () => {
    const actions = ratifications(40);
    const fortieth = actions[39]!;
    expect(fortieth.date).toBe('2026-02-09');
    const eif = entryIntoForce(UN_RULE, PARTICIPANTS, actions);
    expect(eif).toMatchObject({
      counted: 40,
      remaining: 0,
      threshold_reached_on: '2026-02-09',
      decisive: { code: fortieth.code, date: '2026-02-09', action: 'ratification', counted: true },
      entry_into_force_on: '2026-05-10',
    });
    expect(eif.entry_into_force_on).toBe(addDays('2026-02-09', 90));
  });

  it('instruments after the 40th count but do not move the threshold date', () => {
    const eif = entryIntoForce(UN_RULE, PARTICIPANTS, ratifications(45));
    expect(eif).toMatchObject({ counted: 45, remaining: 0, threshold_reached_on: '2026-02-09', entry_into_force_on: '2026-05-10' });
  });

  it.each(COUNTED_ACTIONS)('an instrument of %s counts', (kind) => {
    const actions = [...ratifications(39), action(codeFor(39), kind, '2026-03-01')];
    const eif = entryIntoForce(UN_RULE, PARTICIPANTS, actions);
    expect(eif.counted).toBe(40);
    expect(eif.threshold_reached_on).toBe('2026-03-01');
  });

  it.each(['signature', 'succession', 'definitive_signature', 'declaration', 'reservation', 'denunciation'] as const)(
    '%s is not one of the rule\'s counted actions, so it is not a consent',
    (kind) => {
      const actions = [...ratifications(39), action(codeFor(39), kind, '2026-03-01')];
      const eif = entryIntoForce(UN_RULE, PARTICIPANTS, actions);
      expect(eif.consents).toHaveLength(39);
      expect(eif.counted).toBe(39);
      expect(eif.remaining).toBe(1);
    },
  );

  it('does not depend on the order of the action rows', () => {
    const actions = ratifications(42);
    const reversed = [...actions].reverse();
    expect(entryIntoForce(UN_RULE, PARTICIPANTS, reversed)).toEqual(entryIntoForce(UN_RULE, PARTICIPANTS, actions));
  });
});

describe('the European Union (kind "reio") is not counted in addition to its member States', () => {
  it('isCounted is false for an excluded kind, true for a State', () => {
    expect(isCounted(UN_RULE, 'approval', EU)).toBe(false);
    expect(isCounted(UN_RULE, 'ratification', state('FRA'))).toBe(true);
    expect(isCounted(UN_RULE, 'signature', state('FRA'))).toBe(false);
  });

  it('39 States and the EU: 40 consents, 39 counted, still pending', () => {
    const actions = [...ratifications(39), action('EUU', 'approval', '2026-01-15')];
    const eif = entryIntoForce(UN_RULE, PARTICIPANTS, actions);
    expect(eif.consents).toHaveLength(40);
    expect(eif.consents.find((c) => c.code === 'EUU')).toEqual({ code: 'EUU', date: '2026-01-15', action: 'approval', counted: false });
    expect(eif).toMatchObject({ counted: 39, remaining: 1, threshold_reached_on: null, entry_into_force_on: null });
  });

  it('an EU instrument deposited the same day as the 40th State does not become the decisive one', () => {
    const actions = [...ratifications(40), action('EUU', 'approval', '2026-02-09')];
    const eif = entryIntoForce(UN_RULE, PARTICIPANTS, actions);
    expect(eif.decisive?.code).toBe(codeFor(39));
    expect(eif.threshold_reached_on).toBe('2026-02-09');
  });

  it('never changes counted, the threshold date or entry into force (property)', () => {
    fc.assert(
      fc.property(consentSet, fc.integer({ min: 0, max: 1000 }), fc.constantFrom(...COUNTED_ACTIONS), fc.integer({ min: 1, max: 45 }), (set, offset, kind, threshold) => {
        const rule = { ...UN_RULE, threshold };
        const actions = toActions(set);
        const without = entryIntoForce(rule, PARTICIPANTS, actions);
        const withEu = entryIntoForce(rule, PARTICIPANTS, [...actions, action('EUU', kind, addDays(START, offset))]);
        expect(withEu.counted).toBe(without.counted);
        expect(withEu.remaining).toBe(without.remaining);
        expect(withEu.threshold_reached_on).toBe(without.threshold_reached_on);
        expect(withEu.entry_into_force_on).toBe(without.entry_into_force_on);
        expect(withEu.consents).toHaveLength(without.consents.length + 1);
      }),
    );
  });
});

describe('same-day deposits and repeated consents', () => {
  it('several instruments on the day of the 40th: the threshold is reached that day', () => {
    const actions = [
      ...ratifications(38),
      action(codeFor(40), 'accession', '2026-03-02'),
      action(codeFor(38), 'ratification', '2026-03-02'),
      action(codeFor(39), 'acceptance', '2026-03-02'),
    ];
    const eif = entryIntoForce(UN_RULE, PARTICIPANTS, actions);
    expect(eif.counted).toBe(41);
    expect(eif.threshold_reached_on).toBe('2026-03-02');
    expect(eif.entry_into_force_on).toBe('2026-05-31');
    // Same day: ordered by code, so the 40th is the same whatever the row order.
    expect(eif.decisive?.code).toBe(codeFor(39));
    expect(eif.consents.slice(-3).map((c) => c.code)).toEqual([codeFor(38), codeFor(39), codeFor(40)]);
  });

  it('a participant that consents twice keeps its first consent and counts once', () => {
    const code = codeFor(0);
    const actions = [
      action(code, 'accession', '2026-06-01'),
      ...ratifications(39),
      action(code, 'approval', '2025-12-15'),
    ];
    const consents = firstConsents(UN_RULE, PARTICIPANTS, actions);
    expect(consents.filter((c) => c.code === code)).toEqual([{ code, date: '2025-12-15', action: 'approval', counted: true }]);
    const eif = entryIntoForce(UN_RULE, PARTICIPANTS, actions);
    expect(eif.counted).toBe(39);
    expect(eif.remaining).toBe(1);
  });

  it('first consents come first deposited first (property)', () => {
    fc.assert(
      fc.property(consentSet, (set) => {
        const consents = firstConsents(UN_RULE, PARTICIPANTS, toActions(set));
        const codes = consents.map((c) => c.code);
        expect(new Set(codes).size).toBe(codes.length);
        for (let i = 1; i < consents.length; i++) expect(consents[i - 1]!.date <= consents[i]!.date).toBe(true);
        for (const c of consents) {
          const earliest = set.filter((s) => codeFor(s.who) === c.code).map((s) => addDays(START, s.offset)).sort()[0];
          expect(c.date).toBe(earliest);
        }
      }),
    );
  });
});

describe('participantEntryIntoForce: later parties, 30th day after deposit or entry into force, whichever is later', () => {
  const eif = entryIntoForce(UN_RULE, PARTICIPANTS, ratifications(40));
  // Threshold 2026-02-09, entry into force 2026-05-10.

  it.each([
    ['2026-01-01', '2026-05-10', 'an early party: with the treaty'],
    ['2026-02-09', '2026-05-10', 'the 40th itself'],
    ['2026-02-10', '2026-05-10', 'the day after: +30 days is before entry into force'],
    ['2026-04-10', '2026-05-10', 'exactly 30 days before entry into force'],
    ['2026-04-11', '2026-05-11', '+30 days is after entry into force'],
    ['2026-07-01', '2026-07-31', 'well after entry into force'],
  ])('consent on %s: in force for it on %s (%s)', (consentOn, expected) => {
    expect(participantEntryIntoForce(UN_RULE, eif, consentOn)).toBe(expected);
  });

  it('is null while the treaty is not due to enter into force', () => {
    const pending = entryIntoForce(UN_RULE, PARTICIPANTS, ratifications(39));
    expect(participantEntryIntoForce(UN_RULE, pending, '2026-01-01')).toBeNull();
  });

  it('is max(consent + 30 days, entry into force) for any later consent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (offset) => {
        const consentOn = addDays('2026-02-09', offset);
        expect(participantEntryIntoForce(UN_RULE, eif, consentOn)).toBe(laterOf(addDays(consentOn, 30), '2026-05-10'));
      }),
    );
  });

  it('without "not before entry into force", a later party may count only its own delay', () => {
    const rule: Rule = { ...UN_RULE, later: { delay: { days: 30 }, not_before_entry_into_force: false } };
    expect(participantEntryIntoForce(rule, eif, '2026-02-10')).toBe('2026-03-12');
  });
});

describe('group condition (Budapest: five States, at least three Council of Europe members)', () => {
  const members = states(10, ['coe_member'], 100);
  const others = states(10, [], 200);
  const people = participantMap(...members, ...others);
  const m = (i: number) => members[i]!.code;
  const o = (i: number) => others[i]!.code;

  it('five Council of Europe members: in force the 1st of the month after three months (2004-03-18 → 2004-07-01)', () => {
    const actions = [
      action(m(0), 'ratification', '2002-06-20'),
      action(m(1), 'ratification', '2002-10-17'),
      action(m(2), 'ratification', '2003-05-12'),
      action(m(3), 'ratification', '2003-12-04'),
      action(m(4), 'ratification', '2004-03-18'),
    ];
    const eif = entryIntoForce(BUDAPEST_RULE, people, actions);
    expect(eif).toMatchObject({ counted: 5, counted_in_group: 5, remaining: 0, threshold_reached_on: '2004-03-18', entry_into_force_on: '2004-07-01' });
    // A State consenting later: the 1st of the month after three months of its own; no "whichever is later".
    expect(participantEntryIntoForce(BUDAPEST_RULE, eif, '2004-05-12')).toBe('2004-09-01');
  });

  it('five consents with only two members fall short; the 6th, a member, meets the condition', () => {
    const five = [
      action(o(0), 'ratification', '2025-01-10'),
      action(m(0), 'ratification', '2025-02-10'),
      action(o(1), 'accession', '2025-03-10'),
      action(o(2), 'ratification', '2025-04-10'),
      action(m(1), 'ratification', '2025-05-10'),
    ];
    const short = entryIntoForce(BUDAPEST_RULE, people, five);
    expect(short).toMatchObject({ counted: 5, counted_in_group: 2, remaining: 1, threshold_reached_on: null, entry_into_force_on: null });

    const sixth = action(m(2), 'ratification', '2025-11-30');
    const met = entryIntoForce(BUDAPEST_RULE, people, [...five, sixth]);
    expect(met).toMatchObject({ counted: 6, counted_in_group: 3, remaining: 0, threshold_reached_on: '2025-11-30', entry_into_force_on: '2026-03-01' });
    expect(met.decisive?.code).toBe(m(2));
  });

  it.each([
    [0, 0, 5],
    [4, 0, 3],
    [2, 2, 1],
    [0, 3, 2],
    [3, 2, 1],
    [5, 2, 1],
  ])('%i non-members and %i members: %i remaining', (nOthers, nMembers, remaining) => {
    const actions = [
      ...others.slice(0, nOthers).map((p, i) => action(p.code, 'ratification', addDays('2025-01-01', i))),
      ...members.slice(0, nMembers).map((p, i) => action(p.code, 'ratification', addDays('2025-06-01', i))),
    ];
    const eif = entryIntoForce(BUDAPEST_RULE, people, actions);
    expect(eif.remaining).toBe(remaining);
    expect(eif.counted_in_group).toBe(nMembers);
  });
});

describe('rule properties', () => {
  const members = states(30, ['coe_member'], 0);
  const others = states(30, [], 30);
  const groupPeople: ReadonlyMap<string, Participant> = participantMap(...members, ...others, EU);

  const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
    fc.record({ threshold: fc.integer({ min: 1, max: 45 }), delay: anyDelay }).map(({ threshold, delay }) => ({ ...UN_RULE, threshold, delay })),
    fc
      .record({ threshold: fc.integer({ min: 1, max: 10 }), atLeast: fc.integer({ min: 1, max: 10 }), delay: anyDelay })
      .map(({ threshold, atLeast, delay }) => ({ ...BUDAPEST_RULE, threshold, group_condition: { group: 'coe_member', at_least: atLeast }, delay })),
  );

  it('one more consent never delays entry into force, nor brings it before the threshold date', () => {
    fc.assert(
      fc.property(
        ruleArb,
        consentSet,
        fc.record({ who: fc.integer({ min: 0, max: 59 }), offset: fc.integer({ min: 0, max: 1000 }), kind: fc.constantFrom(...COUNTED_ACTIONS) }),
        (rule, set, extra) => {
          const before = entryIntoForce(rule, groupPeople, toActions(set));
          const after = entryIntoForce(rule, groupPeople, toActions([...set, extra]));
          expect(after.counted).toBeGreaterThanOrEqual(before.counted);
          expect(after.counted).toBeLessThanOrEqual(before.counted + 1);
          expect(after.remaining).toBeLessThanOrEqual(before.remaining);
          if (before.entry_into_force_on !== null) {
            expect(after.entry_into_force_on).not.toBeNull();
            expect(after.entry_into_force_on! <= before.entry_into_force_on).toBe(true);
            expect(after.threshold_reached_on! <= before.threshold_reached_on!).toBe(true);
          }
          if (after.entry_into_force_on !== null) {
            expect(after.entry_into_force_on >= after.threshold_reached_on!).toBe(true);
          }
        },
      ),
    );
  });

  it('a consent dated after the threshold date never moves entry into force (property)', () => {
    fc.assert(
      fc.property(ruleArb, consentSet, fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 59 }), (rule, set, later, who) => {
        const before = entryIntoForce(rule, groupPeople, toActions(set));
        fc.pre(before.threshold_reached_on !== null); // a discarded case, not a pass: fast-check fails when too many are
        const code = [...groupPeople.keys()][who]!;
        const after = entryIntoForce(rule, groupPeople, [...toActions(set), action(code, 'accession', addDays(before.threshold_reached_on, later))]);
        expect(after.entry_into_force_on).toBe(before.entry_into_force_on);
        expect(after.threshold_reached_on).toBe(before.threshold_reached_on);
      }),
    );
  });

  it('entry into force is the rule\'s delay after the threshold date, never before it', () => {
    fc.assert(
      fc.property(ruleArb, consentSet, (rule, set) => {
        const eif = entryIntoForce(rule, groupPeople, toActions(set));
        expect(eif.entry_into_force_on === null).toBe(eif.threshold_reached_on === null);
        expect(eif.remaining === 0).toBe(eif.threshold_reached_on !== null);
        if (eif.threshold_reached_on !== null) {
          expect(eif.entry_into_force_on).toBe(applyDelay(eif.threshold_reached_on, rule.delay));
          expect(eif.entry_into_force_on! >= eif.threshold_reached_on).toBe(true);
          expect(eif.decisive?.date).toBe(eif.threshold_reached_on);
          expect(eif.counted).toBeGreaterThanOrEqual(rule.threshold);
        }
      }),
    );
  });

  it('without a group condition, the threshold is met exactly when counted reaches it, on the date of that consent', () => {
    fc.assert(
      fc.property(consentSet, fc.integer({ min: 1, max: 45 }), (set, threshold) => {
        const rule = { ...UN_RULE, threshold };
        const eif = entryIntoForce(rule, PARTICIPANTS, toActions(set));
        const counted = eif.consents.filter((c) => c.counted);
        expect(eif.counted).toBe(counted.length);
        expect(eif.remaining).toBe(Math.max(0, threshold - counted.length));
        expect(eif.threshold_reached_on).toBe(counted[threshold - 1]?.date ?? null);
      }),
    );
  });

  it('a participant\'s own entry into force is never before the treaty\'s, with "not before entry into force"', () => {
    fc.assert(
      fc.property(consentSet, fc.integer({ min: 1, max: 45 }), (set, threshold) => {
        const rule = { ...UN_RULE, threshold };
        const eif = entryIntoForce(rule, PARTICIPANTS, toActions(set));
        for (const c of eif.consents) {
          const on = participantEntryIntoForce(rule, eif, c.date);
          if (eif.entry_into_force_on === null) expect(on).toBeNull();
          else expect(on! >= eif.entry_into_force_on && on! > c.date).toBe(true);
        }
      }),
    );
  });
});
