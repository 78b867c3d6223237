// Parties with unknown dates and reports export and import back like actions (issue 19).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from '../helpers/run-cli.js';

const require = createRequire(import.meta.url);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('export --table and import of parties with unknown dates and reports', () => {
  // One database for the refusals: each must leave it byte for byte as it was.
  const shared = cleanEnv();
  runCli(['status'], shared);
  // CSV is read by its header, JSON by its keys: TSV and NDJSON take the same two paths.
  it.each(['csv', 'json'])('round-trips in %s: rows taken out come back, a second import changes nothing', (format) => {
    const env = cleanEnv();
    const dir = tempDir();
    const published = join(dir, `published.${format}`);
    const reports = join(dir, `reports.${format}`);
    writeFileSync(published, runCli(['export', '--treaty', 'budapest', '--table', 'published', '--format', format], env).stdout);
    writeFileSync(reports, runCli(['export', '--table', 'reports', '--format', format], env).stdout);
    const db = new (require('better-sqlite3'))(env.TREATY_DB!);
    db.exec("DELETE FROM published_in_force WHERE code IN ('SRB', 'PRY'); DELETE FROM reports WHERE code = 'CAN'");
    db.close();
    const r = runCli(['import', published, reports], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('parties with unknown dates: 2 added, 0 changed, 73 unchanged');
    expect(r.stderr).toContain('reports: 1 added, 0 changed, 9 unchanged');
    const serbia = JSON.parse(runCli(['participants', '--treaty', 'budapest', '--as-of', '2026-11-23', '--json'], env).stdout).find((p: { code: string }) => p.code === 'SRB');
    expect(serbia).toMatchObject({ status: 'in_force', date_unknown: true, party_by: '2019-03-08' });
    const before = sha(env.TREATY_DB!);
    expect(runCli(['import', published, reports], env).stderr).toMatch(/^no change from 2 files/);
    expect(sha(env.TREATY_DB!)).toBe(before);
  });

  it.each([
    ['a report without a grade', 'treaty,date,precision,claim,code,count,grade,source,note\nXVIII-16,2026-05-31,month,signatories,,76,,https://example.org/a,\n', /reports\.csv:2: grade: a report needs a grade/],
    ['a report without a source', 'treaty,date,precision,claim,code,count,grade,source,note\nXVIII-16,2026-05-31,month,signatories,,76,news,,\n', /reports\.csv:2: source: a source is required/],
    ['a party with no proving date', 'treaty,code,consent_type,in_force_on,party_by,source,note\nets185,SRB,ratification,,,https://example.org/a,\n', /reports\.csv:2: give either in_force_on or party_by/],
    ['a report of an unknown treaty', 'treaty,date,precision,claim,code,count,grade,source,note\nXX-1,2026-05-31,month,signatories,,76,news,https://example.org/a,\n', /reports\.csv:2: unknown treaty "XX-1"/],
  ])('refuses %s with the file and line, changing nothing', (_what, text, message) => {
    const before = sha(shared.TREATY_DB!);
    const file = join(tempDir(), 'reports.csv');
    writeFileSync(file, text);
    const r = runCli(['import', file], shared);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(sha(shared.TREATY_DB!)).toBe(before);
  });
});
