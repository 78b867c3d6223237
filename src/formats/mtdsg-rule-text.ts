// The rule of entry into force in the depositary's words, as a status page quotes it under
// EIF/Labeltext: "90 days after the fiftieth instrument ... has been deposited", "on the thirtieth
// day following the date of deposit of the thirty-fifth instrument", "on the first day of the month
// following the expiration of twelve months after the date of deposit of the tenth instrument", and
// for a later party "For each State ratifying ... after ..., on the thirtieth day after its deposit".
// Only today's rule shape is read (a count, a delay, a later party's delay); a share of tonnage or
// trade, a fraction of the parties, a group or another treaty is refused by name, never guessed.
import type { Delay } from '../domain/model.js';
import type { Action } from '../domain/vocabulary.js';

export type RuleWords =
  | { kind: 'read'; threshold: number; delay: Delay; later: Delay | null; clause: string; reio_not_additional: boolean; instruments: Action[] }
  | { kind: 'unreadable'; clause: string; why: string }
  | { kind: 'absent' };

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNIT_ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TEN_ORDINALS = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** "fifty", "thirty-five", "hundred and twenty", "fiftieth", "thirty-fifth", "50", "50th", "ninety (90)": a whole number. */
export function numberOfWords(text: string): number | null {
  const t = text.toLowerCase().replace(/\(\s*\d+\s*\)/g, '').replace(/[\s-]+/g, ' ').trim();
  const digits = /^(\d+)(st|nd|rd|th)?$/.exec(t);
  if (digits) return Number(digits[1]);
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of t.split(' ')) {
    if (w === 'and') continue;
    const unit = Math.max(UNITS.indexOf(w), UNIT_ORDINALS.indexOf(w));
    const ten = Math.max(TENS.indexOf(w), TEN_ORDINALS.indexOf(w));
    if (unit >= 0) current += unit;
    else if (ten >= 2) current += ten * 10;
    else if (w === 'hundred' || w === 'hundredth') current = (current || 1) * 100;
    else if (w === 'thousand' || w === 'thousandth') {
      total += (current || 1) * 1000;
      current = 0;
    } else return null;
    any = true;
  }
  return any ? total + current : null;
}

const NUMBER_WORD = String.raw`(?:\d+(?:st|nd|rd|th)?|(?:(?:${[...UNITS, ...TENS.filter(Boolean), ...UNIT_ORDINALS, ...TEN_ORDINALS.filter(Boolean), 'hundred', 'hundredth', 'thousand', 'thousandth', 'and'].join('|')})[\s-]*)+)(?:\s*\(\d+\))?`;

/** The delay a clause states, counted from the decisive deposit. */
export function delayOf(clause: string): Delay | null {
  const c = clause.toLowerCase();
  const firstOfMonth = new RegExp(String.raw`first day of the (?:(?:calendar )?month|month) (?:following|after) the (?:expiration|expiry|end) of (?:a period of )?(${NUMBER_WORD}) months?`).exec(c);
  if (firstOfMonth) {
    const months = numberOfWords(firstOfMonth[1]!);
    return months === null ? null : { months, then: 'first_of_next_month' };
  }
  const nthDay = new RegExp(String.raw`(?:on )?the (${NUMBER_WORD}) day (?:after|following|from)`).exec(c);
  if (nthDay) {
    const days = numberOfWords(nthDay[1]!);
    return days === null ? null : { days };
  }
  const span = new RegExp(String.raw`(${NUMBER_WORD}) (days|months|years?) (?:after|following|from)`).exec(c);
  if (span) {
    const n = numberOfWords(span[1]!);
    if (n === null) return null;
    return span[2] === 'days' ? { days: n } : span[2] === 'months' ? { months: n } : { years: n };
  }
  if (/\bone year (?:after|following|from)\b/.test(c)) return { years: 1 };
  if (/\b(?:on|upon) the (?:date|day) of (?:the )?deposit\b/.test(c)) return { days: 0 };
  return null;
}

/** The count of instruments the main clause needs: "the fiftieth instrument", "not less than 40 States". */
function thresholdOf(clause: string): number | null {
  const c = clause.toLowerCase();
  const ordinal = new RegExp(String.raw`(?:the )?(${NUMBER_WORD}) (?:instrument|ratification|acceptance|approval|accession|notification)`).exec(c);
  const count = new RegExp(String.raw`(?:at least|not less than|no fewer than|of|by) (${NUMBER_WORD}) (?:states|parties|signatories|members|governments|instruments)`).exec(c);
  const m = ordinal ?? count;
  return m ? numberOfWords(m[1]!) : null;
}

// What today's rule cannot hold: named in the refusal, so the user knows what --rule must say.
const BEYOND: readonly [RegExp, string][] = [
  [/\btonnage\b/i, 'a share of the world tonnage'],
  [/\bper cent\b|\bpercent\b|%/i, 'a share of a weighted total (trade, emissions, tonnage)'],
  [/\btwo[\s-]thirds\b|\bthree[\s-]fourths\b|\bthree[\s-]quarters\b|\bmajority\b/i, 'a fraction of the parties'],
  [/\blisted in\b|\bannex\b|\bschedule\b/i, 'a named list of States'],
  [/\bmember states\b|\bregional members\b/i, 'a count within a group'],
  [/\bhas entered into force\b|\bparties to the (?:convention|protocol|agreement) of\b/i, 'a condition on another treaty'],
];

/** Sentences or numbered paragraphs of the quoted article, each about one thing. */
function clausesOf(text: string): string[] {
  return text
    .replace(/[“”"]/g, ' ')
    .split(/(?<=[.;:])\s+(?=(?:\d+\.|\([a-z]\)|[A-Z]))/)
    .map((c) => c.replace(/^\s*(?:\d+\.|\([a-z]\))\s*/, '').trim())
    .filter(Boolean);
}

const IS_LATER = /\b(for each|for any|when a|for a) (state|party|signatory|regional|contracting)|\bthereafter\b|\bafter the (?:deposit|date of deposit) of the \S+ instrument\b.*\bin respect of\b|\bfor (?:the|that|such|any other) (?:state|party)\b|\bafter the conditions\b/i;
const TIMED = /\b(?:enter|enters|come|comes) into force\s+(?:on|when|upon|after|following|\S+ (?:\(\d+\) )?(?:days?|months?|years?))\b/i;
const ENTERS = /\b(enter|enters|come|comes|shall enter|shall come) into force\b/i;

/** The rule in the page's words, or why it cannot be read; `absent` when the page states none. */
export function readRuleWords(text: string): RuleWords {
  const clauses = clausesOf(text).filter((c) => ENTERS.test(c));
  const candidates = clauses.filter((c) => ENTERS.test(c) && !IS_LATER.test(c));
  // "...and the date on which this Agreement enters into force" is about notifying, not the rule.
  const main = candidates.find((c) => TIMED.test(c)) ?? candidates[0];
  if (!main) return { kind: 'absent' };
  for (const [re, why] of BEYOND) if (re.test(main)) return { kind: 'unreadable', clause: main, why };
  const threshold = thresholdOf(main);
  const delay = delayOf(main);
  if (threshold === null || threshold < 1) return { kind: 'unreadable', clause: main, why: 'no number of instruments read from it' };
  if (delay === null) return { kind: 'unreadable', clause: main, why: 'no delay read from it' };
  const laterClause = clauses.find((c) => c !== main && IS_LATER.test(c));
  const later = laterClause ? delayOf(laterClause) : null;
  if (laterClause && later === null) return { kind: 'unreadable', clause: laterClause, why: "no delay read from the later party's clause" };
  return { kind: 'read', threshold, delay, later, clause: laterClause ? `${main} ${laterClause}` : main, reio_not_additional: statesReioNotAdditional(text), instruments: instrumentsOf(main) };
}

/** "...shall not be counted as additional to those deposited by member States of such organization". */
export function statesReioNotAdditional(text: string): boolean {
  return /\bnot be counted as additional\b/i.test(text);
}

// "instrument of ratification, acceptance, approval or accession": the instruments that count.
const INSTRUMENTS: readonly [RegExp, Action][] = [
  [/\bratification\b/i, 'ratification'], [/\bacceptance\b/i, 'acceptance'], [/\bapproval\b/i, 'approval'], [/\baccession\b/i, 'accession'],
  [/\bsuccession\b/i, 'succession'], [/\bformal confirmation\b/i, 'formal_confirmation'], [/\bdefinitive signature\b/i, 'definitive_signature'],
];

function instrumentsOf(clause: string): Action[] {
  return INSTRUMENTS.filter(([re]) => re.test(clause)).map(([, action]) => action);
}
