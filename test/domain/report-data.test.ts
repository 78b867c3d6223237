// The figures behind the timeline and the report: cumulative series and regional groups, on plain values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Participant } from '../../src/domain/model.js';
import { regionalBreakdown } from '../../src/domain/regions.js';
import { seriesAsOf } from '../../src/domain/series.js';
import { participantStates, treatyStatus } from '../../src/domain/status.js';
import { action, codeFor, makeTreaty, participantMap, reio, state } from './fixtures.js';

const inGroup = (p: Participant, un_group: string): Participant => ({ ...p, un_group });

describe('cumulativeSeries', () => {
  const treaty = makeTreaty({ rule: { threshold: 3 } });
  const participants = participantMap(state('AAA'), state('BBB'), state('CCC'), reio());

  it('steps up once per date, counting each signatory once and each counted consent once', () => {
    const actions = [
      action('AAA', 'signature', '2025-10-25'),
      action('BBB', 'signature', '2025-10-25'),
      action('EUU', 'signature', '2025-11-01'),
      action('AAA', 'ratification', '2026-01-10'),
      // A second instrument by the same State, and the EU's, which the rule does not count.
      action('AAA', 'acceptance', '2026-02-01'),
      action('EUU', 'approval', '2026-02-01'),
      action('CCC', 'accession', '2026-03-05'),
    ];
    expect(seriesAsOf(treaty, participants, actions, '2026-12-31')).toEqual([
      { date: '2025-10-25', signatories: 2, counted: 0 },
      { date: '2025-11-01', signatories: 3, counted: 0 },
      { date: '2026-01-10', signatories: 3, counted: 1 },
      { date: '2026-03-05', signatories: 3, counted: 2 },
    ]);
  });

  it('stops at the as-of date', () => {
    const actions = [action('AAA', 'signature', '2025-10-25'), action('AAA', 'ratification', '2026-01-10')];
    expect(seriesAsOf(treaty, participants, actions, '2026-01-09')).toEqual([{ date: '2025-10-25', signatories: 1, counted: 0 }]);
  });

  it('counts a party known only from the depositary from the first date a source proves it a party', () => {
    const published = [
      { code: 'BBB', consent_type: 'ratification', in_force_on: '2026-06-01', party_by: null },
      { code: 'CCC', consent_type: null, in_force_on: null, party_by: '2026-04-01' },
    ];
    const series = seriesAsOf(treaty, participants, [action('AAA', 'ratification', '2026-01-10')], '2026-12-31', published);
    expect(series.map((p) => [p.date, p.counted])).toEqual([
      ['2026-01-10', 1],
      ['2026-04-01', 2],
      ['2026-06-01', 3],
    ]);
  });

  it('ends on the figures treatyStatus gives, whatever the actions', () => {
    const many = participantMap(...Array.from({ length: 12 }, (_, i) => state(codeFor(i))), reio());
    const codes = [...many.keys()];
    const kinds = ['signature', 'ratification', 'accession', 'approval', 'denunciation', 'domestic_law'] as const;
    const arbitraryAction = fc
      .record({ code: fc.constantFrom(...codes), kind: fc.constantFrom(...kinds), day: fc.integer({ min: 0, max: 900 }) })
      .map(({ code, kind, day }) => action(code, kind, new Date(Date.UTC(2025, 9, 25 + day)).toISOString().slice(0, 10)));
    fc.assert(
      fc.property(fc.array(arbitraryAction, { maxLength: 40 }), fc.integer({ min: 0, max: 1000 }), (actions, day) => {
        const asOf = new Date(Date.UTC(2025, 9, 25 + day)).toISOString().slice(0, 10);
        const sorted = [...actions].sort((a, b) => a.date.localeCompare(b.date));
        const series = seriesAsOf(treaty, many, sorted, asOf);
        const status = treatyStatus(treaty, many, sorted, asOf);
        const last = series.at(-1) ?? { signatories: 0, counted: 0 };
        expect(last.signatories).toBe(status.signatories);
        expect(last.counted).toBe(status.counted);
        for (let i = 1; i < series.length; i++) {
          expect(series[i]!.date > series[i - 1]!.date).toBe(true);
          expect(series[i]!.counted).toBeGreaterThanOrEqual(series[i - 1]!.counted);
          expect(series[i]!.signatories).toBeGreaterThanOrEqual(series[i - 1]!.signatories);
        }
      }),
    );
  });
});

describe('regionalBreakdown', () => {
  const treaty = makeTreaty({ rule: { threshold: 3 } });
  const participants = participantMap(
    inGroup(state('AAA'), 'African States'),
    inGroup(state('BBB'), 'African States'),
    inGroup(state('CCC'), 'African States'),
    inGroup(state('DDD'), 'Western European and other States'),
    reio(),
  );

  it('splits each group into consented, signed only and no action, and adds them up', () => {
    const actions = [
      action('AAA', 'signature', '2025-10-25'),
      action('AAA', 'ratification', '2026-01-10'),
      action('BBB', 'signature', '2025-10-25'),
      // An accession without a signature: consented, not a signatory.
      action('DDD', 'accession', '2026-02-01'),
      action('EUU', 'signature', '2025-10-25'),
    ];
    const rows = regionalBreakdown(participantStates(treaty, participants, actions, '2026-12-31'));
    expect(rows).toEqual([
      { group: 'African States', participants: 3, signed: 2, consented: 1, signed_only: 1, not_yet: 1 },
      { group: 'Western European and other States', participants: 1, signed: 0, consented: 1, signed_only: 0, not_yet: 0 },
      { group: 'none', participants: 1, signed: 1, consented: 0, signed_only: 1, not_yet: 0 },
      { group: 'total', participants: 5, signed: 3, consented: 2, signed_only: 2, not_yet: 1 },
    ]);
  });

  it('leaves out groups with no participants, and totals agree with the status', () => {
    const actions = [action('AAA', 'signature', '2025-10-25'), action('DDD', 'ratification', '2026-03-01')];
    const rows = regionalBreakdown(participantStates(treaty, participants, actions, '2026-12-31'));
    expect(rows.map((r) => r.group)).toEqual(['African States', 'Western European and other States', 'none', 'total']);
    const status = treatyStatus(treaty, participants, actions, '2026-12-31');
    expect(rows.at(-1)).toMatchObject({ signed: status.signatories, consented: status.consents });
  });
});
