// Conditions of entry into force read from the depositary's own words (the status page's EIF text):
// a named list of States ("all States listed in Annex 2 to this Treaty (that is to say: Algeria,
// Argentina, ... and Zaire)") and an earliest date ("but in no case earlier than two years after its
// opening for signature"). What the words do not say is not guessed: no match gives null.
import { applyDelay } from '../domain/delay.js';
import { isIsoDate, type IsoDate } from '../domain/dates.js';
import type { Delay } from '../domain/model.js';

export interface ListWords {
  /** "Annex 2", as the clause names it. */
  name: string;
  /** The names as the clause writes them, in its order. */
  names: string[];
  /** The clause's words, for the rule's record. */
  text: string;
}

export interface EarliestWords {
  on: IsoDate;
  applies_to: 'entry_into_force';
  text: string;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  eighteen: 18, twenty: 20, thirty: 30, 'twenty-four': 24, 'thirty-six': 36, sixty: 60, ninety: 90,
};

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The list a clause names, or null when it names none. */
export function readListWords(eifText: string): ListWords | null {
  const text = flat(eifText);
  const head = /\b(?:all|each of) (?:the )?(?:[\w-]+ )?States listed in (Annex [0-9IVX]+|the Annex)\b[^(]*?\((?:that is to say|namely|i\.e\.)[:,]?\s*/i.exec(text);
  if (!head) return null;
  // Names may carry their own brackets ("Iran (Islamic Republic of)"): the list ends at the bracket
  // that closes the one opened before "that is to say".
  let depth = 1;
  let end = head.index + head[0].length;
  for (; end < text.length && depth > 0; end++) {
    if (text[end] === '(') depth += 1;
    if (text[end] === ')') depth -= 1;
  }
  if (depth !== 0) return null;
  const inner = text.slice(head.index + head[0].length, end - 1);
  const names = splitNames(inner);
  if (names.length === 0) return null;
  return { name: head[1]!.replace(/^the /i, ''), names, text: text.slice(head.index, end) };
}

/** "A, B, C and D" or "A; B; and C", commas inside brackets kept. */
function splitNames(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if ((ch === ',' || ch === ';') && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  // "and" also joins words inside names ("Trinidad and Tobago"), so the last two names stay together
  // here and are told apart by whoever knows the participants (andSplits).
  return parts.map((p) => p.trim().replace(/^and\s+/i, '').replace(/[.;]$/, '').trim()).filter(Boolean);
}

/** The ways "Viet Nam and Zaire" could be two names: each "and" outside brackets, left to right. */
export function andSplits(name: string): [string, string][] {
  const splits: [string, string][] = [];
  const re = /\s+and\s+/g;
  for (let m = re.exec(name); m; m = re.exec(name)) {
    const left = name.slice(0, m.index);
    if ((left.match(/\(/g) ?? []).length !== (left.match(/\)/g) ?? []).length) continue;
    splits.push([left.trim(), name.slice(m.index + m[0].length).trim()]);
  }
  return splits;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The earliest date a clause allows, counted from the opening for signature or given as a date, or null. */
export function readEarliestWords(eifText: string, opensOn: IsoDate): EarliestWords | null {
  const text = flat(eifText);
  const dated = /\bin no case (?:earlier than|before) (\d{1,2}) ([A-Za-z]+) (\d{4})\b/i.exec(text);
  const month = dated ? MONTHS.indexOf(dated[2]!.toLowerCase()) + 1 : 0;
  if (dated && month > 0) {
    const on = `${dated[3]}-${String(month).padStart(2, '0')}-${dated[1]!.padStart(2, '0')}`;
    if (isIsoDate(on)) return { on, applies_to: 'entry_into_force', text: dated[0] };
  }
  const m = /\bin no case earlier than (\w+(?:-\w+)?|\d+) (year|month|day)s? (?:after|from) (?:the date of )?its opening for signature\b/i.exec(text);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()];
  if (n === undefined) return null;
  const unit = m[2]!.toLowerCase();
  const delay: Delay = unit === 'year' ? { years: n } : unit === 'month' ? { months: n } : { days: n };
  return { on: applyDelay(opensOn, delay), applies_to: 'entry_into_force', text: m[0] };
}
