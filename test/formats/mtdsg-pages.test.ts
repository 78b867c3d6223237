// The status-page reader on real 2018 pages, one per table shape and legend (test/fixtures/mtdsg/SOURCES.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeMtdsg, parseMtdsg, type MtdsgDocument } from '../../src/formats/mtdsg.js';
import { countChecks } from '../../src/formats/mtdsg-counts.js';
import { footnoteFacts } from '../../src/formats/mtdsg-footnotes.js';

const FIXTURES = join(__dirname, '..', 'fixtures', 'mtdsg');
const page = (id: string): MtdsgDocument => {
  const file = join(FIXTURES, `${id}.en.xml`);
  return parseMtdsg(decodeMtdsg(readFileSync(file), file), file);
};
const actionsOf = (doc: MtdsgDocument, name: string) => doc.rows.find((r) => r.name === name)!.actions.map((a) => `${a.action} ${a.date}${a.bracketed ? ' []' : ''}`);

describe('every table shape of the fixtures', () => {
  it.each([
    ['XXVI-8', 3, 130, 94],
    ['XXVI-9', 2, 56, 3],
    ['XVIII-7', 2, 25, 180],
    ['III-11', 2, 20, 34],
    ['X-12', 2, 3, 5],
    ['IV-11-a', 1, null, 144],
    ['III-2-14', 1, null, 0],
    ['IX-4', 2, 168, 181],
    ['X-7', 2, 12, 30],
    ['XIV-7', 4, 45, 63],
    ['XXVI-2-a', 1, null, 0],
    ['VIII-2', 2, null, 0],
    ['IV-6', 2, 9, 55],
  ])('%s: %i columns after the participant; the header counts agree with the current participants', (id, columns, signatories, parties) => {
    const doc = page(id);
    expect(doc.columns).toHaveLength(columns);
    if (signatories !== null) expect(doc.signatories).toBe(signatories);
    if (parties > 0) expect(doc.parties).toBe(parties);
    expect(countChecks(doc)).toEqual([]);
  });

  it('reads each legend word as an action, whatever the marker', () => {
    expect(actionsOf(page('IX-4'), 'European Union')).toEqual(['signature 2003-06-16', 'formal_confirmation 2005-06-30']);
    expect(page('X-7').rows.flatMap((r) => r.actions).some((a) => a.action === 'participation')).toBe(true);
    expect(page('XXVI-2-a').rows.flatMap((r) => r.actions).some((a) => a.action === 'consent_to_be_bound')).toBe(true);
    expect(new Set(page('III-2-14').rows.flatMap((r) => r.actions.map((a) => a.action)))).toEqual(new Set(['application']));
    const icgeb = page('XIV-7').rows.find((r) => r.name === 'Afghanistan')!.actions;
    expect(icgeb.map((a) => a.action)).toEqual(['signature', 'signature', 'ratification']);
    expect(icgeb[1]).toMatchObject({ words: 'Confirmation of signature ad referendum' });
    expect(new Set(page('XIV-7').rows.flatMap((r) => r.actions.map((a) => a.action)))).toContain('notification');
  });

  it('says which items an unmarked date may stand for when the legend lists several', () => {
    const amended = page('VIII-2').rows.flatMap((r) => r.actions).filter((a) => a.alternatives.length > 0);
    expect(amended.length).toBeGreaterThan(0);
    expect(amended[0]!.alternatives.length).toBeGreaterThan(0);
  });

  it('keeps footnote markers of the conclusion and of names as notes, not as text', () => {
    const doc = page('IV-6');
    expect(doc.conclusion).toBe('New York, 26 November 1968');
    expect(doc.header_footnotes).toContain('1');
    expect(page('XVIII-7').rows.find((r) => r.name === 'China')!.footnotes).toEqual(['2', '3']);
  });

  it('names the cause when the header counts what the table does not show', () => {
    expect(countChecks(page('XIX-34'))).toEqual([
      { what: 'parties', header: 12, table: 10, cause: 'the difference is the 2 participants whose only entry is provisional (application or acceptance): the depositary counts them' },
    ]);
  });

  it('leaves bracketed dates out of the current counts, as the depositary does', () => {
    const doc = page('VIII-2');
    expect(doc.rows.find((r) => r.name === 'Denmark')!.actions[0]).toMatchObject({ date: '1949-11-21', bracketed: true });
    expect(doc.rows.find((r) => r.name === 'Netherlands')!.actions[0]).toMatchObject({ date: '1949-03-07', bracketed: true });
    // 56 parties in the header: the table's rows with a consent, less the two bracketed ones.
    const withConsent = doc.rows.filter((r) => r.actions.length > 0).length;
    expect(doc.parties).toBe(withConsent - 2);
    expect(countChecks(doc)).toEqual([]);
  });

  it('refuses a page cut before its participants table with exactly that reason', () => {
    expect(() => page('XIX-2')).toThrow(/XIX-2\.en\.xml: this page has no participants table/);
  });

  it("reads the predecessors' instruments of XVIII-7's footnotes", () => {
    const { facts, unread } = footnoteFacts(page('XVIII-7').notes);
    expect(facts.map((f) => `${f.participant} ${f.action} ${f.date}`)).toEqual([
      'former Yugoslavia signature 1974-12-17',
      'former Yugoslavia ratification 1976-12-29',
      'Czechoslovakia signature 1974-10-11',
      'Czechoslovakia ratification 1975-06-30',
      'German Democratic Republic signature 1974-05-23',
      'German Democratic Republic ratification 1976-11-30',
    ]);
    expect(unread.length).toBe(page('XVIII-7').notes.length - 3);
  });
});

describe('the live layout, as scrapers of the current site describe it', () => {
  it('reads a page with tabs in its dates, an upper-case encoding name and no Label elements', () => {
    const file = join(FIXTURES, 'XXVI-8.en.xml');
    const live = readFileSync(file, 'latin1')
      .replace('encoding="iso-8859-1"', 'encoding="ISO-8859-1"')
      .replace(/<Label>[^<]*<\/Label>/g, '')
      .replace(/<Entry>(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})/g, '<Entry>$1 $2\t $3 ');
    const doc = parseMtdsg(decodeMtdsg(Buffer.from(live, 'latin1'), file), file);
    const original = page('XXVI-8');
    expect(doc.rows.map((r) => r.actions)).toEqual(original.rows.map((r) => r.actions));
    expect(doc.entry_into_force).toBe('2014-12-24');
    expect(countChecks(doc)).toEqual([]);
  });
});
