// The depositary's texts on a status page, split into passages with their kind, heading and date.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMtdsg, parseMtdsg } from '../../src/formats/mtdsg.js';
import { passagesOf } from '../../src/formats/mtdsg-texts.js';
import { statusPageAddress } from '../../src/formats/mtdsg-address.js';
import { ROOT } from '../helpers/run-cli.js';

const page = (file: string) => parseMtdsg(decodeMtdsg(readFileSync(join(ROOT, 'test', 'fixtures', 'mtdsg', file)), file), file);

describe('passagesOf', () => {
  it('opens a passage at each heading and dates what follows a date line until the next one', () => {
    const lines = [
      '<right>30 November 1979</right>',
      'The statement by Iraq has no legal effect.',
      '<right>3 November 2004</right>',
      'With regard to the declaration made by Malaysia upon accession:',
      'First paragraph.',
      'Second paragraph.',
      '',
    ];
    expect(passagesOf('Germany', lines, 'objection')).toEqual([
      { kind: 'objection', participant: 'Germany', date: '1979-11-30', text: 'The statement by Iraq has no legal effect.' },
      { kind: 'objection', participant: 'Germany', heading: 'With regard to the declaration made by Malaysia upon accession:', date: '2004-11-03', text: 'First paragraph.\nSecond paragraph.' },
    ]);
  });

  it.each([
    ['Reservation:', 'reservation'],
    ['Reservation made upon signature and confirmed upon ratification:', 'reservation'],
    ['Declaration:', 'declaration'],
    ['Declaration and reservation:', 'declaration'],
    ['Interpretative declaration:', 'declaration'],
    ['Upon signature:', 'declaration'],
  ] as const)('calls a passage under "%s" a %s', (heading, kind) => {
    expect(passagesOf('X', [heading, 'Words.'], 'declaration')).toEqual([{ kind, participant: 'X', heading, text: 'Words.' }]);
  });

  it('keeps a passage under no heading as the section calls it', () => {
    expect(passagesOf('Argentina', ['The Argentine Republic declares that it does not consider itself bound.'], 'declaration')).toEqual([
      { kind: 'declaration', participant: 'Argentina', text: 'The Argentine Republic declares that it does not consider itself bound.' },
    ]);
  });
});

describe('the texts of a real page (XVIII-7, January 2018)', () => {
  const doc = page('XVIII-7.en.xml');

  it('reads declarations, reservations and dated objections', () => {
    const kinds = doc.texts.reduce<Record<string, number>>((n, t) => ({ ...n, [t.kind]: (n[t.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ reservation: 24, declaration: 36, objection: 9 });
    expect(doc.texts.find((t) => t.participant === 'Algeria')).toMatchObject({ kind: 'reservation', heading: 'Reservation:', text: expect.stringMatching(/^The Government of the People's Democratic Republic of Algeria does not consider itself bound/) });
    expect(doc.texts.filter((t) => t.participant === 'Germany' && t.kind === 'objection').map((t) => t.date)).toEqual(['1979-11-30', '1981-03-25', '2004-11-03']);
  });
});

describe('statusPageAddress', () => {
  it.each([
    ['XVIII-16', 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml'],
    ['XXVII-7-d', 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XXVII/XXVII-7-d.en.xml'],
    ['IV-8', 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20I/Chapter%20IV/IV-8.en.xml'],
    ['XI-B-16', 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20I/Chapter%20XI/XI-B-16.en.xml'],
  ])('gives %s its XML page', (id, url) => {
    expect(statusPageAddress(id)).toBe(url);
  });

  it.each(['ets185', 'XXX-1', 'IIII-2', 'VX-1', ''])('gives no address for %j, which is no MTDSG number', (id) => {
    expect(statusPageAddress(id)).toBeNull();
  });
});
