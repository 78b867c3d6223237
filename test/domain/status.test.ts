import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, type IsoDate } from '../../src/domain/dates.js';
import { STALE_AFTER_DAYS, actionsUpTo, participantCounts, participantStates, treatyStatus } from '../../src/domain/status.js';
import type { ActionRow, PublishedInForce } from '../../src/domain/model.js';
import { action, codeFor, makeTreaty, participantMap, reio, state, states } from './fixtures.js';

const TREATY = makeTreaty(); // signature 2025-10-25 .. 2026-12-31, snapshot 2025-11-16, UN rule
const STATES = states(50);
const PARTICIPANTS = participantMap(...STATES, reio(), state('VNM', [], 'Viet Nam'));

// Hanoi: 3 signatures on the opening day; then 40 ratifications, one a day from 2027-01-04.
// The 40th is on 2027-02-12, so the treaty enters into force on 2027-05-13.
const SIGNATURES = STATES.slice(0, 3).map((p) => action(p.code, 'signature', '2025-10-25'));
const RATIFICATIONS = STATES.slice(0, 40).map((p, i) => action(p.code, 'ratification', addDays('2027-01-04', i)));
const ACTIONS: ActionRow[] = [...SIGNATURES, ...RATIFICATIONS];
const THRESHOLD_ON = '2027-02-12';
const EIF_ON = '2027-05-13';

describe('treatyStatus: the signature window', () => {
  it.each<[string, IsoDate, number, boolean, number | null]>([
    ['before it opens', '2025-10-24', 0, false, null],
    ['on the opening day', '2025-10-25', 3, true, 432],
    ['during it', '2025-11-16', 3, true, 410],
    ['the day before it closes', '2026-12-30', 3, true, 1],
    ['on the closing day, still open', '2026-12-31', 3, true, 0],
    ['the day after it closes', '2027-01-01', 3, false, null],
    ['long after', '2030-01-01', 3, false, null],
  ])('%s (%s): %i signatories, open %s, %s days left', (_label, asOf, signatories, open, daysLeft) => {
    const s = treatyStatus(TREATY, PARTICIPANTS, ACTIONS, asOf);
    expect(s.signatories).toBe(signatories);
    expect(s.signature).toEqual({ opens_on: '2025-10-25', closes_on: '2026-12-31', closes: 'on_date', open, days_left: daysLeft });
  });

  it('with no closing date, stays open with no days left to count', () => {
    const treaty = makeTreaty({ signature: { closes_on: null } });
    expect(treatyStatus(treaty, PARTICIPANTS, [], '2040-01-01').signature).toEqual({
      opens_on: '2025-10-25',
      closes_on: null,
      closes: 'never',
      open: true,
      days_left: null,
    });
  });

  it('whose closing the source does not state, is never shown open', () => {
    const base = makeTreaty({ signature: { closes_on: null } });
    const treaty = { ...base, signature: { ...base.signature, closes: 'not_stated' as const } };
    expect(treatyStatus(treaty, PARTICIPANTS, [], '2026-01-01').signature).toEqual({ opens_on: '2025-10-25', closes_on: null, closes: 'not_stated', open: null, days_left: null });
  });

  it('that closes at entry into force, is open until the day before it', () => {
    const base = makeTreaty({ signature: { closes_on: null } });
    const treaty = { ...base, signature: { ...base.signature, closes: 'at_entry_into_force' as const } };
    expect(treatyStatus(treaty, PARTICIPANTS, [], '2026-01-01').signature).toMatchObject({ closes_on: null, closes: 'at_entry_into_force', open: true });
    const after = treatyStatus(treaty, PARTICIPANTS, ACTIONS, '2030-01-01');
    expect(after.entry_into_force.state).toBe('in_force');
    expect(after.signature).toMatchObject({ closes_on: addDays(after.entry_into_force.date!, -1), closes: 'at_entry_into_force', open: false });
  });
});

describe('treatyStatus: entry into force as the as-of date moves', () => {
  it.each<[string, IsoDate, object]>([
    ['before any instrument', '2026-06-01', { consents: 0, counted: 0, remaining: 40, threshold_reached_on: null, entry_into_force: { state: 'pending', date: null, days_until: null } }],
    ['with 39 instruments', '2027-02-11', { consents: 39, counted: 39, remaining: 1, threshold_reached_on: null, entry_into_force: { state: 'pending', date: null, days_until: null } }],
    ['the day of the 40th', THRESHOLD_ON, { consents: 40, counted: 40, remaining: 0, threshold_reached_on: THRESHOLD_ON, entry_into_force: { state: 'scheduled', date: EIF_ON, days_until: 90 } }],
    ['the day before entry into force', '2027-05-12', { remaining: 0, entry_into_force: { state: 'scheduled', date: EIF_ON, days_until: 1 } }],
    ['the day of entry into force', EIF_ON, { remaining: 0, entry_into_force: { state: 'in_force', date: EIF_ON, days_until: null } }],
    ['a year later', '2028-05-13', { counted: 40, entry_into_force: { state: 'in_force', date: EIF_ON, days_until: null } }],
  ])('%s (%s)', (_label, asOf, expected) => {
    const s = treatyStatus(TREATY, PARTICIPANTS, ACTIONS, asOf);
    expect(s).toMatchObject({ treaty: 'XVIII-16', as_of: asOf, threshold: 40, ...expected });
  });

  it('ignores actions dated after as_of', () => {
    const asOf = '2027-01-10';
    const s = treatyStatus(TREATY, PARTICIPANTS, ACTIONS, asOf);
    expect(s).toMatchObject({ signatories: 3, consents: 7, counted: 7, remaining: 33 });
    expect(s).toEqual(treatyStatus(TREATY, PARTICIPANTS, actionsUpTo(ACTIONS, asOf), asOf));
    expect(actionsUpTo(ACTIONS, asOf).every((a) => a.date <= asOf)).toBe(true);
  });

  it('the EU instrument is a consent but not counted', () => {
    const s = treatyStatus(TREATY, PARTICIPANTS, [...ACTIONS, action('EUU', 'approval', '2027-01-05')], '2027-02-12');
    expect(s).toMatchObject({ consents: 41, counted: 40, remaining: 0, threshold_reached_on: THRESHOLD_ON });
  });

  it('is the same as of any date whatever actions follow it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 400 }), (offset, later) => {
        const asOf = addDays('2025-10-01', offset);
        const extra = action(codeFor(45), 'ratification', addDays(asOf, later));
        expect(treatyStatus(TREATY, PARTICIPANTS, [...ACTIONS, extra], asOf)).toEqual(treatyStatus(TREATY, PARTICIPANTS, ACTIONS, asOf));
      }),
    );
  });
});

describe('treatyStatus: data freshness', () => {
  it.each<[IsoDate, number, boolean]>([
    // Before the snapshot the data covers the question: no age, never a negative one.
    ['2025-11-01', 0, false],
    ['2025-10-01', 0, false],
    ['2025-11-16', 0, false],
    ['2025-12-16', 30, false],
    ['2025-12-17', 31, true],
    ['2026-11-23', 372, true],
  ])('snapshot of 2025-11-16, as of %s: %i days old, stale %s', (asOf, age, stale) => {
    const s = treatyStatus(TREATY, PARTICIPANTS, ACTIONS, asOf);
    expect(s).toMatchObject({ data_as_of: '2025-11-16', data_age_days: age, data_stale: stale });
  });

  it('calls data stale after 30 days', () => {
    expect(STALE_AFTER_DAYS).toBe(30);
  });
});

describe('participantStates', () => {
  const treaty = makeTreaty({ rule: { threshold: 3 } });
  const people = participantMap(state('AAA', [], 'Albania'), state('BBB', [], 'Brazil'), state('CCC', [], 'Chile'), state('DDD', [], 'Denmark'), reio());
  // Albania signs, ratifies, then denounces; Brazil and Chile ratify; the threshold (3) is met on 2026-03-01.
  const actions: ActionRow[] = [
    action('AAA', 'signature', '2025-10-25'),
    action('AAA', 'ratification', '2026-02-01'),
    action('BBB', 'ratification', '2026-02-15'),
    action('CCC', 'accession', '2026-03-01'),
    action('DDD', 'signature', '2025-10-26'),
    action('DDD', 'ratification', '2026-07-01'),
    action('AAA', 'denunciation', '2027-03-10'),
  ];
  // Entry into force: 2026-03-01 + 90 days = 2026-05-30. Denmark: 2026-07-01 + 30 = 2026-07-31.
  // Albania's denunciation takes effect a year after notification: 2028-03-10.
  const row = (code: string, asOf: IsoDate) => participantStates(treaty, people, actions, asOf).find((s) => s.code === code);

  it('a participant with no action by as_of is listed with status none (DESIGN §3: who has not)', () => {
    // Albania's first action is its signature on 2025-10-25.
    expect(row('AAA', '2025-10-24')).toEqual({
      code: 'AAA',
      name: 'Albania',
      kind: 'state',
      un_group: 'none',
      signed_on: null,
      consent_on: null,
      consent_type: null,
      in_force_on: null,
      denounced_on: null,
      status: 'none',
      date_unknown: false,
      party_by: null,
      latest_step: null,
      latest_step_on: null,
    });
  });

  it.each<[IsoDate, string]>([
    ['2025-10-25', 'signed'],
    ['2026-01-31', 'signed'],
    ['2026-02-01', 'consented'],
    ['2026-05-29', 'consented'],
    ['2026-05-30', 'in_force'],
    ['2027-03-10', 'in_force'],
    ['2028-03-09', 'in_force'],
    ['2028-03-10', 'denounced'],
  ])('Albania as of %s: %s', (asOf, status) => {
    expect(row('AAA', asOf)?.status).toBe(status);
  });

  it.each<[IsoDate, string]>([
    ['2025-10-26', 'signed'],
    ['2026-07-01', 'consented'],
    ['2026-07-30', 'consented'],
    ['2026-07-31', 'in_force'],
  ])('Denmark, a later party, as of %s: %s', (asOf, status) => {
    expect(row('DDD', asOf)?.status).toBe(status);
  });

  it('gives each row the DESIGN §3 fields', () => {
    expect(row('AAA', '2028-03-10')).toEqual({
      code: 'AAA',
      name: 'Albania',
      kind: 'state',
      un_group: 'none',
      signed_on: '2025-10-25',
      consent_on: '2026-02-01',
      consent_type: 'ratification',
      in_force_on: '2026-05-30',
      denounced_on: '2028-03-10',
      status: 'denounced',
      date_unknown: false,
      party_by: null,
      latest_step: null,
      latest_step_on: null,
    });
    expect(row('CCC', '2026-06-01')).toMatchObject({ signed_on: null, consent_on: '2026-03-01', consent_type: 'accession', in_force_on: '2026-05-30', status: 'in_force' });
    expect(row('DDD', '2026-07-01')).toMatchObject({ in_force_on: '2026-07-31', status: 'consented' });
  });

  it('before the threshold, a consented participant has no entry-into-force date', () => {
    expect(row('BBB', '2026-02-20')).toMatchObject({ consent_on: '2026-02-15', in_force_on: null, status: 'consented' });
  });

  it('a denunciation not yet in effect leaves the participant in force, with its effective date', () => {
    expect(row('AAA', '2027-06-01')).toMatchObject({ denounced_on: '2028-03-10', status: 'in_force' });
  });

  it('ignores actions after as_of', () => {
    expect(row('AAA', '2026-01-31')).toMatchObject({ consent_on: null, consent_type: null, in_force_on: null, denounced_on: null });
    expect(row('DDD', '2026-06-30')).toMatchObject({ signed_on: '2025-10-26', consent_on: null, in_force_on: null, status: 'signed' });
  });

  it('sorts rows by name', () => {
    expect(participantStates(treaty, people, actions, '2026-12-31').map((s) => s.name)).toEqual(['Albania', 'Brazil', 'Chile', 'Denmark', 'European Union']);
  });

  it('the EU\'s own entry into force follows the rule for later parties, though it is not counted', () => {
    const withEu = [...actions, action('EUU', 'approval', '2026-09-01')];
    const eu = participantStates(treaty, people, withEu, '2026-10-01').find((s) => s.code === 'EUU');
    expect(eu).toMatchObject({ kind: 'reio', consent_on: '2026-09-01', in_force_on: '2026-10-01', status: 'in_force' });
  });

  it('status only moves forward, none → signed → consented → in_force → denounced (property)', () => {
    const order = ['none', 'signed', 'consented', 'in_force', 'denounced'];
    // A missing row reads as none here, so this property is independent of whether none rows are listed.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 1, max: 400 }), (offset, step) => {
        const a = addDays('2025-10-01', offset);
        const b = addDays(a, step);
        for (const code of ['AAA', 'BBB', 'CCC', 'DDD']) {
          const before = order.indexOf(row(code, a)?.status ?? 'none');
          const after = order.indexOf(row(code, b)?.status ?? 'none');
          expect(after).toBeGreaterThanOrEqual(before);
        }
      }),
    );
  });
});

describe('participantCounts: the counts the depositary\'s published figures are checked against', () => {
  const KINDS = ['signature', 'ratification', 'accession', 'approval', 'denunciation', 'withdrawal', 'declaration', 'domestic_approval'] as const;
  const anAction = fc.record({ who: fc.integer({ min: 0, max: 52 }), kind: fc.constantFrom(...KINDS), offset: fc.integer({ min: 0, max: 900 }) });
  const PUBLISHED: PublishedInForce[] = [{ code: codeFor(47), consent_type: null, in_force_on: null, party_by: '2026-03-01', source: 'https://example.org/published' }];

  it('are the signatories and consents treatyStatus gives, for any actions and date (property)', () => {
    fc.assert(
      fc.property(fc.array(anAction, { maxLength: 60 }), fc.integer({ min: 0, max: 1000 }), fc.boolean(), (drawn, offset, withPublished) => {
        const codes = [...PARTICIPANTS.keys()];
        const actions = [...ACTIONS, ...drawn.map((d) => action(codes[d.who % codes.length]!, d.kind, addDays('2025-10-01', d.offset)))];
        const asOf = addDays('2025-10-01', offset);
        const published = withPublished ? PUBLISHED : [];
        const full = treatyStatus(TREATY, PARTICIPANTS, actions, asOf, published);
        expect(participantCounts(TREATY, PARTICIPANTS, actions, asOf, published)).toEqual({ signatories: full.signatories, consents: full.consents });
      }),
    );
  });
});
