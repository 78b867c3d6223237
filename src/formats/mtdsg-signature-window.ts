// When a treaty was open for signature, as the treaty note of its status page says: "opened for
// signature at Vienna on 14 March 1975 ... until 30 March 1976", "from 3 June 2013 until its entry
// into force", "for a period of twelve months from 10 April 1981", "remains open ... thereafter".
// A page that says nothing leaves the window unknown, which is not the same as "no closing date".
import { addDays, addMonths, type IsoDate } from '../domain/dates.js';
import type { SignatureClosing } from '../domain/vocabulary.js';
import { isoOf } from './mtdsg-footnotes.js';
import { numberOfWords } from './mtdsg-rule-text.js';


export interface SignatureWindow {
  opens_on: IsoDate | null;
  closes_on: IsoDate | null;
  closes: SignatureClosing;
  /** The sentences the window was read from. */
  words: string;
}

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const FULL = new RegExp(String.raw`(\d{1,2})\s*${MONTH}\s+(\d{4})`, 'g');

/** Dates in order, filling a range's first date from its second: "from 4 to 12 April 1984", "from 1 May until 31 December 1993". */
function datesOf(text: string): IsoDate[] {
  const out: { at: number; date: IsoDate }[] = [];
  for (const m of text.matchAll(FULL)) {
    const d = isoOf(m[1]!, m[2]!, m[3]!);
    if (d) out.push({ at: m.index!, date: d });
  }
  const partial = new RegExp(String.raw`\b(?:from|on)\s+(\d{1,2})(?:\s+${MONTH})?\s+(?:to|until|and)\s+(?:and including\s+)?(\d{1,2})\s+${MONTH}\s+(\d{4})`, 'g');
  for (const m of text.matchAll(partial)) {
    const d = isoOf(m[1]!, m[2] ?? m[4]!, m[5]!);
    if (d && !out.some((o) => o.at === m.index! + m[0].indexOf(m[1]!))) out.push({ at: m.index! + m[0].indexOf(m[1]!), date: d });
  }
  return out.sort((a, b) => a.at - b.at).map((o) => o.date);
}

/** The window the treaty note states; `entryIntoForce` is the header's date, when the treaty is in force. */
export function readSignatureWindow(note: string, entryIntoForce: IsoDate | null): SignatureWindow {
  const sentences = note.split(/(?<=\.)\s*(?=[A-Z])/).filter((s) => /\bopen(?:ed)? for signature\b|\bremain(?:s|ed)? open\b|\bclosing date for signature\b/i.test(s));
  const words = sentences.join(' ').replace(/\s+/g, ' ').trim();
  if (!words) return { opens_on: null, closes_on: null, closes: 'not_stated', words };
  const dates = datesOf(words);
  const opensAt = /\b(?:from|on|as from)\s+\d/i.exec(words);
  const opens_on = opensAt ? (datesOf(words.slice(opensAt.index))[0] ?? null) : null;
  const untilEif = /\buntil (?:its|their|the) entry into force\b/i.test(words);
  const after = /\buntil (one|\w+) (year|month)s? after the date of (?:its|their) entry into force\b/i.exec(words);
  if (after) {
    const n = numberOfWords(after[1]!);
    if (n !== null && entryIntoForce) return { opens_on, closes_on: addMonths(entryIntoForce, after[2] === 'year' ? 12 * n : n), closes: 'on_date', words };
    return { opens_on, closes_on: null, closes: entryIntoForce ? 'not_stated' : 'never', words };
  }
  if (untilEif) {
    // Signature ends where entry into force begins: from then on, States join by accession.
    return { opens_on, closes_on: entryIntoForce ? addDays(entryIntoForce, -1) : null, closes: 'at_entry_into_force', words };
  }
  const period = /\bfor a period of (\w+(?:-\w+)?) months (?:as )?from\b/i.exec(words);
  if (period && opens_on) {
    const n = numberOfWords(period[1]!);
    if (n !== null) return { opens_on, closes_on: addDays(addMonths(opens_on, n), -1), closes: 'on_date', words };
  }
  const closing = /\b(?:until|to|closing date for signature:?)\s+(?:and including\s+)?\d/i.exec(words);
  if (closing) {
    const last = datesOf(words.slice(closing.index))[0];
    // "from 4 to 12 April 1984 ... and ... until 31 December 2003": the last "until" is the closing.
    const until = [...words.matchAll(/\b(?:until|to|closing date for signature:?)\s+(?:and including\s+)?(?=\d)/gi)].map((m) => datesOf(words.slice(m.index!))[0]).filter(Boolean) as IsoDate[];
    const closes_on = until.length ? until.sort().at(-1)! : last ?? null;
    if (closes_on) return { opens_on, closes_on, closes: 'on_date', words };
  }
  // "shall be open for signature ... as from 20 September 2017", with no end: open with no closing date.
  if (/\bthereafter\b|\bremains open\b|\bshall remain open\b|\b(?:is|shall be) open for signature\b.*\bas from\b/i.test(words)) return { opens_on, closes_on: null, closes: 'never', words };
  return { opens_on: opens_on ?? dates[0] ?? null, closes_on: null, closes: 'not_stated', words };
}
