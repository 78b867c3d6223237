import { describe, expect, it } from 'vitest';
import { latestCountReports, reportDate, reportWords, reportsAbout, type Report } from '../../src/domain/reports.js';

const SRC = 'https://example.org/news';
const report = (over: Partial<Report>): Report => ({ treaty: 'XVIII-16', date: '2026-05-31', precision: 'month', claim: 'signatories', code: null, count: 76, grade: 'news', source: SRC, note: null, ...over });

describe('reports', () => {
  it.each([
    [report({ precision: 'month' }), 'by May 2026'],
    [report({ precision: 'day', date: '2026-02-10' }), 'on 10 February 2026'],
    [report({ precision: 'year', date: '2026-12-31' }), 'in 2026'],
  ])('dates a report as precisely as its source: %#', (r, words) => expect(reportDate(r)).toBe(words));

  it('says a count and an event with their grade', () => {
    expect(reportWords(report({}))).toBe('76 signatories by May 2026, news');
    expect(reportWords(report({ claim: 'signature', code: 'CAN', count: null, date: '2026-07-31', grade: 'aggregator' }), 'Canada')).toBe('Canada: signature by July 2026, aggregator');
  });

  it('shows the latest count of each kind dated after the data and by the as-of date', () => {
    const rows = [report({ date: '2026-03-31', count: 74 }), report({}), report({ date: '2025-10-25', precision: 'day', count: 68 }), report({ claim: 'parties', count: 1, date: '2026-04-30' })];
    expect(latestCountReports(rows, '2026-12-03', '2025-11-16').map((r) => [r.claim, r.count])).toEqual([['signatories', 76], ['parties', 1]]);
    expect(latestCountReports(rows, '2026-04-15', '2025-11-16').map((r) => r.count)).toEqual([74]);
    // Before the data's date a report adds nothing the depositary's data does not already say.
    expect(latestCountReports(rows, '2025-11-01', '2025-11-16')).toEqual([]);
  });

  it('finds the reports about one participant by the as-of date', () => {
    const rows = [report({ claim: 'signature', code: 'CAN', count: null, date: '2026-07-31' }), report({ claim: 'ratification', code: 'QAT', count: null, date: '2026-03-31' })];
    expect(reportsAbout(rows, 'CAN', '2026-12-03')).toHaveLength(1);
    expect(reportsAbout(rows, 'CAN', '2026-07-01')).toEqual([]);
  });
});
