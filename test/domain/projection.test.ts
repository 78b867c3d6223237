import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/domain/dates.js';
import type { Participant } from '../../src/domain/model.js';
import { gammaCdf, gammaQuantile, project } from '../../src/domain/projection.js';
import { treatyStatus } from '../../src/domain/status.js';
import { bundledDataDir, loadBundledData } from '../../src/store/bundled-data.js';

describe('the Gamma law of waiting times', () => {
  it('is the exponential law for one event', () => {
    for (const t of [0.5, 1, 3]) expect(gammaCdf(1, 2, t)).toBeCloseTo(1 - Math.exp(-2 * t), 12);
  });

  it('has quantiles that invert the CDF and grow with p', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.001, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (r, rate, p) => {
        const t = gammaQuantile(r, rate, p);
        expect(gammaCdf(r, rate, t)).toBeCloseTo(p, 4);
        expect(gammaQuantile(r, rate, Math.min(0.99, p + 0.01))).toBeGreaterThanOrEqual(t);
      }),
    );
  });

  it('stays finite for a long wait', () => {
    expect(gammaCdf(40, 0.001, 1_000_000)).toBe(1);
    expect(Number.isFinite(gammaQuantile(40, 0.0001, 0.9))).toBe(true);
  });
});

const RULE = loadBundledData(bundledDataDir({})).treaties.find((t) => t.id === 'XVIII-16')!.rule;

describe('project', () => {
  it('gives no date, with a reason, when there are too few instruments or the threshold is met', () => {
    expect(project({ rule: RULE, opensOn: '2025-10-25', asOf: '2026-11-23', counted: 0, remaining: 40, thresholdReachedOn: null })).toEqual({
      projection: null,
      reason: '0 counted instruments so far; an estimate needs at least 3',
    });
    expect(project({ rule: RULE, opensOn: '2025-10-25', asOf: '2026-11-23', counted: 2, remaining: 38, thresholdReachedOn: null }).reason).toMatch(/^2 counted instruments/);
    expect(project({ rule: RULE, opensOn: '2001-11-23', asOf: '2005-01-01', counted: 9, remaining: 0, thresholdReachedOn: '2004-03-18' })).toEqual({
      projection: null,
      reason: 'the threshold was met on 2004-03-18',
    });
  });

  it('orders its dates, never before the as-of date, and applies the rule to get entry into force', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 39 }), fc.integer({ min: 30, max: 3000 }), (counted, days) => {
        const asOf = new Date(Date.UTC(2025, 9, 25 + days)).toISOString().slice(0, 10);
        const r = project({ rule: RULE, opensOn: '2025-10-25', asOf, counted, remaining: 40 - counted, thresholdReachedOn: null });
        const p = r.projection!;
        expect(p.threshold_reached_on.low >= asOf).toBe(true);
        expect(p.threshold_reached_on.low <= p.threshold_reached_on.median && p.threshold_reached_on.median <= p.threshold_reached_on.high).toBe(true);
        expect(daysBetween(p.threshold_reached_on.median, p.entry_into_force.median)).toBe(90);
      }),
    );
  });
});

describe('back-test on the Budapest Convention (threshold really met on 2004-03-18)', () => {
  const data = loadBundledData(bundledDataDir({}));
  const budapest = data.treaties.find((t) => t.id === 'ets185')!;
  const participants = new Map<string, Participant>(data.participants.map((p) => [p.code, { ...p, aliases: [], groups: p.groups.split(';').filter(Boolean) }]));
  const actions = data.actions.filter((a) => a.treaty === 'ets185');

  // Errors of the median, in days, of projections made at past dates: kept here so a change of
  // method shows its effect. The 80% interval held the real date 5 times out of 7.
  it.each([
    ['2003-05-12', -11, true],
    ['2003-06-01', 20, true],
    ['2003-09-01', 163, true],
    ['2003-12-04', 24, true],
    ['2004-01-15', 73, true],
    ['2004-03-01', 127, false],
    ['2004-03-17', 146, false],
  ] as const)('made on %s: median off by %i days, real date inside the interval: %s', (asOf, error, inside) => {
    const s = treatyStatus(budapest, participants, actions, asOf);
    const p = s.projection!;
    expect(daysBetween('2004-03-18', p.threshold_reached_on.median)).toBe(error);
    expect(p.threshold_reached_on.low <= '2004-03-18' && '2004-03-18' <= p.threshold_reached_on.high).toBe(inside);
  });
});
