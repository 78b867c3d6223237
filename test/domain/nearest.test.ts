import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, nearest, normalizeName, normalizeUnicode } from '../../src/domain/nearest.js';

describe('normalizeName', () => {
  it.each([
    ["Côte d'Ivoire", 'cote d ivoire'],
    ['Türkiye', 'turkiye'],
    ['Viet Nam', 'viet nam'],
    ['  VIET   NAM  ', 'viet nam'],
    ['São Tomé and Príncipe', 'sao tome and principe'],
    ['Bosnia-Herzegovina', 'bosnia herzegovina'],
    ['Korea (Republic of)', 'korea republic of'],
    ['XVIII-16', 'xviii 16'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(normalizeName(text)).toBe(expected);
  });

  it('is idempotent and leaves only lower-case letters, digits and single spaces (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const n = normalizeName(text);
        expect(normalizeName(n)).toBe(n);
        expect(n).toBe(n.toLowerCase());
        expect(n).not.toMatch(/^ | $|  /);
        expect(n).not.toMatch(/[^\p{L}\p{N} ]/u);
      }),
    );
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['turkey', 'turky', 1],
    ['vietnam', 'viet nam', 1],
  ])('editDistance(%j, %j) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('nearest', () => {
  const treaties = [
    { value: 'cybercrime', names: ['cybercrime', 'hanoi', 'un-cybercrime', 'XVIII-16'] },
    { value: 'budapest', names: ['budapest', 'ETS-185', 'convention on cybercrime'] },
  ];
  const participants = [
    { value: 'VNM', names: ['Viet Nam', 'Vietnam', 'VNM', 'VN'] },
    { value: 'TUR', names: ['Türkiye', 'Turkey', 'TUR', 'TR'] },
    { value: 'CIV', names: ["Côte d'Ivoire", 'Ivory Coast', 'CIV', 'CI'] },
    { value: 'AUT', names: ['Austria', 'AUT', 'AT'] },
    { value: 'AUS', names: ['Australia', 'AUS', 'AU'] },
  ];

  it.each([
    ['cybercrim', ['cybercrime']],
    ['cybercrme', ['cybercrime']],
    ['Hanio', ['cybercrime']],
    ['budapset', ['budapest']],
    ['banana', []],
    ['zzzzzzzz', []],
  ])('treaty %j → %j', (query, expected) => {
    expect(nearest(query, treaties)).toEqual(expected);
  });

  it.each([
    ['Viet-nam', ['VNM']],
    ['Turky', ['TUR']],
    ['cote divoire', ['CIV']],
    ['Ivory Cost', ['CIV']],
    ['Narnia', []],
  ])('participant %j → %j', (query, expected) => {
    expect(nearest(query, participants)).toEqual(expected);
  });

  it('ranks the closest first and respects the limit', () => {
    // "austra" is a prefix of "australia" (0.5) and one edit from "austria" (1).
    expect(nearest('Austra', participants)).toEqual(['AUS', 'AUT']);
    expect(nearest('Austra', participants, 1)).toEqual(['AUS']);
  });

  it('ranks a name that matches exactly (once normalized) before one it is only a prefix of', () => {
    const west = [
      { value: 'NGA', names: ['Nigeria', 'NGA', 'NG'] },
      { value: 'NER', names: ['Niger', 'NER', 'NE'] },
    ];
    expect(nearest('Niger.', west)[0]).toBe('NER');
    expect(nearest('aus', participants)[0]).toBe('AUS');
  });

  it('lists a candidate among the suggestions for any of its names (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...participants), fc.nat(), (p, i) => {
        const name = p.names[i % p.names.length]!;
        expect(nearest(name, participants)).toContain(p.value);
      }),
    );
  });
});

describe('normalizeName on ASCII', () => {
  it('gives what the general Unicode normalization gives, for any printable ASCII text', () => {
    fc.assert(fc.property(fc.stringMatching(/^[\x20-\x7e]{0,40}$/), (text) => normalizeName(text) === normalizeUnicode(text)), { numRuns: 2000 });
  });
  it('the same for Latin text with accents, apostrophes and dashes of every kind', () => {
    const latin = fc.constantFrom(...'aeiouAEIOU nN-\'’–.,()çÇéÉèêëíîïñóôöõúûüÿÅåæøßœŁłŞşğİıǅﬁ½²'.split(''));
    fc.assert(fc.property(fc.array(latin, { maxLength: 30 }).map((cs) => cs.join('')), (text) => normalizeName(text) === normalizeUnicode(text)), { numRuns: 3000 });
  });
  it('and leaves anything else to it', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => normalizeName(text) === normalizeUnicode(text)));
  });
});
