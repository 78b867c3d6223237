// When will the threshold be met? A Poisson model of deposits: the counted instruments so far arrive
// at a steady rate, estimated over the period the data covers (from the opening for signature to the
// data's date, or to the as-of date when that is earlier); the wait for the remaining r instruments,
// counted from the end of that period, follows a Gamma(r, rate) law, whose quantiles give a median and
// an 80% interval. It is an extrapolation of the pace so far, nothing more, and says so. Days after the
// data ends are not days without deposits: they are days nobody looked, so they never enter the pace,
// and data too old for the question gives no projection at all.
import { addDays, daysBetween, type IsoDate } from './dates.js';
import { applyDelay } from './delay.js';
import type { Rule } from './model.js';

/** Fewer counted instruments than this give no estimate: a rate from one or two events is noise. */
export const MIN_CONSENTS = 3;
/** The interval: from the 10th to the 90th percentile. */
export const INTERVAL = 0.8;
/**
 * No projection when the as-of date is more than this many days after the data's date: a year of
 * deposits nobody recorded can hold the threshold itself, so a date built on the older pace would be
 * a guess presented as arithmetic.
 */
export const PROJECTION_DATA_LIMIT_DAYS = 365;

export const PROJECTION_REASONS = ['threshold_met', 'too_few_counted', 'not_open_long_enough', 'beyond_calendar', 'data_too_old', 'not_a_count'] as const;
export type ProjectionReasonCode = (typeof PROJECTION_REASONS)[number];
/** Why there is no projection: a code for scripts, the figures behind it, and a sentence for people. */
export type ProjectionReason = { code: ProjectionReasonCode; message: string } & { [value: string]: string | number | null };

export interface Projection {
  method: string;
  based_on: { counted: number; since: IsoDate; until: IsoDate; days: number; per_year: number };
  remaining: number;
  threshold_reached_on: { median: IsoDate; low: IsoDate; high: IsoDate };
  entry_into_force: { median: IsoDate; low: IsoDate; high: IsoDate };
}

export type ProjectionOutcome = { projection: Projection; reason: null } | { projection: null; reason: ProjectionReason };

export function project(input: {
  rule: Rule;
  opensOn: IsoDate;
  asOf: IsoDate;
  /** The date the data is as of: the pace is measured up to it (or to asOf when that is earlier). */
  dataAsOf: IsoDate;
  counted: number;
  remaining: number;
  thresholdReachedOn: IsoDate | null;
}): ProjectionOutcome {
  const { rule, opensOn, asOf, counted, remaining, dataAsOf } = input;
  if (input.thresholdReachedOn !== null) {
    return { projection: null, reason: { code: 'threshold_met', message: `the threshold was met on ${input.thresholdReachedOn}`, date: input.thresholdReachedOn } };
  }
  if (counted < MIN_CONSENTS) {
    return { projection: null, reason: { code: 'too_few_counted', message: `${counted} counted instrument${counted === 1 ? '' : 's'} so far; an estimate needs at least ${MIN_CONSENTS}`, counted, minimum: MIN_CONSENTS } };
  }
  const behind = daysBetween(dataAsOf, asOf);
  if (behind > PROJECTION_DATA_LIMIT_DAYS) {
    return {
      projection: null,
      reason: {
        code: 'data_too_old',
        message: `the data covers up to ${dataAsOf}, ${behind} days before ${asOf}: more than ${PROJECTION_DATA_LIMIT_DAYS} days of deposits may be missing (ask with --as-of ${dataAsOf}, or bring the data up to date)`,
        data_as_of: dataAsOf,
        days_behind: behind,
        limit_days: PROJECTION_DATA_LIMIT_DAYS,
      },
    };
  }
  const until = dataAsOf < asOf ? dataAsOf : asOf;
  const days = daysBetween(opensOn, until);
  if (days <= 0) return { projection: null, reason: { code: 'not_open_long_enough', message: 'the treaty has not been open long enough', days } };
  const rate = counted / days;
  const wait = (p: number) => Math.ceil(gammaQuantile(remaining, rate, p));
  if (daysBetween(until, '9999-12-31') < wait((1 + INTERVAL) / 2) + 366) {
    return { projection: null, reason: { code: 'beyond_calendar', message: 'at the pace so far the threshold lies beyond the calendar this tool counts in' } };
  }
  const at = (p: number) => addDays(until, wait(p));
  const threshold = { median: at(0.5), low: at((1 - INTERVAL) / 2), high: at((1 + INTERVAL) / 2) };
  return {
    reason: null,
    projection: {
      method: `Poisson rate of counted instruments from ${opensOn} to ${until}; the wait for the remaining ${remaining}, from ${until}, is Gamma-distributed; median and ${INTERVAL * 100}% interval`,
      based_on: { counted, since: opensOn, until, days, per_year: Math.round(rate * 365.25 * 100) / 100 },
      remaining,
      threshold_reached_on: threshold,
      entry_into_force: {
        median: applyDelay(threshold.median, rule.delay),
        low: applyDelay(threshold.low, rule.delay),
        high: applyDelay(threshold.high, rule.delay),
      },
    },
  };
}

/** P(the r-th event of a Poisson process of this rate has come by time t) = P(N(t) ≥ r). */
export function gammaCdf(r: number, rate: number, t: number): number {
  if (t <= 0) return 0;
  const mean = rate * t;
  // 1 - Σ_{k<r} e^{-m} m^k / k!, each term built in logs so a large mean does not underflow to 0.
  let logTerm = -mean;
  let sum = Math.exp(logTerm);
  for (let k = 1; k < r; k++) {
    logTerm += Math.log(mean) - Math.log(k);
    sum += Math.exp(logTerm);
  }
  return Math.min(1, Math.max(0, 1 - sum));
}

/** The time by which the r-th event has come with probability p (bisection on the CDF). */
export function gammaQuantile(r: number, rate: number, p: number): number {
  let low = 0;
  let high = r / rate;
  while (gammaCdf(r, rate, high) < p) high *= 2;
  for (let i = 0; i < 100 && high - low > 1e-6; i++) {
    const mid = (low + high) / 2;
    if (gammaCdf(r, rate, mid) < p) low = mid;
    else high = mid;
  }
  return high;
}
