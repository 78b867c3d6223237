import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutTable } from '../../src/formats/layout.js';
import { table } from '../../src/formats/table.js';
import { PLAIN } from '../../src/ui/style.js';
import { cellWidth } from '../../src/ui/cells.js';
import type { ListResult } from '../../src/formats/result.js';

const columns = ['code', 'name', 'un_group', 'signed_on', 'status', 'note'];
const rows = [
  { code: 'CIV', name: "Côte d'Ivoire", un_group: 'African States', signed_on: '2025-10-25', status: 'signed', note: 'Signed in Hanoi at the opening ceremony, in the morning.' },
  { code: 'CHN', name: '中华人民共和国', un_group: 'Asia-Pacific States', signed_on: '2025-10-25', status: 'signed', note: null },
  { code: 'ARE', name: 'الإمارات العربية المتحدة', un_group: 'Asia-Pacific States', signed_on: '2025-10-26', status: 'signed', note: null },
  { code: 'GBR', name: 'United Kingdom of Great Britain and Northern Ireland', un_group: 'Western European and other States', signed_on: '2025-10-25', status: 'signed', note: null },
];
const result: ListResult = { kind: 'list', columns, rows };

function draw(width: number | undefined, wide = false) {
  const notices: string[] = [];
  const text = [...table(result, PLAIN, { width, wide, notice: (l) => notices.push(l) })].join('');
  return { lines: text.trimEnd().split('\n'), notices };
}

describe('tables on a terminal', () => {
  it.each([40, 50, 60, 80, 100, 120, 200])('no line is wider than %i cells, and dates and codes are whole', (width) => {
    const { lines } = draw(width);
    for (const l of lines) expect(cellWidth(l)).toBeLessThanOrEqual(width);
    const text = lines.join('\n');
    for (const r of rows) expect(text).toContain(r.signed_on);
    for (const r of rows) expect(text).toContain(r.code);
  });

  it('hides the note before anything else, and says so', () => {
    const { lines, notices } = draw(125);
    expect(lines[1]).not.toContain('note');
    expect(lines[1]).toContain('signed_on');
    expect(notices).toEqual([expect.stringMatching(/^1 column hidden to fit the terminal: note\. .*--columns.*--wide/)]);
  });

  it('shortens a long name at a word boundary with …', () => {
    const { lines } = draw(80);
    expect(lines.find((l) => l.includes('GBR'))).toMatch(/United Kingdom of[^│]*…/);
  });

  it('falls back to one record per block below the narrowest table, and says so', () => {
    const { lines, notices } = draw(30);
    expect(lines[0]).toMatch(/^-\[ 1 of 4 \]-+$/);
    expect(lines).toContain('code      CIV');
    expect(notices[0]).toMatch(/too narrow for this table .*one record per block/);
    for (const l of lines) expect(cellWidth(l)).toBeLessThanOrEqual(30);
  });

  it('prints every column in full in a pipe, and with --wide', () => {
    for (const { lines, notices } of [draw(undefined), draw(60, true)]) {
      expect(lines[1]).toContain('note');
      expect(lines.join('\n')).toContain('United Kingdom of Great Britain and Northern Ireland');
      expect(notices).toEqual([]);
    }
  });
});

describe('layoutTable', () => {
  it('never hides a column outside the drop order', () => {
    const l = layoutTable({ columns: ['id', 'text'], cells: [['X1', 'a b c d e f g h i j k l m n o p']], width: 25, wide: false, dropOrder: [] });
    expect(l).toEqual({ mode: 'table', shown: [0, 1], widths: [2, 16], hidden: [] });
  });
});

describe('what is never shortened', () => {
  it('a moment, a key and a code are shown whole or hidden, never cut', () => {
    const cells = [['2026-12-03T08:16:30.467Z', 'XVIII-16|VNM|ratification|2026-11-30', 'C.N.123.2026.TREATIES-XVIII.16', 'a note that is long enough to be cut at a word']];
    const l = layoutTable({ columns: ['at', 'key', 'reference', 'note'], cells, width: 125, wide: false, dropOrder: ['note'] });
    expect(l).toMatchObject({ mode: 'table', hidden: [] });
    if (l.mode !== 'table') throw new Error('expected a table');
    expect(l.widths.slice(0, 3)).toEqual([24, 36, 30]);
    expect(l.widths[3]).toBeLessThan(cells[0]![3]!.length);
  });
});

describe('any table, any width (property)', () => {
  const word = fc.constantFrom('Côte', "d'Ivoire", '中华人民共和国', 'الإمارات', 'ישראל', '2025-10-25', 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY', 'signed', 'and', 'Co\u0302te', 'x', '');
  const cell = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
  const names = ['code', 'name', 'un_group', 'signed_on', 'status', 'note', 'source', 'reference'];
  it('never prints a line wider than the terminal, and keeps every date whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 20, max: 220 }), (n, values, width) => {
        const columns = names.slice(0, n);
        const rows = values.map((v) => Object.fromEntries(columns.map((c, i) => [c, v[i]!])));
        const text = [...table({ kind: 'list', columns, rows }, PLAIN, { width, command: 'history' })].join('');
        for (const line of text.split('\n')) expect(cellWidth(line)).toBeLessThanOrEqual(width);
        // A date is never cut: each one the rows hold is shown whole, or its column is not shown.
        for (const line of text.split('\n')) expect(line).not.toMatch(/\d{4}-\d{2}-?\d?…|\d{4}-\d{2}-\d…/);
      }),
      { numRuns: 300 },
    );
  });
});
