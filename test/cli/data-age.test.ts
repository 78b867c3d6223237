// The data's age (issue 19): projections and the pace stop where the data ends; the data's date comes
// from the page or the command, never from the day it was read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cleanEnv, runCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

// Real status pages, copied into the project with their source (test/fixtures/mtdsg/SOURCES.md): a clone has no ../shared.
const PAGES = join(ROOT, 'test', 'fixtures', 'mtdsg');
const TPNW = join(ROOT, 'test', 'fixtures', 'mtdsg', 'XXVI-9.en.xml');
const json = (args: string[], env: Record<string, string>) => {
  const r = runCli([...args, '--json'], env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('a treaty added from a page of January 2018', () => {
  const env = cleanEnv();
  const added = runCli(['add', TPNW, '--threshold', '50', '--days', '90'], env);

  it('takes the latest date on the page as the data date, and says so', () => {
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toContain('data as of 2017-12-08, the latest date the page shows (the page states no status date');
  });

  it('gives no projection years later, with a coded reason and a check', () => {
    const s = json(['status', '--treaty', 'XXVI-9', '--as-of', '2026-12-03'], env);
    expect(s.projection).toBeNull();
    expect(s.projection_reason).toMatchObject({ code: 'data_too_old', data_as_of: '2017-12-08', days_behind: 3282, limit_days: 365 });
    expect(s.checks.map((c: { code: string }) => c.code)).toEqual(['data_stale', 'projection_refused']);
    expect(s.checks[1]).toMatchObject({ reason: 'data_too_old' });
  });

  it('projects as of its data date, with a median and an interval', () => {
    const p = json(['status', '--treaty', 'XXVI-9', '--as-of', '2017-12-08'], env).projection;
    // The page says signature opened on 20 September 2017 (issue 20), not on the adoption date of 7 July.
    expect(p.based_on).toMatchObject({ counted: 3, since: '2017-09-20', until: '2017-12-08', days: 79 });
    expect(p.threshold_reached_on.low < p.threshold_reached_on.median && p.threshold_reached_on.median < p.threshold_reached_on.high).toBe(true);
  });

  it('pace and timeline leave the counts after the data date unknown', () => {
    const rows = json(['pace', 'XXVI-9', '--as-of', '2026-12-03'], env) as { day: number; counted: number | null; signatories: number | null }[];
    expect(rows.find((r) => r.day === 30)).toMatchObject({ signatories: 53, counted: 3 });
    expect(rows.find((r) => r.day === 90)).toMatchObject({ signatories: null, counted: null });
    expect(rows.filter((r) => r.day >= 365).every((r) => r.counted === null && r.signatories === null)).toBe(true);
    const series = json(['timeline', '--treaty', 'XXVI-9', '--as-of', '2026-12-03'], env);
    const points = Array.isArray(series) ? series : series.series;
    expect(points.at(-1)).toEqual({ date: '2026-12-03', signatories: null, counted: null });
    expect(points.at(-2)).toMatchObject({ date: '2017-12-08', signatories: 56, counted: 3 });
  });

  it('import --data-as-of sets the date, and refuses one that is not a date', () => {
    const rows = runCli(['export', '--treaty', 'XXVI-9', '--csv'], env).stdout;
    const file = join(env.HOME!, 'tpnw.csv');
    writeFileSync(file, rows);
    expect(runCli(['import', file, '--data-as-of', '2018-02-30'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--data-as-of') });
    expect(json(['status', '--treaty', 'XXVI-9', '--as-of', '2018-03-01'], env).data_as_of).toBe('2017-12-08');
    const r = runCli(['import', file, '--data-as-of', '2018-01-15'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('XXVI-9: data as of 2018-01-15, as given with the command');
    expect(json(['status', '--treaty', 'XXVI-9', '--as-of', '2018-03-01'], env)).toMatchObject({ data_as_of: '2018-01-15', data_age_days: 45 });
  });
});

describe('the Paris Agreement added with a rule the depositary contradicts', () => {
  it('keeps the disagreement in status --json checks in a later session', () => {
    const env = cleanEnv();
    const added = runCli(['add', join(PAGES, 'XXVII-7-d.en.xml'), '--threshold', '55', '--days', '30'], env);
    expect(added.code, added.stderr).toBe(0);
    const s = json(['status', '--treaty', 'XXVII-7-d', '--as-of', '2026-12-03'], env);
    expect(s.checks).toContainEqual(expect.objectContaining({ code: 'entry_into_force_differs', depositary: '2016-11-04', rule: '2016-10-21' }));
    expect(runCli(['status', '--treaty', 'XXVII-7-d', '--as-of', '2026-12-03'], env).stderr).toContain('warning: the depositary gives entry into force on 2016-11-04, the rule gives 2016-10-21');
  });
});

describe('a disagreement only a status page shows', () => {
  it('is stored by import, shown by status until the data changes', async () => {
    const { mtdsgXml } = await import('../helpers/mtdsg.js');
    const env = cleanEnv();
    const file = join(env.HOME!, 'XVIII-16.en.xml');
    // The header says 80 signatories; the table has two.
    writeFileSync(file, mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25' }, { name: 'France', signature: '2026-03-01' }], { signatories: 80 }));
    const r = runCli(['import', file, '--source', 'https://example.org/page'], env);
    expect(r.code, r.stderr).toBe(0);
    const codes = () => json(['status', '--as-of', '2026-03-02'], env).checks;
    expect(codes()).toContainEqual({ code: 'signatories_differ', message: 'on 2026-03-01 the depositary counted 80 signatories; the rows give 2', date: '2026-03-01', depositary: 80, rows: 2 });
    expect(runCli(['record', 'Qatar', 'domestic_approval', '2026-03-01', '--source', 'https://example.org/q'], env).code).toBe(0);
    // The page's own table against its header is gone with the data it was found on; the header's count,
    // now the snapshot of 2026-03-01, is still checked against every row of the database.
    const after = codes().filter((c: { code: string; date: string }) => c.code === 'signatories_differ' && c.date === '2026-03-01');
    expect(after).toEqual([{ code: 'signatories_differ', message: 'on 2026-03-01 the depositary counted 80 signatories; the rows give 73', date: '2026-03-01', depositary: 80, rows: 73 }]);
  });
});

describe('asked as of a day before the data date (the bundled data is of 2025-11-16)', () => {
  const env = envWithDb();
  const ok = async (args: string[]) => {
    const r = await runMain([...args, '--as-of', '2025-11-01'], env);
    expect(r.code, r.stderr).toBe(0);
    return r;
  };

  it('status --json gives an age of 0, not stale, with no data_stale check', async () => {
    const s = JSON.parse((await ok(['status', '--json'])).stdout);
    expect(s).toMatchObject({ as_of: '2025-11-01', data_as_of: '2025-11-16', data_age_days: 0, data_stale: false });
    expect(s.checks.map((c: { code: string }) => c.code)).not.toContain('data_stale');
    // The day after the data date the age counts again.
    const next = JSON.parse((await runMain(['status', '--json', '--as-of', '2025-11-17'], env)).stdout);
    expect(next.data_age_days).toBe(1);
  });

  it('the table says the data covers the day asked and warns of nothing stale', async () => {
    const r = await ok(['status']);
    expect(r.stdout).toMatch(/^ {2}Data +as of 2025-11-16, which covers 2025-11-01$/m);
    expect(r.stderr).not.toContain('days old');
  });

  it('the report shows the same age as status --json, 0, and no stale warning', async () => {
    const page = (await ok(['report'])).stdout;
    expect(page).toContain('(<span class="num" data-field="data_age_days">0</span> days old)');
    expect(page).not.toContain('class="warning">The data is');
  });

  it('treaties and explain carry no data_stale check either', async () => {
    const rows = JSON.parse((await ok(['treaties', '--json'])).stdout) as { id: string; checks: string[] }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.checks, row.id).not.toContain('data_stale');
    const e = JSON.parse((await ok(['explain', '--json'])).stdout) as { checks: { code: string }[] };
    expect(e.checks.map((c) => c.code)).not.toContain('data_stale');
  });
});
