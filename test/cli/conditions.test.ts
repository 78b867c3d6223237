// Rules no tracker computes, end to end: the Paris Agreement's real 2018 status page with its real
// rule and the UNFCCC's emissions table, a named-list treaty read from the clause's words, what-if
// for both, and bad rules refused with their file and field, nothing stored.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/files.js';
import { mtdsgXml } from '../helpers/mtdsg.js';
import { cleanEnv, ROOT, runCli, tempDir } from '../helpers/run-cli.js';

const PARIS_PAGE = join(ROOT, 'test', 'fixtures', 'paris', 'XXVII-7-d.en.xml');
const PARIS_RULE = join(ROOT, 'examples', 'paris-agreement.rule.json');
const WEIGHTS = join(ROOT, 'examples', 'paris-agreement.emissions.csv');
const NAMED_LIST = join(ROOT, 'test', 'fixtures', 'named-list', 'XXVI-4-shape.en.xml');

function freshEnv() {
  const env = cleanEnv();
  expect(runCli(['status', '--as-of', '2026-01-01'], env).code).toBe(0);
  return env;
}

const json = (args: string[], env: Record<string, string>) => {
  const r = runCli([...args, '--json'], env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('the Paris Agreement from its 2018 status page, with its rule and the emissions table', () => {
  let env: Record<string, string>;
  let added: ReturnType<typeof runCli>;
  beforeAll(() => {
    env = freshEnv();
    added = runCli(['add', PARIS_PAGE, '--rule', PARIS_RULE, '--alias', 'paris', '--snapshot-date', '2018-01-15'], env);
  });

  it('gives the depositary\'s date: threshold met on 5 October 2016, in force on 4 November 2016, no disagreement', () => {
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr.split('\n')[0]).toBe("added treaty XXVII-7-d (Paris Agreement): 368 actions of 197 participants; the header's counts and date of entry into force agree");
    const s = json(['status', '--treaty', 'paris', '--as-of', '2018-01-15'], env);
    expect(s).toMatchObject({ threshold_reached_on: '2016-10-05', entry_into_force: { state: 'in_force', date: '2016-11-04' }, checks: [] });
    expect(s.conditions.map((c: { label: string; met_on: string }) => [c.label, c.met_on])).toEqual([
      ['55 Parties', '2016-09-21'],
      ['55% of emissions', '2016-10-05'],
    ]);
  });

  it('given only a count, add says the page asks for a share it cannot count, and the depositary\'s date differs', () => {
    const r = runCli(['add', PARIS_PAGE, '--threshold', '55', '--days', '30', '--dry-run'], cleanEnv());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('the depositary gives entry into force on 2016-11-04, the rule given gives 2016-10-21');
    expect(r.stderr).toContain("the page's words ask for 55% of total global greenhouse gas emissions, which this rule does not count");
  });

  it('on 21 September 2016: 60 Parties and 47.76% of emissions, 7.24 points missing (the UNFCCC\'s figures that day)', () => {
    const r = runCli(['status', '--treaty', 'paris', '--as-of', '2016-09-21'], env);
    expect(r.stdout).toContain('55 Parties: 60 ✓');
    expect(r.stdout).toContain('55% of emissions: 47.76%, 7.24 points missing');
    const s = json(['status', '--treaty', 'paris', '--as-of', '2016-09-30'], env);
    expect(s.conditions[1]).toEqual({
      kind: 'share', label: '55% of emissions', met: false, met_on: null, have: null, need: null, percent: 47.79, percent_needed: 55, points_missing: 7.21, missing: [], applies_to: null,
    });
    expect(s).toMatchObject({ threshold_reached_on: null, entry_into_force: { state: 'pending' }, remaining: 1 });
  });

  it('explain gives the arithmetic of each condition', () => {
    const r = runCli(['explain', '--treaty', 'paris', '--as-of', '2016-11-04'], env);
    expect(r.stdout).toContain('55 Parties: the 55th counted instrument is');
    expect(r.stdout).toMatch(/55% of emissions: 52\.11% the day before; on 2016-10-05 .*European Union its row set aside.*: 58\.82% ≥ 55%/);
    expect(r.stdout).toContain('2016-10-05 (the day the last condition was met) + 30 days = 2016-11-04');
  });

  it('the report draws one bar per condition, with the words of the status', () => {
    const out = join(tempDir(), 'paris.html');
    expect(runCli(['report', '--treaty', 'paris', '--as-of', '2016-09-30', '--out', out], env).code).toBe(0);
    const page = readFileSync(out, 'utf8');
    const bars = [...page.matchAll(/<div class="condition" data-field="conditions\.(\d)" data-value="(\w+)"><div class="condition-label">([^<]*)<\/div>\s*<div class="bar"[^>]*><span style="width:(\d+)%"><\/span>/g)].map((m) => m.slice(1));
    expect(bars).toEqual([
      ['0', 'met', '55 Parties: 61 ✓', '100'],
      ['1', 'short', '55% of emissions: 47.79%, 7.21 points missing', '86'],
    ]);
    expect(page).toContain('Still short: 55% of emissions');
  });

  it('what-if with a weighted condition answers with the condition still short, or the date', () => {
    const short = runCli(['what-if', '--treaty', 'paris', '--as-of', '2016-09-30', '--deposit', 'Iran:2016-09-30', '--deposit', 'Turkey:2016-09-30'], env);
    expect(short.code, short.stderr).toBe(0);
    expect(short.stdout).toContain('55% of emissions: 50.33%, 4.67 points missing');
    expect(short.stdout).toMatch(/still short: 55% of emissions \(/);
    const met = json(['what-if', '--treaty', 'paris', '--as-of', '2016-09-30', '--deposit', 'Russian Federation:2016-09-30', '--deposit', 'Turkey:2016-09-30'], env);
    expect(met).toMatchObject({ threshold_reached_on: '2016-09-30', entry_into_force: { date: '2016-10-30' } });
  });
});

describe('a treaty whose clause names a list (Annex 2) and an earliest date', () => {
  let env: Record<string, string>;
  let added: ReturnType<typeof runCli>;
  beforeAll(() => {
    env = freshEnv();
    added = runCli(['add', NAMED_LIST, '--days', '180', '--alias', 'annex', '--snapshot-date', '2018-01-15'], env);
  });

  it('reads the list from the page, mapping Zaire and Turkey as participants, and shows who is missing by name', () => {
    expect(added.code, added.stderr).toBe(0);
    const r = runCli(['status', '--treaty', 'annex', '--as-of', '2018-01-15'], env);
    expect(r.stdout).toMatch(/Annex 2: 9 of 44; missing: Bangladesh, Belgium, .*China, .*United States of America, Viet Nam\n/);
    expect(r.stdout).not.toMatch(/missing:.*(Democratic Republic of the Congo|Türkiye)/);
    expect(r.stdout).toContain('in force not before 1998-09-24 ✓');
    const s = json(['status', '--treaty', 'annex', '--as-of', '2018-01-15'], env);
    expect(s.conditions[1]).toMatchObject({ kind: 'list', have: 9, need: 44 });
    expect(s.conditions[1].missing).toHaveLength(35);
  });

  it('what-if with listed States answers with the list still short', () => {
    const r = runCli(['what-if', '--treaty', 'annex', '--as-of', '2030-01-01', '--deposit', 'China:2029-01-01', '--deposit', 'United States:2029-01-01'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Annex 2: 11 of 44; missing: Bangladesh');
    expect(r.stdout).not.toMatch(/missing:[^\n]*(China|United States of America)/);
    expect(r.stdout).toMatch(/still short: .*Annex 2 \(11 of the 44 listed in Annex 2 have consented/);
  });
});

describe('a count relative to another treaty\'s parties on a date', () => {
  it('counts that treaty\'s parties as status does, rounds as the rule says, and meets the threshold on that instrument', () => {
    const env = freshEnv();
    const dir = tempDir();
    const names = ['Albania', 'Armenia', 'Austria', 'Belgium', 'Bulgaria', 'Croatia', 'Cyprus', 'Denmark', 'Estonia', 'Finland', 'France', 'Germany'];
    const page = join(dir, 'XXVII-99.en.xml');
    writeFileSync(page, mtdsgXml(names.map((name, i) => ({ name, consent: `2011-01-${String(i + 10)}` })), { chapter: 'XXVII', number: '99' }));
    const parties = json(['status', '--treaty', 'ets185', '--as-of', '2010-01-01'], env).consents as number;
    const file = join(dir, 'rule.json');
    writeFileSync(file, JSON.stringify({
      threshold: 1, counted_actions: ['ratification', 'acceptance', 'approval', 'accession'], excluded_kinds: ['reio'], group_condition: null,
      delay: { days: 90 }, later: { delay: { days: 90 }, not_before_entry_into_force: true }, denunciation: null,
      conditions: [{ kind: 'relative', treaty: 'ets185', as_of: '2010-01-01', fraction: { numerator: 1, denominator: 2 }, rounding: 'up' }],
      text: 'accepted by one half of the Parties to the Convention on Cybercrime on 1 January 2010', source: 'https://example.org/relative',
    }));
    const added = runCli(['add', page, '--rule', file, '--snapshot-date', '2012-01-01'], env);
    expect(added.code, added.stderr).toBe(0);
    const need = Math.ceil(parties / 2);
    const s = json(['status', '--treaty', 'XXVII-99', '--as-of', '2012-01-01'], env);
    expect(s.conditions[1]).toMatchObject({ kind: 'relative', have: 12, need, met: true, met_on: `2011-01-${need + 9}` });
    expect(s.threshold_reached_on).toBe(`2011-01-${need + 9}`);
  });
});

describe('bad rules are refused with the file and the field, and nothing is stored', () => {
  let env: Record<string, string>;
  beforeAll(() => {
    env = freshEnv();
  });
  const dir = tempDir();
  const rule = JSON.parse(readFileSync(PARIS_RULE, 'utf8'));
  const lines = readFileSync(WEIGHTS, 'utf8').split('\n');

  /** A copy of the Paris rule beside a copy of its weights table, each changed as asked. */
  function variant(name: string, change: { rule?: (r: typeof rule) => void; weights?: (rows: string[]) => string[] }): string {
    const r = structuredClone(rule);
    change.rule?.(r);
    r.conditions[1].weights.file = `${name}.csv`;
    writeFileSync(join(dir, `${name}.csv`), (change.weights ?? ((x) => x))([...lines]).join('\n'));
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(r));
    return join(dir, `${name}.json`);
  }
  const france = lines.find((l) => l.startsWith('FRA,'))!;

  it.each<[string, Parameters<typeof variant>[1], (file: string) => string]>([
    ['a participant twice in the weights table', { weights: (rows) => [...rows.slice(0, -1), france, ''] }, (f) => `${f.replace(/json$/, 'csv')}:200: FRA has a row already, at line 64`],
    ['a participant missing from it', { weights: (rows) => rows.filter((l) => !l.startsWith('ALB,')) }, (f) => `${f}: conditions.1.weights.rows: no row for ALB, named by the status page`],
    ['shares that do not add up once the EU row is set aside', { weights: (rows) => rows.map((l) => (l.startsWith('CHN,') ? l.replace(',20.09,', ',30,') : l)) }, (f) => `${f}: conditions.1.weights.rows: the shares add up to 109.9% without EUU's row, not about 100%`],
    ['a list naming a participant that does not exist', { rule: (r) => r.conditions.push({ kind: 'list', name: 'Annex I', participants: ['DZA', 'XQQ'] }) }, (f) => `${f}: conditions.2.participants: no participant XQQ`],
    ['a relative threshold naming a treaty not in the database', { rule: (r) => r.conditions.push({ kind: 'relative', treaty: 'XXVII-7', as_of: '2016-01-01', fraction: { numerator: 2, denominator: 3 }, rounding: 'up' }) }, (f) => `${f}: conditions.2.treaty: no treaty XXVII-7 in the database`],
    ['a group condition no group can meet', { rule: (r) => r.conditions.push({ kind: 'group', group: 'coe_member', at_least: 90 }) }, (f) => `${f}: conditions.2.at_least: can never be met: 46 participants are in group coe_member`],
    ['a share that can never be met', { rule: (r) => (r.conditions[1].at_least_percent = 120) }, (f) => `${f}: conditions.1.at_least_percent: 120% can never be met`],
  ])('%s', (name, change, message) => {
    const file = variant(name.replace(/\W+/g, '-'), change);
    const before = fingerprint(env.TREATY_DB!);
    const r = runCli(['add', PARIS_PAGE, '--rule', file, '--snapshot-date', '2018-01-15'], env);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr.split('\n')[0]).toBe(`error: ${message(file)}`);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('a page whose list names a participant nobody knows', () => {
    const page = join(dir, 'XXVI-4.en.xml');
    copyFileSync(NAMED_LIST, page);
    writeFileSync(page, readFileSync(page, 'utf8').replace('Viet Nam and Zaire', 'Viet Nam and Zanzibarr'));
    const before = fingerprint(env.TREATY_DB!);
    const r = runCli(['add', page, '--days', '180'], env);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr.split('\n')[0]).toBe(`error: ${page}: Annex 2 names "Viet Nam and Zanzibarr", which is no known participant`);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });
});
