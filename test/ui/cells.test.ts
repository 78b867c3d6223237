import { describe, expect, it } from 'vitest';
import { cellText, cellWidth, shorten } from '../../src/ui/cells.js';
import { wrapText } from '../../src/ui/wrap.js';
import { terminalWidth } from '../../src/ui/terminal-width.js';

describe('cellWidth', () => {
  it.each([
    ['Viet Nam', 8],
    ['\x1b[1mname\x1b[22m', 4], // escape codes take no cell
    ['Côte d’Ivoire', 13],
    ['Co\u0302te', 4], // a combining circumflex sits on the o
    ['中华人民共和国', 14], // East Asian wide: two cells each
    ['대한민국', 8],
    ['ｆｕｌｌ', 8], // fullwidth Latin
    ['الإمارات العربية المتحدة', 24], // right-to-left letters take one cell each
    ['עִבְרִית', 5], // Hebrew points are combining marks
    ['\x1b]8;;https://example.org\x07link\x1b]8;;\x07', 4], // an OSC 8 hyperlink
    ['🇻🇳', 2],
  ])('%j is %i cells', (text, width) => {
    expect(cellWidth(text)).toBe(width);
  });
});

describe('shorten', () => {
  it('cuts at a word boundary and says so with …', () => {
    expect(shorten('Western European and other States', 20)).toBe('Western European…');
    expect(cellWidth(shorten('Western European and other States', 20))).toBeLessThanOrEqual(20);
  });
  it('leaves what fits alone', () => {
    expect(shorten('Algeria', 7)).toBe('Algeria');
  });
  it('never cuts a wide character in half', () => {
    const s = shorten('中华人民共和国', 6);
    expect(s).toBe('中华…');
    expect(cellWidth(s)).toBe(5);
  });
  it('keeps an accent with its letter', () => {
    expect(shorten('Co\u0302te d’Ivoire is long', 3)).toBe('Co\u0302…');
  });
});

describe('cellText', () => {
  it('turns line breaks into spaces and neutralises escape characters from the data', () => {
    expect(cellText('a\nb\tc')).toBe('a b c');
    expect(cellText('x\x1b[31my')).toBe('x\ufffd[31my');
  });
});

describe('wrapText', () => {
  it('breaks between words only, and no line is wider than asked', () => {
    const text = 'threshold met about 14 March 2027 (80%: 2027-01-02 to 2027-07-30), entry into force about 12 June 2027';
    for (const width of [20, 33, 50, 80]) {
      const lines = wrapText(text, width, { first: '  ', indent: '    ' });
      for (const l of lines) expect(cellWidth(l)).toBeLessThanOrEqual(width);
      expect(lines.join(' ').replace(/ +/g, ' ').trim()).toBe(text);
    }
  });
  it('closes a style at a break and opens it again on the next line', () => {
    const lines = wrapText('\x1b[2mone two three four\x1b[22m', 9);
    expect(lines).toEqual(['\x1b[2mone two\x1b[0m', '\x1b[2mthree\x1b[0m', '\x1b[2mfour\x1b[22m']);
  });
  it('shortens a word longer than the line instead of splitting it', () => {
    expect(wrapText('see https://treaties.un.org/Pages/ViewDetails.aspx', 20)).toEqual(['see', 'https://treaties.un…']);
  });
});

describe('terminalWidth', () => {
  it.each([
    [true, 120, {}, 120],
    [false, 120, { COLUMNS: '100' }, undefined], // a pipe has no width, whatever COLUMNS says
    [true, 0, { COLUMNS: '100' }, 100],
    [true, undefined, { COLUMNS: 'wide' }, 80],
    [true, 0, { COLUMNS: '0' }, 80],
    [true, undefined, { COLUMNS: '-5' }, 80],
    [true, undefined, { COLUMNS: '1e9' }, 80],
  ] as const)('isTTY %s, reported %s, env %j: %s', (isTTY, reported, env, width) => {
    expect(terminalWidth(isTTY, () => reported, env)).toBe(width);
  });
});
