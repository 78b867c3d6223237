// The hand-written CSV writer gives exactly what csv-stringify (the library it replaced) gives.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { csv } from '../../src/formats/machine.js';

const cell = fc.oneof(fc.string(), fc.constantFrom('', ',', '"', '\n', '\r\n', ' a ', 'a"b', '#', '=1+2', '\t'), fc.integer().map(String));

it('writes what csv-stringify writes, for any header and rows of text', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 20 }), (width, table) => {
      const columns = Array.from({ length: width }, (_, i) => `c${i}`);
      const rows = table.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i]!])));
      const ours = [...csv({ columns, rows })].join('');
      const theirs = stringify([columns, ...table.map((cells) => cells.slice(0, width))]);
      return ours === theirs;
    }),
    { numRuns: 1000 },
  );
});

it('writes a missing value as an empty field and numbers as they are', () => {
  expect([...csv({ columns: ['a', 'b'], rows: [{ a: null, b: 2 }] })].join('')).toBe('a,b\n,2\n');
});
