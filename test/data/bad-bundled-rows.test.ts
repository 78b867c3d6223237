// Bad rows in the bundled data are refused with the file and line (issue 19: reports and parties with unknown dates).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDataDir, loadBundledData } from '../../src/store/bundled-data.js';

function withFile(relative: string, text: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'treaty-data-')), 'data');
  cpSync(bundledDataDir({}), dir, { recursive: true });
  writeFileSync(join(dir, relative), text);
  return dir;
}

const REPORTS = 'treaty,date,precision,claim,code,count,grade,source,note\n';
const PUBLISHED = 'treaty,code,consent_type,in_force_on,party_by,source,note\n';

describe('bundled reports and parties with unknown dates', () => {
  it.each([
    ['a report without a source', `${REPORTS}XVIII-16,2026-05-31,month,signatories,,76,news,,\n`, /reports\/XVIII-16\.csv:2: source: a source is required/],
    ['a report without a grade', `${REPORTS}XVIII-16,2026-05-31,month,signatories,,76,,https://example.org/a,\n`, /reports\/XVIII-16\.csv:2: grade: a report needs a grade/],
    ['a report with an unknown grade', `${REPORTS}XVIII-16,2026-05-31,month,signatories,,76,rumour,https://example.org/a,\n`, /reports\/XVIII-16\.csv:2: grade: /],
    ['a count report without its count', `${REPORTS}XVIII-16,2026-05-31,month,signatories,,,news,https://example.org/a,\n`, /reports\/XVIII-16\.csv:2: count: a report of signatories needs its count/],
    ['an event report without its participant', `${REPORTS}XVIII-16,2026-07-31,month,signature,,,news,https://example.org/a,\n`, /reports\/XVIII-16\.csv:2: code: /],
    ['a report of an unknown participant', `${REPORTS}XVIII-16,2026-07-31,month,signature,QQQ,,news,https://example.org/a,\n`, /reports\/XVIII-16\.csv:2: unknown participant code "QQQ"/],
  ])('refuses %s', (_what, text, message) => {
    expect(() => loadBundledData(withFile('reports/XVIII-16.csv', text))).toThrow(message);
  });

  it('refuses a party with an unknown date whose proving date is missing', () => {
    const dir = withFile('published/ets185.csv', `${PUBLISHED}ets185,SRB,ratification,,,https://example.org/a,no date at all\n`);
    expect(() => loadBundledData(dir)).toThrow(/published\/ets185\.csv:2: give either in_force_on or party_by/);
  });

  it('refuses a dated total that proves a party the data does not know, naming the file, line and field', () => {
    const text = readFileSync(join(bundledDataDir({}), 'treaties', 'ets185.json'), 'utf8');
    const broken = text.replace('"GHA"', '"QQQ"');
    expect(broken).not.toBe(text);
    const line = broken.slice(0, broken.indexOf('"QQQ"')).split('\n').length;
    expect(() => loadBundledData(withFile('treaties/ets185.json', broken))).toThrow(`treaties/ets185.json:${line}: counts.0.not_in_data: unknown participant code "QQQ"`);
  });
});

describe('bundled fields past the field maximum (10,000 characters)', () => {
  it.each([
    ['an action note', 'actions/XVIII-16.csv', 'treaty,code,action,date,reference,source,note\n', `XVIII-16,VNM,signature,2025-10-25,,https://example.org/a,${'n'.repeat(10_001)}\n`, /actions\/XVIII-16\.csv:2: note is 10,001 characters long; the most a field may hold is 10,000$/],
    ['a report source', 'reports/XVIII-16.csv', REPORTS, `XVIII-16,2026-05-31,month,signatories,,76,news,https://example.org/${'a'.repeat(20_000)},\n`, /reports\/XVIII-16\.csv:2: source is 20,020 characters long; the most a field may hold is 10,000$/],
  ])('refuses %s, naming the file, line and field, before anything is seeded', (_what, file, header, row, message) => {
    expect(() => loadBundledData(withFile(file, header + row))).toThrow(message);
  });

  it('refuses a participant name past it', () => {
    const text = readFileSync(join(bundledDataDir({}), 'participants.csv'), 'utf8');
    const lines = text.split('\n');
    lines[1] = lines[1]!.replace(/^([^,]*,[^,]*,)[^,]*/, `$1${'Q'.repeat(12_000)}`);
    expect(() => loadBundledData(withFile('participants.csv', lines.join('\n')))).toThrow(/participants\.csv:2: name is 12,000 characters long; the most a field may hold is 10,000$/);
  });
});
