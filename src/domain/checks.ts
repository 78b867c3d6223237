// Warnings about the data, as values a script can branch on: a stable `code`, the figures behind it,
// and a sentence for people. The codes are a closed list: a stored or imported check with a code not
// in it is refused, so a consumer never meets a code it was not told about.
import type { IsoDate } from './dates.js';

export const CHECK_CODES = [
  /** The depositary's count of signatories on a date differs from what the rows give that day. */
  'signatories_differ',
  /** The depositary's count of parties on a date differs from what the rows give that day. */
  'parties_differ',
  /** The depositary's date of entry into force differs from the rule's result on the rows. */
  'entry_into_force_differs',
  /** The data is older than STALE_AFTER_DAYS on the as-of date. */
  'data_stale',
  /** Parties whose dates no source gives: counted from the date a source proves them parties. */
  'dates_unknown',
  /** No projection, because the data cannot support one (the reason's own code says why). */
  'projection_refused',
  /**
   * The rule does not say when the treaty enters into force for a later party (the page quoted only
   * the treaty's own clause): those parties' dates are left empty. Computed from the rule on every
   * read, never stored.
   */
  'later_rule_unknown',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export type CheckValue = string | number | boolean | null | readonly string[];
export type Check = { code: CheckCode; message: string } & { [value: string]: CheckValue };

export function isCheckCode(code: string): code is CheckCode {
  return (CHECK_CODES as readonly string[]).includes(code);
}

/** The codes a write may store (the checks table's CHECK allows these); the others are computed on each read. */
export const STORED_CHECK_CODES: readonly CheckCode[] = CHECK_CODES.filter((c) => c !== 'later_rule_unknown');

export function isStoredCheckCode(code: string): boolean {
  return (STORED_CHECK_CODES as readonly string[]).includes(code);
}

export function laterRuleUnknown(codes: readonly string[]): Check {
  const n = codes.length;
  return {
    code: 'later_rule_unknown',
    message: `the rule does not say when the treaty enters into force for a later party: ${n === 1 ? 'the date of 1 party is' : `the dates of ${n} parties are`} left empty (${codes.join(', ')}); give the delay with treaty edit --later-days N`,
    parties: n,
    codes,
  };
}

export function countsDiffer(what: 'signatories' | 'parties', date: IsoDate, depositary: number, rows: number): Check {
  return {
    code: what === 'signatories' ? 'signatories_differ' : 'parties_differ',
    message: `on ${date} the depositary counted ${depositary} ${what}; the rows give ${rows}`,
    date,
    depositary,
    rows,
  };
}

export function entryIntoForceDiffers(depositary: IsoDate, rule: IsoDate | null): Check {
  return {
    code: 'entry_into_force_differs',
    message: `the depositary gives entry into force on ${depositary}, the rule gives ${rule ?? 'none yet'}: check the rule (a condition it cannot express?)`,
    depositary,
    rule,
  };
}

export function dataStale(dataAsOf: IsoDate, ageDays: number, staleAfterDays: number): Check {
  return {
    code: 'data_stale',
    message: `the data is as of ${dataAsOf}, ${ageDays} days old: later actions may be missing (treaty sync, treaty db update)`,
    data_as_of: dataAsOf,
    age_days: ageDays,
    stale_after_days: staleAfterDays,
  };
}

export function datesUnknown(codes: readonly string[]): Check {
  const n = codes.length;
  return {
    code: 'dates_unknown',
    message: `${n} ${n === 1 ? 'party has' : 'parties have'} no date in any source (${codes.join(', ')}): counted from the date a source proves ${n === 1 ? 'it a party' : 'them parties'}`,
    parties: n,
    codes,
  };
}

export function projectionRefused(reason: { code: string; message: string }): Check {
  return { code: 'projection_refused', message: `no projection: ${reason.message}`, reason: reason.code };
}

/** The checks computed now, then those a write stored that say something else (the same check found twice shows once). */
export function withKept(live: readonly Check[], kept: readonly Check[]): Check[] {
  const seen = new Set(live.map((c) => JSON.stringify(c)));
  const sameAs = (c: Check) => live.some((l) => l.code === c.code && l.message === c.message);
  return [...live, ...kept.filter((c) => !seen.has(JSON.stringify(c)) && !sameAs(c))];
}
