// treaty texts and history: the depositary's declarations, reservations, objections and footnotes,
// as add keeps them from a real status page (XVIII-7, January 2018).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';
import { textsSpec } from '../../src/commands/texts.spec.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'mtdsg');

async function withProtectedPersons() {
  const env = envWithDb();
  const r = await run(['add', join(FIXTURES, 'XVIII-7.en.xml'), '--threshold', '22', '--days', '30', '--alias', 'ipp'], env);
  expect(r.code, r.stderr).toBe(0);
  return env;
}

describe('treaty texts', () => {
  it('lists every text of the page, with kind, heading and date, in JSON', async () => {
    const env = await withProtectedPersons();
    const r = await run(['texts', 'ipp', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.filter((t) => t.kind === 'objection')).toHaveLength(9);
    expect(rows.filter((t) => t.kind === 'footnote')).toHaveLength(25);
    expect(rows[0]).toEqual({
      treaty: 'XVIII-7', kind: 'reservation', code: 'DZA', participant: 'Algeria', date: null, heading: 'Reservation:',
      text: expect.stringMatching(/^The Government of the People's Democratic Republic of Algeria does not consider itself bound by the provisions of article 13, paragraph 1/),
      cited_by: null,
    });
  });

  it('filters by participant (its texts, and the footnotes its rows cite), kind and word', async () => {
    const env = await withProtectedPersons();
    const germany = JSON.parse((await run(['texts', 'XVIII-7', '--participant', 'DE', '--json'], env)).stdout) as Record<string, unknown>[];
    expect(germany.map((t) => `${t.kind} ${t.date ?? t.heading}`)).toEqual(['declaration Upon signature:', 'objection 1979-11-30', 'objection 1981-03-25', 'objection 2004-11-03', 'footnote footnote 6', 'footnote footnote 7']);
    expect(germany.find((t) => t.heading === 'footnote 6')?.cited_by).toEqual(['DEU', 'X02']);
    const objections = JSON.parse((await run(['texts', 'XVIII-7', '--kind', 'objection', '--grep', 'BURUNDI', '--json'], env)).stdout) as Record<string, unknown>[];
    expect(objections.length).toBeGreaterThan(0);
    for (const t of objections) {
      expect(t.kind).toBe('objection');
      expect(String(t.text).toLowerCase()).toContain('burundi');
    }
  });

  it('writes CSV with a header row and the text quoted', async () => {
    const env = await withProtectedPersons();
    const r = await run(['texts', 'XVIII-7', '--participant', 'Algeria', '--csv'], env);
    expect(r.stdout.split('\n')[0]).toBe('treaty,kind,code,participant,date,heading,text,cited_by');
    expect(r.stdout).toMatch(/^XVIII-7,reservation,DZA,Algeria,,Reservation:,"The Government/m);
  });

  it('says so when a treaty keeps no texts (the bundled ones)', async () => {
    const r = await run(['texts', 'hanoi', '--json'], envWithDb());
    expect(r).toMatchObject({ code: 0, stdout: '[]\n' });
    const table = await run(['texts', 'hanoi'], envWithDb());
    expect(table.stdout).toBe('No texts kept.\n');
    expect(table.stderr).toMatch(/XVIII-16 keeps no texts of the depositary/);
  });

  it('gives an answer for every example its help shows, on the real XVIII-7 page', async () => {
    const env = await withProtectedPersons();
    expect(textsSpec.examples.length).toBeGreaterThan(0);
    for (const [line] of textsSpec.examples) {
      // The example's words as a shell splits them, as JSON to count the rows.
      const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1).filter((w) => w !== '--csv');
      const r = await run([...words, '--json'], env);
      expect(r.code, `${line}: ${r.stderr}`).toBe(0);
      expect((JSON.parse(r.stdout) as unknown[]).length, line).toBeGreaterThan(0);
    }
  });

  it('ends the line that says no text fits with a newline, in a table and as CSV', async () => {
    const env = await withProtectedPersons();
    const table = await run(['texts', 'XVIII-7', '--participant', 'Algeria', '--kind', 'objection'], env);
    expect(table).toMatchObject({ code: 0, stdout: 'No text fits.\n' });
    const csv = await run(['texts', 'XVIII-7', '--participant', 'Algeria', '--kind', 'objection', '--csv'], env);
    expect(csv.stdout).toBe('treaty,kind,code,participant,date,heading,text,cited_by\n');
  });

  it.each([
    [['texts', 'no-such-treaty'], 1, /unknown treaty "no-such-treaty"/],
    [['texts', 'hanoi', '--participant', 'Atlantis'], 1, /unknown participant "Atlantis"/],
    [['texts', 'hanoi', '--kind', 'memo'], 2, /--kind: expected one of declaration, reservation, objection, footnote, got "memo"/],
    [['texts', 'hanoi', '--grep', ' '], 2, /--grep: expected a word/],
  ])('refuses %j with exit %i', async (args, code, message) => {
    const r = await run(args as string[], envWithDb());
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});

describe('treaty history with the depositary texts', () => {
  it('adds each text as a row whose action is its kind and whose note is its words (JSON)', async () => {
    const env = await withProtectedPersons();
    const rows = JSON.parse((await run(['history', 'Algeria', '--treaty', 'ipp', '--json', '--as-of', '2018-01-15'], env)).stdout) as Record<string, unknown>[];
    expect(rows.map((r) => `${r.action} ${r.date}`)).toEqual(['accession 2000-11-07', 'reservation null']);
    expect(rows[1]!.note).toMatch(/^Reservation:\nThe Government of the People's Democratic Republic of Algeria/);
  });

  it('prints the texts under the table, dated where the page dates them', async () => {
    const env = await withProtectedPersons();
    const r = await run(['history', 'Germany', '--treaty', 'ipp', '--as-of', '2018-01-15'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  objection (XVIII-7, 1979-11-30)\n    The statement by the Republic of Iraq');
    expect(r.stdout).toContain('  declaration (XVIII-7, undated on the page): Upon signature:\n');
    // the table of actions holds only actions
    expect(r.stdout.split('\n').filter((l) => l.startsWith('│')).some((l) => /objection|declaration/.test(l))).toBe(false);
  });
});
