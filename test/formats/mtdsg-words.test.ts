// The depositary's words read by `treaty add`: the rule of entry into force, footnotes and the
// signature window. Phrases are quoted from real status pages of 2018 (the page is named).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsOfSentence } from '../../src/formats/mtdsg-footnotes.js';
import { delayOf, numberOfWords, readRuleWords } from '../../src/formats/mtdsg-rule-text.js';
import { readSignatureWindow } from '../../src/formats/mtdsg-signature-window.js';

describe('numbers in words and digits', () => {
  it.each([
    ['fiftieth', 50], ['thirty-fifth', 35], ['tenth', 10], ['ninetieth', 90], ['thirtieth', 30], ['twenty-first', 21],
    ['one hundred and twentieth', 120], ['50', 50], ['40th', 40], ['ninety (90)', 90], ['twelve', 12], ['sixty-five', 65],
  ])('%s = %i', (words, n) => expect(numberOfWords(words)).toBe(n));
  it('is null for words that are not a number', () => expect(numberOfWords('several')).toBeNull());

  // Spelled out the way treaties write them: "one hundred and twenty-fifth", "thirty-five".
  const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
  const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const IRREGULAR: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };
  const cardinal = (n: number): string => {
    const hundreds = Math.floor(n / 100);
    const rest = n % 100;
    const below = rest < 20 ? UNITS[rest]! : `${TENS[Math.floor(rest / 10)]}${rest % 10 ? `-${UNITS[rest % 10]}` : ''}`;
    return [hundreds ? `${UNITS[hundreds]} hundred` : '', hundreds && rest ? 'and' : '', below].filter(Boolean).join(' ');
  };
  const ordinal = (n: number): string => {
    const words = cardinal(n);
    return words.replace(/([a-z]+)$/, (last) => IRREGULAR[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`));
  };
  it('reads every number from 1 to 999, cardinal and ordinal, as words', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), (n) => numberOfWords(cardinal(n)) === n && numberOfWords(ordinal(n)) === n));
  });
});

describe('the rule in the depositary words', () => {
  it.each([
    ['XXVI-9', 'in accordance with article 15(1) this Treaty shall enter into force 90 days after the fiftieth instrument of ratification, acceptance, approval or accession has been deposited.', 50, { days: 90 }, null],
    [
      'III-11',
      'see article 89 which reads as follows: "1. The present Convention shall enter into force on the thirtieth day following the date of deposit of the thirty-fifth instrument of ratification or accession. 2. For each State ratifying or acceding to the Convention after the deposit of the thirty-fifth instrument of ratification or accession, the Convention shall enter into force on the thirtieth day after the deposit of such State of its instrument of ratification or accession.".',
      35, { days: 30 }, { days: 30 },
    ],
    [
      'X-12',
      'see article 89 which reads as follows: "1. This Convention enters into force on the first day of the month following the expiration of twelve months after the date of deposit of the tenth instrument of ratification, acceptance, approval or accession. 2. When a State ratifies, accepts, approves or accedes to this Convention after the deposit of the tenth instrument of ratification, acceptance, approval or accession, this Convention enters into force in respect of that State on the first day of the month following the expiration of twelve months after the date of deposit of its instrument of ratification, acceptance, approval or accession."',
      10, { months: 12, then: 'first_of_next_month' }, { months: 12, then: 'first_of_next_month' },
    ],
    [
      'XII-2',
      'see article 9 which reads as follows: "The present Convention shall come into force on the thirtieth day following the date of deposit of the fourth instrument of ratification. For each State ratifying or acceding to the Convention after the deposit of the fourth instrument of ratification, the Convention shall enter into force on the ninetieth day after the deposit by such State of its instrument of ratification or accession.".',
      4, { days: 30 }, { days: 90 },
    ],
    ['XXII-3', '18 October 2017, in accordance with article 9(1) which reads as follows: “This Convention shall enter into force six months after the date of deposit of the third instrument of ratification, acceptance, approval or accession”.', 3, { months: 6 }, null],
  ])('%s', (_page, text, threshold, delay, later) => {
    expect(readRuleWords(text)).toMatchObject({ kind: 'read', threshold, delay, later });
  });

  it('says which instruments the clause counts', () => {
    const x12 = readRuleWords('1. This Convention enters into force on the first day of the month following the expiration of twelve months after the date of deposit of the tenth instrument of ratification, acceptance, approval or accession.');
    expect(x12).toMatchObject({ kind: 'read', instruments: ['ratification', 'acceptance', 'approval', 'accession'] });
  });

  it.each([
    ['XII-7', 'This Convention shall enter into force 12 months after the date on which not less than 40 States, the combined tonnage of which amounts to at least 25 per cent of the world tonnage, have become Contracting Parties to it', 'a share of the world tonnage'],
    ['IV-8-a', 'The amendment shall enter into force following consideration by the General Assembly and when it has been accepted by a two-thirds majority of States parties', 'a fraction of the parties'],
    ['XXVII-7-c', 'This amendment shall enter into force in accordance with Articles 20 and 21 of the Kyoto Protocol.', 'no number of instruments read from it'],
  ])('%s is refused, naming the clause', (_page, text, why) => {
    expect(readRuleWords(text)).toEqual({ kind: 'unreadable', clause: expect.stringContaining('enter into force'), why });
  });

  it('is absent from a page that gives only the date and the article', () => {
    expect(readRuleWords('24 December 2014, in accordance with article 22(1).')).toEqual({ kind: 'absent' });
  });

  it.each([
    ['on the ninetieth day after the date of deposit', { days: 90 }],
    ['thirty (30) days after the deposit', { days: 30 }],
    ['one year after the date', { years: 1 }],
  ])('delay: %s', (text, delay) => expect(delayOf(text)).toEqual(delay));
});

describe('facts in footnotes', () => {
  it.each([
    ['The former Yugoslavia had signed and ratified the Convention on 17 December 1974 and 29 December 1976, respectively.', ['former Yugoslavia signature 1974-12-17', 'former Yugoslavia ratification 1976-12-29']],
    // IV-7 (no space after the day, as on the page)
    ['Czechoslovakia had signed and ratified the Convention on 29August 1975 and 25 March 1976, respectively.', ['Czechoslovakia signature 1975-08-29', 'Czechoslovakia ratification 1976-03-25']],
    ['The former Yugoslavia had acceeded to the Convention on 9 April 1959.', ['former Yugoslavia accession 1959-04-09']],
    ['Czechoslovakia had signed the Protocol definitively on 4 May 1949.', ['Czechoslovakia definitive_signature 1949-05-04']],
    // IV-7, link markup removed as the reader removes it
    ['The German Democratic Republic had signed and ratified the Convention on 2 May 1974 and 12 August 1974 (See C.N.216.1974.TREATIES-9), respectively.', ['German Democratic Republic signature 1974-05-02', 'German Democratic Republic ratification 1974-08-12']],
    ['By a notification received by the Secretary-General on 2 April 1965, the Government of Madagascar denounced the Convention; the denunciation took effect on 2 April 1966.', ['Madagascar denunciation 1965-04-02']],
  ])('%s', (sentence, facts) => {
    expect(factsOfSentence('1', sentence).map((f) => `${f.participant} ${f.action} ${f.date}`)).toEqual(facts);
  });

  it('reads nothing from a footnote of another kind: it stays a note', () => {
    expect(factsOfSentence('2', 'See note 1 under "Montenegro" in the "Historical Information" section in the front matter of this volume.')).toEqual([]);
    expect(factsOfSentence('3', 'For the Kingdom in Europe.')).toEqual([]);
  });
});

describe('the signature window in the treaty note', () => {
  it.each([
    ['XXVI-8 (in force 2014-12-24)', 'The Treaty shall be open for signature at the United Nations Headquarters in New York by all States from 3 June 2013 until its entry into force.', '2014-12-24', { opens_on: '2013-06-03', closes_on: '2014-12-23', closes: 'at_entry_into_force' }],
    ['XXVI-9', 'In accordance with its article 13, the Treaty shall be open for signature to all States at United Nations Headquarters in New York as from 20 September 2017.', null, { opens_on: '2017-09-20', closes_on: null, closes: 'never' }],
    ['XXVII-1-b', 'It was open for signature at Helsinki from 8 to 12 July 1985.', '1987-09-02', { opens_on: '1985-07-08', closes_on: '1985-07-12', closes: 'on_date' }],
    ['XXVI-2', 'The Convention was open for signature by all States at United Nations Headquarters in New York for a period of twelve months from 10 April 1981.', '1983-12-02', { opens_on: '1981-04-10', closes_on: '1982-04-09', closes: 'on_date' }],
    ['XIX-21 (in force 1989-06-19)', 'The Agreement was opened for signature at the Headquarters of the United Nations, New York, on 1 October 1980, and will remain open for signature until one year after the date of its entry into force.', '1989-06-19', { opens_on: '1980-10-01', closes_on: '1990-06-19', closes: 'on_date' }],
    ['IV-5', 'The Protocol was opened for signature at New York on 19 December 1966.', '1976-03-23', { opens_on: '1966-12-19', closes_on: null, closes: 'not_stated' }],
  ])('%s', (_page, note, eif, window) => {
    expect(readSignatureWindow(note, eif)).toMatchObject(window);
  });

  it('is not stated when the note says nothing of signature', () => {
    expect(readSignatureWindow('The Convention was adopted by the General Assembly.', null)).toEqual({ opens_on: null, closes_on: null, closes: 'not_stated', words: '' });
  });
});
