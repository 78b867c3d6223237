// The streamed CSV reader of imports reads what csv-parse (the library the bundled data is read with)
// reads, however the text is cut into pieces, and stops at its limits while reading.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { csvObjects } from '../../src/formats/csv-stream.js';
import { MAX_FIELD_LENGTH } from '../../src/domain/limits.js';

const COLUMNS = ['a', 'b', 'c'];
const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', ',', '"', '\n', '\r\n', ' a ', 'a"b', '""', 'x\ny'));

/** The text cut at the given places: the reader must not care where a piece ends. */
function cut(text: string, places: number[]): string[] {
  const at = [...new Set(places.map((p) => p % (text.length + 1)))].sort((x, y) => x - y);
  const pieces: string[] = [];
  let from = 0;
  for (const p of at) (pieces.push(text.slice(from, p)), (from = p));
  pieces.push(text.slice(from));
  return pieces.filter((p) => p !== '');
}

it('reads the records csv-parse reads, in any pieces, with \\n or \\r\\n', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 12 }), fc.boolean(), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), (rows, crlf, finalBreak, places) => {
      let text = stringify([COLUMNS, ...rows], { record_delimiter: crlf ? '\r\n' : '\n', quoted_match: /[\r\n]/ });
      if (!finalBreak) text = text.replace(/\r?\n$/, '');
      const theirs = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
      const ours = [...csvObjects(cut(text, places), 'f.csv', COLUMNS)].map((r) => r.record);
      expect(ours).toEqual(theirs);
    }),
    { numRuns: 2000, seed: 16 },
  );
});

it('numbers each record by the line it starts on, blank lines and line breaks in quotes counted', () => {
  const text = 'a,b,c\n1,2,3\n\n"x\ny",2,3\n4,5,6\n';
  expect([...csvObjects([text], 'f.csv', COLUMNS)].map((r) => r.line)).toEqual([2, 4, 6]);
});

it('refuses a field past the limit while reading it, without reading the rest of the file', () => {
  let pieces = 0;
  function* endless() {
    yield 'a,b,c\n1,"';
    for (;;) {
      pieces += 1;
      yield 'x'.repeat(1000);
    }
  }
  expect(() => [...csvObjects(endless(), 'f.csv', COLUMNS)]).toThrow(/^f\.csv:2: column "b": 11,000 characters long; the most a field may hold is 10,000$/);
  expect(pieces).toBe(Math.ceil((MAX_FIELD_LENGTH + 1) / 1000));
});

it('refuses a record wider than the header as soon as its extra field ends', () => {
  let pieces = 0;
  function* commas() {
    yield 'a,b,c\n';
    for (;;) {
      pieces += 1;
      yield ',,,,,,,,,,';
    }
  }
  expect(() => [...csvObjects(commas(), 'f.csv', COLUMNS)]).toThrow(/^f\.csv:2: more fields than the header's 3$/);
  expect(pieces).toBe(1);
});

it('says where an unclosed quote opens, and what is wrong with a stray quote', () => {
  expect(() => [...csvObjects(['a,b,c\n1,2,3\n4,"5,6\n7,8,9\n'], 'f.csv', COLUMNS)]).toThrow(/^f\.csv:3: a quoted field is not closed/);
  expect(() => [...csvObjects(['a,b,c\n1,x"y,3\n'], 'f.csv', COLUMNS)]).toThrow(/^f\.csv:2: a quote inside a field that does not start with one \(column "b"\)/);
  expect(() => [...csvObjects(['a,b,c\n1,"x"y,3\n'], 'f.csv', COLUMNS)]).toThrow(/^f\.csv:2: text after the closing quote of column "b"/);
  expect(() => [...csvObjects([''], 'f.csv', COLUMNS)]).toThrow(/^f\.csv: the file is empty$/);
});
