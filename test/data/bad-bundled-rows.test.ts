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
