// treaty add on real status pages of every kind: the rule read from the page, predecessors'
// instruments from footnotes, the signature window, and bad input refused with nothing stored.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/files.js';
import { cleanEnv, ROOT, runCli, tempDir } from '../helpers/run-cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'mtdsg');
const fixture = (id: string) => join(FIXTURES, `${id}.en.xml`);

function freshEnv() {
  const env = cleanEnv();
  expect(runCli(['status', '--as-of', '2026-01-01'], env).code).toBe(0);
  return env;
}

describe('treaty add on real pages', () => {
  it("XVIII-7: the predecessors' instruments in footnotes give the depositary's 1977-02-20, with no disagreement", () => {
    const env = freshEnv();
    const r = runCli(['add', fixture('XVIII-7'), '--threshold', '22', '--days', '30', '--snapshot-date', '2018-01-15', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ id: 'XVIII-7', signatories: 25, parties: 180, footnote_actions: 6 });
    expect(r.stderr.split('\n')[0]).toMatch(/: 211 actions of 180 participants; the header's counts and date of entry into force agree$/);
    expect(r.stderr).toContain('read 6 actions from the table\'s footnotes, of 3 predecessor or former participants (former Yugoslavia, Czechoslovakia, German Democratic Republic)');
    const s = JSON.parse(runCli(['status', '--treaty', 'XVIII-7', '--as-of', '2018-01-15', '--json'], env).stdout);
    expect(s).toMatchObject({ entry_into_force: { state: 'in_force', date: '1977-02-20' }, checks: [] });
    const history = JSON.parse(runCli(['history', 'Czechoslovakia', '--treaty', 'XVIII-7', '--as-of', '2018-01-15', '--json'], env).stdout);
    expect(history.map((a: { action: string; date: string; note: string }) => [a.action, a.date, a.note.slice(0, 22)])).toEqual([
      ['signature', '1974-10-11', 'depositary footnote 4:'],
      ['ratification', '1975-06-30', 'depositary footnote 4:'],
    ]);
  });

  it('XXVI-9 with no rule flags: 50 instruments and 90 days read from the page, printed back; the later-party rule is unknown', () => {
    const env = freshEnv();
    const r = runCli(['add', fixture('XXVI-9'), '--snapshot-date', '2018-01-15'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("rule (read from the page's words): Enters into force 90 days after the 50th instrument of acceptance, approval, ratification, accession.");
    expect(r.stderr).toContain('the page does not state when the treaty enters into force for a later party: those dates are left empty (give --later-days N or --rule)');
    const s = JSON.parse(runCli(['status', '--treaty', 'XXVI-9', '--as-of', '2018-01-15', '--json'], env).stdout);
    expect(s).toMatchObject({ threshold: 50, counted: 3, signature: { opens_on: '2017-09-20', closes_on: null, closes: 'never', open: true } });
  });

  it("keeps an organization's instrument from counting beside its members' only where the page's words say so, and says when they do not", () => {
    const env = freshEnv();
    const unstated = "the page does not say whether an organization's instrument (the EU's) counts in addition to its members': every instrument counts, as the clause reads";
    // TPNW art. 15 and ATT art. 22 say "the fiftieth instrument", no more (and both are open to States only).
    for (const args of [[fixture('XXVI-9')], [fixture('XXVI-8'), '--threshold', '50', '--days', '90']]) {
      const r = runCli(['add', ...args, '--snapshot-date', '2018-01-15'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('do not count in addition');
      expect(r.stderr).toContain(unstated);
    }
    const explained = JSON.parse(runCli(['explain', '--treaty', 'XXVI-9', '--as-of', '2018-01-15', '--json'], env).stdout);
    expect(explained.rule).not.toContain('regional economic integration organization');
    // The WHO FCTC's article 36 says its instrument "shall not be counted as additional".
    const fctc = runCli(['add', fixture('IX-4'), '--dry-run'], env);
    expect(fctc.code, fctc.stderr).toBe(0);
    expect(fctc.stderr).toContain('Instruments of a regional economic integration organization (the EU) do not count in addition to those of its members.');
    expect(fctc.stderr).not.toContain(unstated);
  });

  it("takes an organization's instrument as not additional when the page is silent and only that gives the depositary's date", () => {
    const env = freshEnv();
    // The page quotes art. 18(1) ("the fortieth instrument"), not 18(2), which keeps the EU's from counting beside its members'.
    for (const args of [[], ['--threshold', '40', '--days', '90']]) {
      const r = runCli(['add', fixture('XXVII-8-c'), ...args, '--dry-run'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/: 92 actions of 66 participants; the header's counts and date of entry into force agree\n/);
      expect(r.stderr).toContain("an organization's instrument does not count in addition to its members' here: that gives the depositary's date (the page's words do not say)");
      expect(r.stderr).toContain('Instruments of a regional economic integration organization (the EU) do not count in addition to those of its members.');
    }
    expect(runCli(['add', fixture('XXVII-8-c'), '--snapshot-date', '2018-03-05'], env).code).toBe(0);
    const s = JSON.parse(runCli(['status', '--treaty', 'XXVII-8-c', '--as-of', '2018-03-05', '--json'], env).stdout);
    expect(s).toMatchObject({ entry_into_force: { state: 'in_force', date: '2018-03-05' }, checks: [] });
  });

  it('flags override the words one by one, and --later-days supplies the later-party rule', () => {
    const env = freshEnv();
    const r = runCli(['add', fixture('XXVI-9'), '--threshold', '2', '--later-days', '30', '--snapshot-date', '2018-01-15'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("rule (the page's words, with the command line's): Enters into force 90 days after the 2nd instrument");
    // Guyana, the Holy See and Thailand ratified on 20 September 2017: the 2nd, then the page's 90 days.
    const rows = JSON.parse(runCli(['participants', '--treaty', 'XXVI-9', '--as-of', '2018-01-15', '--json'], env).stdout) as { code: string; in_force_on: string | null }[];
    expect(rows.filter((p) => p.in_force_on !== null).map((p) => `${p.code} ${p.in_force_on}`)).toEqual(['GUY 2017-12-19', 'VAT 2017-12-19', 'THA 2017-12-19']);
    const explained = JSON.parse(runCli(['explain', '--treaty', 'XXVI-9', '--as-of', '2018-01-15', '--json'], env).stdout);
    expect(explained.rule).toContain("For a participant that consents later: 30 days after its own instrument, or on the treaty's entry into force if that is later.");
  });

  it('XXVI-8: status says the signature closed at entry into force', () => {
    const env = freshEnv();
    expect(runCli(['add', fixture('XXVI-8'), '--threshold', '50', '--days', '90', '--snapshot-date', '2018-01-15'], env).code).toBe(0);
    const out = runCli(['status', '--treaty', 'XXVI-8', '--as-of', '2018-01-15'], env).stdout;
    expect(out).toMatch(/Signature\s+closed at entry into force \(last day 23 December 2014\); States may now join by accession/);
  });

  it('IX-4, the WHO FCTC: the European Union\'s formal confirmation (c) is read from the legend', () => {
    const env = freshEnv();
    const r = runCli(['add', fixture('IX-4'), '--snapshot-date', '2018-01-15'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toMatch(/the header's counts and date of entry into force agree$/);
    const eu = JSON.parse(runCli(['history', 'EU', '--treaty', 'IX-4', '--as-of', '2018-01-15', '--json'], env).stdout);
    // Then the EU's two declarations from the page, which gives them no date.
    expect(eu.map((a: { action: string; date: string }) => `${a.action} ${a.date}`)).toEqual(['signature 2003-06-16', 'formal_confirmation 2005-06-30', 'declaration null', 'declaration null']);
  });
});

describe('treaty add refuses bad input in one line, storing nothing', () => {
  it('a page cut before its participants table, a rule it cannot read, a bad date, a header with no known column', () => {
    const env = freshEnv();
    const before = fingerprint(env.TREATY_DB!);
    const cut = runCli(['add', fixture('XIX-2'), '--threshold', '20', '--days', '30'], env);
    expect(cut).toMatchObject({ code: 1, stdout: '' });
    expect(cut.stderr).toMatch(/^error: .*XIX-2\.en\.xml: this page has no participants table/);

    const ships = runCli(['add', fixture('XII-7')], env);
    expect(ships.code).toBe(2);
    expect(ships.stderr).toMatch(/^error: .*XII-7\.en\.xml: cannot read the rule of entry into force from the page \(a share of the world tonnage\): "This Convention shall enter into force 12 months after/);
    expect(ships.stderr).toMatch(/\nhint: give the rule with --rule FILE/);

    const tpnw = readFileSync(fixture('XXVI-9'), 'latin1');
    const dir = tempDir();
    const badDate = join(dir, 'bad-date.xml');
    writeFileSync(badDate, tpnw.replace('<Entry>20 Sep 2017</Entry>', '<Entry>20 Spt 2017</Entry>'), 'latin1');
    const date = runCli(['add', badDate, '--threshold', '50', '--days', '90'], env);
    expect(date.code).toBe(1);
    expect(date.stderr).toMatch(/^error: .*bad-date\.xml: participants table, row \d+ \([^)]+\), column 2 "Signature": "20 Spt 2017" is not a date like "25 Oct 2025"\n$/);

    const badHead = join(dir, 'bad-head.xml');
    writeFileSync(badHead, tpnw.replace(/(<Entry colname="2">)[^<]*(<\/Entry>)/, '$1Remarks$2').replace(/(<Entry colname="3">)[^<]*(<\/Entry>)/, '$1Observations$2'), 'latin1');
    const head = runCli(['add', badHead, '--threshold', '50', '--days', '90'], env);
    expect(head.code).toBe(1);
    expect(head.stderr).toMatch(/^error: .*bad-head\.xml: the participants table's header names no known column: "Remarks", "Observations"\n$/);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });
});
