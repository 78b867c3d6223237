import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/domain/dates.js';
import type { Participant } from '../../src/domain/model.js';
import { PROJECTION_DATA_LIMIT_DAYS, gammaCdf, gammaQuantile, project } from '../../src/domain/projection.js';
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
    expect(project({ rule: RULE, opensOn: '2025-10-25', asOf: '2026-11-23', dataAsOf: '2026-11-23', counted: 0, remaining: 40, thresholdReachedOn: null })).toEqual({
      projection: null,
      reason: { code: 'too_few_counted', message: '0 counted instruments so far; an estimate needs at least 3', counted: 0, minimum: 3 },
    });
    expect(project({ rule: RULE, opensOn: '2025-10-25', asOf: '2026-11-23', dataAsOf: '2026-11-23', counted: 2, remaining: 38, thresholdReachedOn: null }).reason).toMatchObject({ code: 'too_few_counted', counted: 2 });
    expect(project({ rule: RULE, opensOn: '2001-11-23', asOf: '2005-01-01', dataAsOf: '2005-01-01', counted: 9, remaining: 0, thresholdReachedOn: '2004-03-18' })).toEqual({
      projection: null,
      reason: { code: 'threshold_met', message: 'the threshold was met on 2004-03-18', date: '2004-03-18' },
    });
  });

  it('orders its dates, never before the as-of date, and applies the rule to get entry into force', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 39 }), fc.integer({ min: 30, max: 3000 }), (counted, days) => {
        const asOf = new Date(Date.UTC(2025, 9, 25 + days)).toISOString().slice(0, 10);
        const r = project({ rule: RULE, opensOn: '2025-10-25', asOf, dataAsOf: asOf, counted, remaining: 40 - counted, thresholdReachedOn: null });
        const p = r.projection!;
        expect(p.threshold_reached_on.low >= asOf).toBe(true);
        expect(p.threshold_reached_on.low <= p.threshold_reached_on.median && p.threshold_reached_on.median <= p.threshold_reached_on.high).toBe(true);
        expect(daysBetween(p.threshold_reached_on.median, p.entry_into_force.median)).toBe(90);
      }),
    );
  });
});

describe('project: the data\'s age', () => {
  const base = { rule: RULE, opensOn: '2016-01-01', counted: 10, remaining: 30, thresholdReachedOn: null };
  it('measures the pace up to the data\'s date, not the as-of date, and counts the wait from there', () => {
    const onDataDay = project({ ...base, asOf: '2018-01-01', dataAsOf: '2018-01-01' }).projection!;
    const later = project({ ...base, asOf: '2018-12-31', dataAsOf: '2018-01-01' }).projection!;
    expect(later.based_on).toEqual(onDataDay.based_on);
    expect(later.based_on).toMatchObject({ since: '2016-01-01', until: '2018-01-01', days: 731 });
    expect(later.threshold_reached_on).toEqual(onDataDay.threshold_reached_on);
  });
  it.each([
    ['2019-01-01', true],
    ['2019-01-02', false],
    ['2026-12-03', false],
  ])('as of %s, data of 2018-01-01: projection %s', (asOf, given) => {
    const r = project({ ...base, asOf, dataAsOf: '2018-01-01' });
    if (given) expect(r.projection?.threshold_reached_on.median).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    else expect(r).toEqual({ projection: null, reason: expect.objectContaining({ code: 'data_too_old', data_as_of: '2018-01-01', days_behind: daysBetween('2018-01-01', asOf), limit_days: PROJECTION_DATA_LIMIT_DAYS }) });
  });
  it('measures to the as-of date when that is before the data\'s date', () => {
    expect(project({ ...base, asOf: '2017-01-01', dataAsOf: '2018-01-01' }).projection!.based_on).toMatchObject({ until: '2017-01-01', days: 366 });
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
