// Every bundled fact is checked here: the schemas, the cross-references, and the depositary's counts.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/domain/dates.js';
import type { Participant } from '../../src/domain/model.js';
import { participantStates, treatyStatus } from '../../src/domain/status.js';
import { bundledDataDir, loadBundledData } from '../../src/store/bundled-data.js';
import { tempDir } from '../helpers/run-cli.js';

const data = loadBundledData(bundledDataDir({}));
const actionsOf = (treaty: string) => data.actions.filter((a) => a.treaty === treaty);
const publishedOf = (treaty: string) => data.published.filter((p) => p.treaty === treaty);
const participants = new Map<string, Participant>(
  data.participants.map((p) => [p.code, { ...p, aliases: p.aliases.split(';'), groups: p.groups.split(';').filter(Boolean) }]),
);

describe('the bundled data', () => {
  it('loads and validates in full', () => {
    expect(data.treaties.map((t) => t.id)).toContain('XVIII-16');
    expect(data.actions.length).toBeGreaterThan(0);
  });

  it('has every UN member State, the two observer States and the European Union', () => {
    const members = data.participants.filter((p) => p.groups.split(';').includes('un_member'));
    expect(members).toHaveLength(193);
    const codes = new Set(data.participants.map((p) => p.code));
    for (const code of ['VAT', 'PSE', 'EUU', 'VNM', 'CIV', 'TUR']) expect(codes).toContain(code);
    expect(data.participants.find((p) => p.code === 'EUU')?.kind).toBe('reio');
    expect(data.participants.find((p) => p.code === 'NAM')?.iso2).toBe('NA');
  });

  it('gives each of the five UN regional groups its members', () => {
    const count = (g: string) => data.participants.filter((p) => p.un_group === g).length;
    expect(count('African States')).toBe(54);
    expect(count('Eastern European States')).toBe(23);
    expect(count('Latin American and Caribbean States')).toBe(33);
  });

  it('sources every action and dates it as a real calendar date', () => {
    for (const a of data.actions) {
      expect(a.source, `${a.code} ${a.action}`).toMatch(/^https?:\/\//);
      expect(isIsoDate(a.date)).toBe(true);
    }
  });

  const checkpoints = data.treaties.flatMap((t) => [t.snapshot, ...(t.counts ?? [])].map((c) => [t.id, c.date, t, c] as const));
  it.each(checkpoints)('%s on %s: counts computed from the data equal the depositary\'s', (_id, _date, treaty, counts) => {
    const s = treatyStatus(treaty, participants, actionsOf(treaty.id), counts.date, publishedOf(treaty.id));
    if (counts.signatories !== null) expect(s.signatories).toBe(counts.signatories);
    if (counts.parties !== null) {
      // Parties the total names as lacking dates are counted from that day on, as parties whose date is unknown.
      const states = participantStates(treaty, participants, actionsOf(treaty.id), counts.date, { published: publishedOf(treaty.id) });
      for (const code of counts.not_in_data ?? []) {
        const state = states.find((p) => p.code === code);
        expect(state?.status, code).toMatch(/^(consented|in_force)$/);
        expect(state?.consent_on === null ? state.date_unknown : true, code).toBe(true);
      }
      expect(s.consents).toBe(counts.parties);
    }
  });

  it.each(data.treaties.filter((t) => t.entry_into_force).map((t) => [t.id, t] as const))('%s: the engine gives the published date of entry into force', (_id, treaty) => {
    const s = treatyStatus(treaty, participants, actionsOf(treaty.id), '2099-12-31', publishedOf(treaty.id));
    expect(s.entry_into_force.date).toBe(treaty.entry_into_force!.date);
  });

  const dated = data.published.filter((p) => p.in_force_on !== null && data.actions.some((a) => a.treaty === p.treaty && a.code === p.code && a.action !== 'signature'));
  it.each(dated.map((p) => [p.treaty, p.code, p] as const))('%s %s: the engine gives the date of entry into force the depositary publishes', (treatyId, code, published) => {
    const treaty = data.treaties.find((t) => t.id === treatyId)!;
    const states = participantStates(treaty, participants, actionsOf(treatyId), '2099-12-31');
    expect(states.find((s) => s.code === code)?.in_force_on).toBe(published.in_force_on);
  });

  it('checks the Budapest Convention against many published dates', () => {
    expect(dated.filter((p) => p.treaty === 'ets185').length).toBeGreaterThanOrEqual(50);
  });

  it('records no deposit for the cybercrime convention, as no source confirms one', () => {
    const deposits = data.actions.filter((a) => a.treaty === 'XVIII-16' && ['ratification', 'acceptance', 'approval', 'accession'].includes(a.action));
    expect(deposits).toEqual([]);
  });
});

describe('the small facts of issue 19, each from a source or said to be uncertain', () => {
  const action = (treaty: string, code: string, act: string) => actionsOf(treaty).find((a) => a.code === code && a.action === act)!;

  it("the EU's Council decision on conclusion is an approval at home, not a law", () => {
    const eu = actionsOf('XVIII-16').filter((a) => a.code === 'EUU');
    expect(eu.map((a) => a.action)).toEqual(['signature', 'domestic_approval']);
    expect(action('XVIII-16', 'EUU', 'domestic_approval')).toMatchObject({ date: '2026-06-04', note: expect.stringMatching(/Council Decision .* on the conclusion/) });
  });

  it("Uganda's note does not read its absence from a list that stops at \"Turkije\" as evidence", () => {
    const note = action('XVIII-16', 'UGA', 'signature').note!;
    expect(note).toMatch(/stops at "Turkije".*says nothing either way/);
    expect(action('XVIII-16', 'UGA', 'signature').date).toBe('2025-10-26');
  });

  it("the treaty's note says the first-day split of signatures is uncertain, with each source's figure", () => {
    const treaty = data.treaties.find((t) => t.id === 'XVIII-16')!;
    expect(treaty.snapshot.signatories).toBe(72);
    expect(treaty.snapshot.note).toMatch(/split of the 72 between the two days is uncertain/);
    expect(treaty.snapshot.note).toMatch(/66 .*65.*68/);
    const firstDay = actionsOf('XVIII-16').filter((a) => a.action === 'signature' && a.date === '2025-10-25').length;
    expect(firstDay).toBe(66);
    const efe = data.reports.find((r) => r.treaty === 'XVIII-16' && r.date === '2025-10-25' && r.claim === 'signatories')!;
    expect(efe).toMatchObject({ count: 68, grade: 'news' });
  });

  it("the State of Palestine is in the Asia-Pacific Group, with the sources that say so", () => {
    const pse = data.participants.find((p) => p.code === 'PSE')!;
    expect(pse.un_group).toBe('Asia-Pacific States');
    expect(pse.source).toContain('mehrnews.com');
    expect(pse.note).toMatch(/Asia-Pacific Group/);
  });

  it("Chile's Budapest deposit keeps Decreto 83's date and says that the BCN report gives the next day", () => {
    const chile = action('ets185', 'CHL', 'accession');
    expect(chile.date).toBe('2017-04-20');
    expect(chile.note).toMatch(/DISCREPANCY: BCN .* 21 April 2017/);
  });

  it('the later signatures news reported are graded reports, not actions', () => {
    const reports = data.reports.filter((r) => r.treaty === 'XVIII-16');
    expect(reports.filter((r) => r.claim === 'signatories').map((r) => r.count)).toEqual(expect.arrayContaining([74, 76]));
    expect(reports.find((r) => r.code === 'CAN')).toMatchObject({ claim: 'signature', precision: 'month', date: '2026-07-31' });
    expect(actionsOf('XVIII-16').some((a) => a.code === 'CAN')).toBe(false);
    for (const r of reports) expect(r.source.length).toBeGreaterThan(0);
  });
});

describe('a broken data file', () => {
  function brokenCopy(edit: (dir: string) => void): string {
    const dir = join(tempDir(), 'data');
    cpSync(bundledDataDir({}), dir, { recursive: true });
    edit(dir);
    return dir;
  }
  const actionsFile = (dir: string) => join(dir, 'actions', 'XVIII-16.csv');
  const replaceLine = (file: string, line: number, edit: (text: string) => string) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[line - 1] = edit(lines[line - 1]!);
    writeFileSync(file, lines.join('\n'));
  };

  it.each([
    ['an impossible date', (t: string) => t.replace(/2025-10-2[56]/, '2025-02-30'), /XVIII-16\.csv:3: date: "2025-02-30" is not a real date/],
    ['an unknown action', (t: string) => t.replace(',signature,', ',signing,'), /XVIII-16\.csv:3: action: unknown action "signing"/],
    ['an unknown participant', (t: string) => t.replace(/^XVIII-16,[A-Z]{3},/, 'XVIII-16,XYZ,'), /XVIII-16\.csv:3: unknown participant code "XYZ"/],
    ['a date before the treaty opened', (t: string) => t.replace(/2025-10-2[56]/, '2025-10-01'), /XVIII-16\.csv:3: 2025-10-01 is before XVIII-16 opened for signature on 2025-10-25/],
    ['a missing source', (t: string) => t.replace(/,https?:[^,]*,/, ',,'), /XVIII-16\.csv:3: source: a source is required/],
  ])('fails on %s with the file, line and reason', (_what, edit, message) => {
    const dir = brokenCopy((d) => replaceLine(actionsFile(d), 3, edit));
    expect(() => loadBundledData(dir)).toThrow(message);
  });

  it('fails on a duplicated action', () => {
    const dir = brokenCopy((d) => {
      const lines = readFileSync(actionsFile(d), 'utf8').trimEnd().split('\n');
      writeFileSync(actionsFile(d), [...lines, lines[2]].join('\n') + '\n');
    });
    expect(() => loadBundledData(dir)).toThrow(/XVIII-16\.csv:\d+: the same action is already on line 3/);
  });

  it('fails on a treaty definition that breaks the schema', () => {
    const dir = brokenCopy((d) => {
      const file = join(d, 'treaties', 'XVIII-16.json');
      const t = JSON.parse(readFileSync(file, 'utf8'));
      t.rule.delay = { weeks: 12 };
      writeFileSync(file, JSON.stringify(t));
    });
    expect(() => loadBundledData(dir)).toThrow(/XVIII-16\.json: rule\.delay: /);
  });
});
