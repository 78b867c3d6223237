// Files that only an attacker writes: the reader refuses them as files, naming the file and what is wrong.
import { describe, expect, it } from 'vitest';
import { parseMtdsg } from '../../src/formats/mtdsg.js';
import { UserError } from '../../src/errors.js';

const page = (inner: string) => `<?xml version="1.0"?><Document><Treaty>${inner}</Treaty></Document>`;

describe('hostile status pages', () => {
  it.each([
    ['elements nested 1,000 deep', page(`${'<a>'.repeat(1000)}x${'</a>'.repeat(1000)}`), /^bad\.xml: .*nested deeper than any status page/],
    ['an element named __proto__', page('<Header><__proto__><polluted>1</polluted></__proto__></Header>'), /^bad\.xml: .*element named "__proto__"/],
    ['an element named constructor', page('<constructor>1</constructor>'), /^bad\.xml: .*element named "constructor"/],
  ])('%s: a file error, not an internal one', (_what, xml, message) => {
    let thrown: unknown;
    try {
      parseMtdsg(xml, 'bad.xml');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as Error).message).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
