import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fingerprint, listDir } from '../helpers/files.js';
import { BIN, cleanEnv, ROOT, runCli, tempDir } from '../helpers/run-cli.js';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const STATUS_KEYS = [
  'treaty', 'title', 'short_title', 'as_of', 'data_as_of', 'data_age_days', 'data_stale', 'signatories', 'consents', 'pipeline', 'counted',
  'threshold', 'remaining', 'threshold_reached_on', 'entry_into_force', 'signature', 'projection', 'projection_reason', 'reported', 'checks', 'conditions',
];

async function statusJson(asOf: string, env = envWithDb()) {
  const r = await run(['status', '--json', '--as-of', asOf], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('treaty status', () => {
  it('shows the convention on one screen for people', async () => {
    const r = await run(['status', '--as-of', '2026-11-23'], envWithDb());
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: the data is as of 2025-11-16, 372 days old: later actions may be missing (treaty sync, treaty db update)\n');
    expect(r.stdout).not.toMatch(/\x1b\[/);
    await expect(r.stdout).toMatchFileSnapshot('../golden/status-2026-11-23.txt');
  });

  it('prints exactly the DESIGN status object with --json', async () => {
    const s = await statusJson('2026-11-23');
    expect(Object.keys(s)).toEqual(STATUS_KEYS);
    expect(s).toMatchObject({
      treaty: 'XVIII-16', as_of: '2026-11-23', data_as_of: '2025-11-16', data_stale: true, signatories: 73, consents: 0, counted: 0,
      threshold: 40, remaining: 40, threshold_reached_on: null, entry_into_force: { state: 'pending', date: null, days_until: null },
      signature: { opens_on: '2025-10-25', closes_on: '2026-12-31', open: true, days_left: 38 }, projection: null,
      projection_reason: { code: 'too_few_counted', message: '0 counted instruments so far; an estimate needs at least 3', counted: 0, minimum: 3 },
      checks: [{ code: 'data_stale', message: expect.any(String), data_as_of: '2025-11-16', age_days: 372, stale_after_days: 30 }],
    });
    await expect(JSON.stringify(s, null, 2) + '\n').toMatchFileSnapshot('../golden/status-2026-11-23.json');
  });

  it('matches the depositary header count on the snapshot date', async () => {
    const treaty = JSON.parse(readFileSync(join(ROOT, 'data/treaties/XVIII-16.json'), 'utf8'));
    expect((await statusJson(treaty.snapshot.date)).signatories).toBe(treaty.snapshot.signatories);
  });

  it.each([
    ['2025-10-24', 0, false, null, 'before the signature opened'],
    ['2025-10-25', 66, true, 432, 'on the first day in Hanoi'],
    ['2025-10-26', 72, true, 431, 'after the Hanoi ceremony'],
    ['2025-11-19', 73, true, 407, 'after Mauritius signed in New York'],
    ['2026-12-31', 73, true, 0, 'on the last day to sign'],
    ['2027-01-01', 73, false, null, 'after the signature window closed'],
  ])('as of %s has %i signatories, open %s, %s days left (%s)', async (asOf, signatories, open, daysLeft, _when) => {
    const s = await statusJson(asOf);
    expect(s.signatories).toBe(signatories);
    expect(s.signature).toMatchObject({ open, days_left: daysLeft });
    expect(s.data_stale).toBe(asOf > '2025-12-16');
  });

  it('says in words when the signature window is closed or not yet open', async () => {
    const env = envWithDb();
    expect((await run(['status', '--as-of', '2025-10-24'], env)).stdout).toContain('opens on 25 October 2025');
    expect((await run(['status', '--as-of', '2027-01-01'], env)).stdout).toContain('closed on 31 December 2026');
  });

  it('finds the treaty by alias, ignoring case', async () => {
    const env = envWithDb();
    for (const alias of ['hanoi', 'CYBERCRIME', 'xviii-16']) {
      expect(JSON.parse((await run(['status', '--json', '--as-of', '2026-01-01', '--treaty', alias], env)).stdout).treaty).toBe('XVIII-16');
    }
  });

  it('gives one CSV row with --csv, and the same with --format csv', async () => {
    const env = envWithDb();
    const a = await run(['status', '--csv', '--as-of', '2026-11-23'], env);
    const b = await run(['status', '--format', 'csv', '--as-of', '2026-11-23'], env);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const lines = a.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^treaty,title,as_of,data_as_of,/);
    expect(lines[1]).toContain(',2026-11-23,2025-11-16,true,73,0,4,0,40,40,,pending,');
    expect(lines[1]).toMatch(/,too_few_counted,/);
  });

  it('ends the CSV row with the latest report of each count, the same as status --json reported, never counted', async () => {
    const env = envWithDb();
    const file = join(tempDir(), 'reports.csv');
    writeFileSync(file, 'treaty,date,precision,claim,code,count,grade,source,note\nXVIII-16,2026-06-30,day,parties,,3,official,https://example.org/parties,"a test, ""quoted"""\n');
    const imported = await run(['import', file], env);
    expect(imported.code, imported.stderr).toBe(0);
    const csvRow = async (asOf: string) => {
      const r = await run(['status', '--csv', '--as-of', asOf], env);
      expect(r.code, r.stderr).toBe(0);
      const [row, ...more] = parse(r.stdout, { columns: true }) as Record<string, string>[];
      expect(more).toEqual([]);
      return row!;
    };
    const row = await csvRow('2026-11-23');
    const fields = ['', '_date', '_precision', '_grade', '_source', '_note'];
    const columns = ['signatories', 'parties'].flatMap((claim) => fields.map((f) => `reported_${claim}${f}`));
    expect(Object.keys(row).slice(-columns.length)).toEqual(columns);
    const { reported } = await statusJson('2026-11-23', env);
    expect(reported).toHaveLength(2);
    for (const r of reported) {
      expect(row).toMatchObject({
        [`reported_${r.claim}`]: String(r.count), [`reported_${r.claim}_date`]: r.date, [`reported_${r.claim}_precision`]: r.precision,
        [`reported_${r.claim}_grade`]: r.grade, [`reported_${r.claim}_source`]: r.source, [`reported_${r.claim}_note`]: r.note ?? '',
      });
    }
    expect(row).toMatchObject({ reported_signatories: '76', reported_signatories_grade: 'aggregator', reported_parties: '3', reported_parties_note: 'a test, "quoted"' });
    // Beside the counts, never in them.
    expect(row).toMatchObject({ signatories: '73', consents: '0', counted: '0', remaining: '40' });
    // No report after the data date by then: every report cell is empty.
    const before = await csvRow('2025-11-01');
    expect(columns.map((c) => before[c])).toEqual(columns.map(() => ''));
  });

  it('prints ndjson as a single line', async () => {
    const r = await run(['status', '--format', 'ndjson', '--as-of', '2026-11-23'], envWithDb());
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(r.stdout).counted).toBe(0);
  });
});

describe('colour', () => {
  const colourOf = async (extra: Record<string, string>, args: string[] = []) =>
    /\x1b\[/.test((await run(['status', '--as-of', '2026-11-23', ...args], envWithDb('bundled', extra))).stdout);

  it('is off when piped, and on when FORCE_COLOR asks', async () => {
    expect(await colourOf({})).toBe(false);
    expect(await colourOf({ FORCE_COLOR: '1' })).toBe(true);
  });

  it('is off with NO_COLOR or --no-color, even with FORCE_COLOR', async () => {
    expect(await colourOf({ FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
    expect(await colourOf({ FORCE_COLOR: '1' }, ['--no-color'])).toBe(false);
  });

  it('never reaches the machine formats', async () => {
    const r = await run(['status', '--json', '--as-of', '2026-11-23'], envWithDb('bundled', { FORCE_COLOR: '3' }));
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
});

describe('the command line contract', () => {
  it('exits 0 quietly when the reader goes away', () => {
    const env = cleanEnv();
    const out = execFileSync('bash', ['-c', `"${process.execPath}" "${BIN}" status --as-of 2026-11-23 | head -1; echo "exit=\${PIPESTATUS[0]}"`], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe('UN Convention against Cybercrime (XVIII-16)\nexit=0\n');
  });

  it('shows help with examples and the exit codes, without opening a database', async () => {
    const env = cleanEnv();
    const r = await run(['--help'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('$ treaty status');
    expect(r.stdout).toContain('Exit codes');
    expect(existsSync(env.TREATY_DB!)).toBe(false);
  });

  it('passes each exit code on through the launcher: 1 failed, 2 a wrong command line, 3 nothing new', () => {
    const env = envWithDb();
    expect(runCli(['changes', '--since', '2199-01-01', '--json'], env)).toEqual({ code: 3, stdout: '[]\n', stderr: '' });
    expect(runCli(['status', '--treaty', 'cybercrim'], env)).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^error: unknown treaty "cybercrim"\n/) });
    expect(runCli(['status', '--as-of', '31/12/2025'], env)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^error: --as-of: /) });
  });

  it('prints the version', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([
    [['status', '--as-of', '31/12/2025'], 'error: --as-of: expected a real date like 2025-10-25, got "31/12/2025"\n'],
    [['status', '--as-of', '2025-02-29'], 'error: --as-of: expected a real date like 2025-10-25, got "2025-02-29"\n'],
    [['status', '--as-of', '2025-13-01'], 'error: --as-of: expected a real date like 2025-10-25, got "2025-13-01"\n'],
    [['status', '--format', 'xml'], 'error: --format: expected one of table, csv, tsv, json, ndjson, markdown, got "xml"\n'],
    [['status', '--json', '--csv'], 'error: choose one output format, not json and csv\n'],
    [['status', '--treaty', ''], 'error: --treaty: expected a treaty id or alias (XVIII-16, hanoi), got ""\n'],
  ])('rejects %j with exit 2 and one line', async (args, stderr) => {
    const env = cleanEnv();
    expect(await run(args, env)).toEqual({ code: 2, stdout: '', stderr });
    expect(existsSync(env.TREATY_DB!)).toBe(false);
  });

  it('rejects an unknown option or command with exit 2', async () => {
    for (const args of [['status', '--bogus'], ['frobnicate']]) {
      const r = await run(args, cleanEnv());
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: unknown (option|command)/);
    }
  });

  it('names an unknown treaty with a suggestion, exits 1 and creates no database', async () => {
    const env = cleanEnv();
    expect(await run(['status', '--treaty', 'cybercrim'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: unknown treaty "cybercrim"\nhint: did you mean "XVIII-16"?\n',
    });
    expect(listDir(env.HOME!)).toEqual([]);
  });

  it('lists the known treaties when nothing is close, a treaty without aliases by its id alone', async () => {
    const env = envWithDb();
    expect((await run(['add', join(ROOT, 'test', 'fixtures', 'mtdsg', 'XXVI-9.en.xml'), '--threshold', '50', '--days', '90'], env)).code).toBe(0);
    const r = await run(['status', '--treaty', 'nosuch'], env);
    expect(r.code).toBe(1);
    const hint = r.stderr.split('\n')[1]!;
    expect(hint).toMatch(/^hint: known treaties: .*; XXVI-9(;|$)/);
    expect(hint).toMatch(/XVIII-16 \([^)]+\)/);
    expect(hint).not.toContain('()');
  });
});

describe('the database file', () => {
  it('is created on first use in the user data directory, honouring XDG_DATA_HOME', () => {
    const home = tempDir();
    const env = { PATH: process.env.PATH ?? '', HOME: home, TZ: 'UTC' };
    expect(runCli(['status', '--as-of', '2026-01-01'], env).code).toBe(0);
    expect(existsSync(join(home, '.local/share/treaty/treaty.db'))).toBe(true);
    const xdg = join(home, 'xdg');
    expect(runCli(['status', '--as-of', '2026-01-01'], { ...env, XDG_DATA_HOME: xdg }).code).toBe(0);
    expect(existsSync(join(xdg, 'treaty/treaty.db'))).toBe(true);
  });

  it('takes --db over TREATY_DB', async () => {
    const env = cleanEnv();
    const other = join(env.HOME!, 'other.db');
    expect((await run(['status', '--db', other, '--as-of', '2026-01-01'], env)).code).toBe(0);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(env.TREATY_DB!)).toBe(false);
  });

  it('gives the same answer on the second run, from the existing file', async () => {
    const env = cleanEnv();
    const first = await run(['status', '--json', '--as-of', '2026-01-01'], env);
    const before = fingerprint(env.TREATY_DB!);
    expect(await run(['status', '--json', '--as-of', '2026-01-01'], env)).toEqual(first);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('refuses a directory', async () => {
    const env = cleanEnv();
    const dir = join(env.HOME!, 'somedir');
    mkdirSync(dir);
    expect(await run(['status', '--db', dir], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: database path ${dir} is a directory\nhint: give a file name, e.g. --db ./treaty.db\n`,
    });
    expect(listDir(dir)).toEqual([]);
  });

  it('refuses a file that is not SQLite, and leaves it as it was', async () => {
    const env = cleanEnv();
    writeFileSync(env.TREATY_DB!, 'code,name\nVNM,Viet Nam\n');
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['status'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`error: ${env.TREATY_DB} is not a treaty database (not an SQLite file)`);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
    expect(listDir(env.HOME!)).toEqual(['treaty.db']);
  });

  it('refuses an SQLite file of another program', async () => {
    const env = cleanEnv();
    const other = new Database(env.TREATY_DB!);
    other.exec('CREATE TABLE t(x)');
    other.close();
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['status'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .* is an SQLite database, but not a treaty database\n/);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('refuses a database from a newer version of treaty without touching it', async () => {
    const env = envWithDb();
    const newer = new Database(env.TREATY_DB!);
    newer.pragma('user_version = 99');
    newer.close();
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['status'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: database .* was written by a newer version of treaty \(schema 99; this one reads up to \d+\)\nhint: upgrade treaty\n$/);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('reports a damaged database in one line', async () => {
    const env = envWithDb();
    const bytes = readFileSync(env.TREATY_DB!);
    writeFileSync(env.TREATY_DB!, bytes.subarray(0, 4096 * 3));
    const r = await run(['status', '--as-of', '2026-01-01'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*\n(hint: .*\n)?$/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('reports a folder that does not exist without creating it', async () => {
    const env = cleanEnv();
    const path = join(env.HOME!, 'missing', 'treaty.db');
    expect(await run(['status', '--db', path], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: cannot create database ${path}: folder ${join(env.HOME!, 'missing')} does not exist\n`,
    });
    expect(listDir(env.HOME!)).toEqual([]);
  });

  it('reports a path that cannot be written', async () => {
    const env = cleanEnv();
    const file = join(env.HOME!, 'plain-file');
    writeFileSync(file, 'x');
    const r = await run(['status', '--db', join(file, 'treaty.db')], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: cannot .*treaty\.db: .*\n$/);
    expect(listDir(env.HOME!)).toEqual(['plain-file']);
  });

  it('refuses to seed from broken bundled data, in one line, and creates no database', async () => {
    const env = cleanEnv();
    const data = join(env.HOME!, 'data');
    cpSync(join(ROOT, 'data'), data, { recursive: true });
    const file = join(data, 'actions', 'XVIII-16.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(',signature,2025-10-25,', ',signing,2025-10-25,'));
    const r = await run(['status'], { ...env, TREATY_DATA_DIR: data });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*XVIII-16\.csv:2: action: unknown action "signing"\n$/);
    expect(existsSync(env.TREATY_DB!)).toBe(false);
  });

  it('survives several first uses at once: every process answers, one file remains', async () => {
    const { runCliAsync } = await import('../helpers/run-cli.js');
    const env = cleanEnv();
    const runs = await Promise.all(Array.from({ length: 4 }, () => runCliAsync(['status', '--json', '--as-of', '2026-01-01'], env)));
    for (const r of runs) expect(r).toEqual({ code: 0, stdout: runs[0]!.stdout, stderr: '' });
    expect(listDir(env.HOME!).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))).toEqual(['treaty.db']);
  });
});
