// What a person sees: every command that prints a table or prose, under a real pseudo-terminal of
// 80, 100, 120 and 200 columns, on the bundled (real) data and on a fixture of accented,
// right-to-left and wide (CJK) names. All the runs go concurrently, a few at a time.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanEnv, runCliAsync, type CliRun } from '../helpers/run-cli.js';
import { badEscapes, headings, overwide, splitWords } from './checks.js';
import { pool, runInPty, type PtyRun } from './pty.js';

const WIDTHS = [80, 100, 120, 200] as const;
/** The width run with NO_COLOR set: the check that colour is absent; the others check it is there. */
const NO_COLOR_WIDTH = 120;

type Data = 'real' | 'fixture' | 'added';
const CASES: [Data, string[]][] = [
  ['real', ['status', '--as-of', '2026-11-23']],
  ['real', ['participants', '--status', 'signed', '--as-of', '2026-11-23']],
  ['real', ['participants', '--all', '--as-of', '2026-11-23']],
  ['real', ['history', 'Viet Nam', 'Germany', '--as-of', '2026-11-23']],
  ['real', ['export', '--as-of', '2026-11-23']],
  ['real', ['treaties', '--as-of', '2026-11-23']],
  ['real', ['compare', 'hanoi', 'budapest', '--as-of', '2026-11-23']],
  ['real', ['what-if', '--add', '40', '--on', '2027-06-01']],
  ['real', ['pace', '--as-of', '2026-11-23']],
  ['real', ['timeline', '--as-of', '2026-11-23']],
  ['real', ['explain', '--treaty', 'budapest', '--as-of', '2026-11-23']],
  ['real', ['db', 'check']],
  ['added', ['texts', 'XVIII-7', '--participant', 'Germany']],
  ['added', ['history', 'Germany', 'Algeria', '--treaty', 'XVIII-7', '--as-of', '2018-01-15']],
  ['fixture', ['participants', '--treaty', 'pty', '--all', '--as-of', '2021-06-30']],
  ['fixture', ['history', 'CHN', 'ARE', 'ISR', 'GBR', '--treaty', 'pty']],
  ['fixture', ['export', '--treaty', 'pty']],
  ['fixture', ['changes']],
  ['fixture', ['record', 'JPN', 'ratification', '2021-03-01', '--treaty', 'pty', '--source', 'https://example.org/actions/japan/ratification-deposited-with-the-secretary-general', '--note', '批准書を寄託 (instrument deposited in New York)', '--dry-run']],
];

const envs: Record<Data, Record<string, string>> = { real: {}, fixture: {}, added: {} };
const piped = new Map<string, CliRun>();
const shown = new Map<string, PtyRun>();
const key = (i: number, width?: number) => `${i}@${width ?? 'pipe'}`;

beforeAll(async () => {
  envs.real = cleanEnv();
  envs.fixture = cleanEnv(undefined, { TREATY_DATA_DIR: join(ROOT, 'test', 'pty', 'fixture') });
  // Create each database once (first use seeds it), and give the fixture's change log a set with
  // a row before and after, so `changes` has its long JSON cells.
  expect((await runCliAsync(['db', 'path'], envs.real)).code).toBe(0);
  // A treaty added from a real status page, with the depositary's declarations, reservations and objections.
  envs.added = cleanEnv();
  const added = await runCliAsync(['add', join(ROOT, 'test', 'fixtures', 'mtdsg', 'XVIII-7.en.xml'), '--threshold', '22', '--days', '30'], envs.added);
  expect(added.code, added.stderr).toBe(0);
  const edit = ['record', 'KOR', 'ratification', '2021-02-01', '--treaty', 'pty', '--source', 'https://example.org/actions/korea/ratification', '--note', '비준서 기탁 (instrument of ratification deposited)'];
  expect((await runCliAsync(edit, envs.fixture)).code).toBe(0);
  const jobs: (() => Promise<void>)[] = [];
  for (const [i, [data, args]] of CASES.entries()) {
    jobs.push(async () => void piped.set(key(i), await runCliAsync(args, envs[data])));
    for (const width of WIDTHS) {
      const env = width === NO_COLOR_WIDTH ? { ...envs[data], NO_COLOR: '1' } : envs[data];
      jobs.push(async () => void shown.set(key(i, width), await runInPty(args, width, env)));
    }
  }
  await pool(jobs, 4);
}, 120_000);

describe.each(CASES.map(([data, args], i) => ({ i, data, line: `treaty ${args.join(' ')}` })))('$line ($data data)', ({ i }) => {
  it.each(WIDTHS)('at %i columns', (width) => {
    const full = piped.get(key(i))!;
    const run = shown.get(key(i, width))!;
    expect(full.code, full.stderr).toBe(0);
    expect(run.code, run.stderr).toBe(0);
    expect(overwide(run.stdout, width)).toEqual([]);
    expect(overwide(run.stderr, width)).toEqual([]);
    expect(badEscapes(run.stdout + run.stderr)).toEqual([]);
    expect(splitWords(run.stdout, full.stdout)).toEqual([]);
    // Columns that leave the row are printed under it ("note: …"), or named on stderr with the way
    // to see them.
    const text = run.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    const hidden = headings(full.stdout).filter((h) => !headings(run.stdout).includes(h) && !text.includes(`│ ${h}: `));
    if (hidden.length > 0) {
      const notice = run.stderr.replace(/\x1b\[[0-9;]*m/g, '').replace(/\s+/g, ' ');
      expect(notice).toMatch(/hidden to fit the terminal: .*--columns.*--wide/);
      for (const h of hidden) expect(notice).toContain(h);
    }
    if (width === NO_COLOR_WIDTH) expect(run.stdout + run.stderr).not.toContain('\x1b');
    else expect(run.stdout).toContain('\x1b[');
  });
});

describe('at the edges', () => {
  const participants = ['participants', '--status', 'signed', '--as-of', '2026-11-23'];
  const runs = new Map<string, PtyRun>();
  beforeAll(async () => {
    const cases: [string, () => Promise<PtyRun>][] = [
      ['narrow', () => runInPty(participants, 40, envs.real)],
      ['wide', () => runInPty([...participants, '--wide'], 80, envs.real)],
      ['no size', () => runInPty(participants, 0, { ...envs.real, COLUMNS: 'wide' })],
      ['zero COLUMNS', () => runInPty(participants, 0, { ...envs.real, COLUMNS: '0' })],
    ];
    await Promise.all(cases.map(async ([name, run]) => runs.set(name, await run())));
  }, 60_000);

  it('below the narrowest table: one record per block, said on stderr, nothing wider than 40', () => {
    const r = runs.get('narrow')!;
    expect(r.code).toBe(0);
    expect(overwide(r.stdout, 40)).toEqual([]);
    expect(overwide(r.stderr, 40)).toEqual([]);
    expect(r.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/^-\[ 1 of 73 \]-+\ncode +DZA\nname +Algeria\n/);
    expect(r.stderr.replace(/\x1b\[[0-9;]*m/g, '').replace(/\s+/g, ' ')).toContain('too narrow for this table (it needs 60): one record per block');
  });

  it('--wide prints every column in full, wider than the terminal on purpose, and hides nothing', () => {
    const r = runs.get('wide')!;
    const full = piped.get(key(CASES.findIndex(([, args]) => args.join(' ') === participants.join(' '))))!;
    expect(r.code).toBe(0);
    expect(headings(r.stdout)).toEqual(headings(full.stdout));
    expect(r.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(full.stdout);
    expect(r.stderr).not.toContain('hidden');
  });

  it.each(['no size', 'zero COLUMNS'])('a terminal that reports no size, with COLUMNS garbage (%s): 80 columns, no crash', (name) => {
    const r = runs.get(name)!;
    expect(r.code, r.stderr).toBe(0);
    expect(overwide(r.stdout, 80)).toEqual([]);
    expect(headings(r.stdout)).toContain('signed_on');
  });
});
