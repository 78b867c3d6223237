// Reports: what sources other than the depositary claim (a count, or one participant's action), with
// how strong each source is. They are shown beside the facts and never enter a count: a news item's
// "76 signatories" is not 76 signatures anyone can date.
import { formatLong, type IsoDate } from './dates.js';
import type { ReportRow } from './schemas.js';

export type Report = ReportRow;

/** "by May 2026", "on 10 February 2026", "in 2026": the date as precisely as the source gives it. */
export function reportDate(r: Pick<Report, 'date' | 'precision'>): string {
  const long = formatLong(r.date);
  if (r.precision === 'year') return `in ${r.date.slice(0, 4)}`;
  if (r.precision === 'month') return `by ${long.replace(/^\d+ /, '')}`;
  return `on ${long}`;
}

/** "76 signatories by May 2026, aggregator" or "signature by July 2026, aggregator". */
export function reportWords(r: Report, name?: string): string {
  const what = r.count !== null ? `${r.count} ${r.claim}` : `${name ? `${name}: ` : ''}${r.claim.replace(/_/g, ' ')}`;
  return `${what} ${reportDate(r)}, ${r.grade}`;
}

/**
 * For each count (signatories, parties), the latest report by the as-of date that goes beyond the
 * depositary's data (dated after it): what status shows next to the sourced figure.
 */
export function latestCountReports(reports: readonly Report[], asOf: IsoDate, dataAsOf: IsoDate): Report[] {
  const latest = new Map<string, Report>();
  for (const r of reports) {
    if (r.count === null || r.date > asOf || r.date <= dataAsOf) continue;
    const seen = latest.get(r.claim);
    if (!seen || r.date >= seen.date) latest.set(r.claim, r);
  }
  return [...latest.values()];
}

/** Reports about one participant by the as-of date, oldest first. */
export function reportsAbout(reports: readonly Report[], code: string, asOf: IsoDate): Report[] {
  return reports.filter((r) => r.code === code && r.date <= asOf);
}
