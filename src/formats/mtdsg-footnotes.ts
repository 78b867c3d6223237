// Facts the depositary states only in a footnote of the participants table: a predecessor State's
// instruments ("The former Yugoslavia had signed and ratified the Convention on 17 December 1974 and
// 29 December 1976, respectively"), a participant's earlier instrument, a denunciation. Only sentences
// of these common shapes are read; any other footnote stays a note, never a refusal.
import { isIsoDate, type IsoDate } from '../domain/dates.js';
import type { Action } from '../domain/vocabulary.js';
import type { MtdsgNote } from './mtdsg.js';

export interface FootnoteFact {
  /** The footnote's number. */
  note: string;
  /** Who acted, as the footnote names it ("former Yugoslavia", "German Democratic Republic"). */
  participant: string;
  action: Action;
  date: IsoDate;
  /** The sentence the fact was read from. */
  sentence: string;
  /** For a denunciation: the date it took effect, when the footnote gives it. */
  effective_on: IsoDate | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// "29August 1975" and a no-break space occur in real footnotes.
const DATE = String.raw`(\d{1,2})\s*([A-Z][a-z]+)\s+(\d{4})`;
const DATE_RE = new RegExp(DATE, 'g');

const VERBS: Record<string, Action> = {
  signed: 'signature', ratified: 'ratification', acceded: 'accession', acceeded: 'accession', accepted: 'acceptance',
  approved: 'approval', succeeded: 'succession',
};

export function isoOf(day: string, month: string, year: string): IsoDate | null {
  const m = MONTHS.indexOf(month.toLowerCase()) + 1;
  const date = `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return m > 0 && isIsoDate(date) ? date : null;
}

function datesIn(text: string): IsoDate[] {
  return [...text.matchAll(DATE_RE)].map((m) => isoOf(m[1]!, m[2]!, m[3]!)).filter((d): d is IsoDate => d !== null);
}

/** "The former Yugoslavia", "the Government of Guyana": the participant's name as a table row would give it. */
function subjectName(text: string): string {
  return text.replace(/^(the\s+)?(government\s+of\s+)?(the\s+)?/i, '').trim();
}

// "<Subject> had [initially] signed [and ratified] the <instrument> [definitively] on D [and D][, respectively]"
const HAD = new RegExp(
  String.raw`^(?:[A-Z][\w ,'-]*?,\s+)?(?<who>(?:The |the )?[A-Z][\w'’ -]*?) had (?:initially )?(?<verbs>(?:signed|ratified|acceded|acceeded|accepted|approved|succeeded)(?: and (?:signed|ratified|acceded|acceeded|accepted|approved|succeeded))*)\b(?<rest>.*)$`,
);
// "<The Protocol> had been signed/accepted on behalf of <Subject> on D"
const ON_BEHALF = new RegExp(String.raw`had been (?<verb>signed|ratified|accepted|approved) on behalf of (?<who>(?:the )?[A-Z][\w'’ -]*?) on ${DATE}`);
// "... the Government of X denounced the Convention; the denunciation took effect on D" and
// "On D, the Government of X informed/notified the Secretary-General ... to denounce ... with effect from D".
const DENOUNCED = new RegExp(String.raw`(?:received by the Secretary-General on ${DATE}, )?the Government of (?<who>[A-Z][\w'’ -]*?) denounced .*?took effect on ${DATE}`);
const DECIDED = new RegExp(String.raw`^On ${DATE},? the Government of (?<who>[A-Z][\w'’ -]*?) (?:informed|notified) the Secretary-General .*?\bdenounce\b.*?with effect from ${DATE}`);

export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.;])\s+(?=[A-Z])/).map((s) => s.trim()).filter(Boolean);
}

/** The facts of one sentence, or none when it is of no shape read here. */
export function factsOfSentence(note: string, sentence: string): FootnoteFact[] {
  const s = sentence.replace(/\s+/g, ' ');
  const fact = (participant: string, action: Action, date: IsoDate, effective: IsoDate | null = null): FootnoteFact => ({
    note, participant: subjectName(participant), action, date, sentence: s, effective_on: effective,
  });
  const had = HAD.exec(s);
  if (had?.groups) {
    const verbs = had.groups.verbs!.split(' and ').map((v) => VERBS[v]!);
    // Only what precedes a parenthesis or "See": the rest cites other documents and their dates.
    const rest = had.groups.rest!.split(/\(|\bSee\b/)[0]!;
    const dates = datesIn(rest);
    if (dates.length !== verbs.length) return [];
    const definitive = /\bdefinitively\b/.test(rest);
    return verbs.map((v, i) => fact(had.groups!.who!, v === 'signature' && definitive ? 'definitive_signature' : v, dates[i]!));
  }
  const behalf = ON_BEHALF.exec(s);
  if (behalf?.groups) {
    const m = new RegExp(DATE).exec(s.slice(behalf.index + behalf[0].lastIndexOf(' on ')))!;
    const date = isoOf(m[1]!, m[2]!, m[3]!);
    return date ? [fact(behalf.groups.who!, VERBS[behalf.groups.verb!]!, date)] : [];
  }
  for (const re of [DENOUNCED, DECIDED]) {
    const d = re.exec(s);
    if (!d?.groups) continue;
    const dates = datesIn(d[0]);
    if (dates.length === 0) return [];
    const effective = dates.at(-1)!;
    // Without the day of notification, the day it took effect is the one the footnote gives.
    const notified = dates.length > 1 ? dates[0]! : effective;
    return [fact(d.groups.who!, 'denunciation', notified, effective)];
  }
  return [];
}

/** Every fact the footnotes state, and the footnotes none was read from. */
export function footnoteFacts(notes: readonly MtdsgNote[]): { facts: FootnoteFact[]; unread: MtdsgNote[] } {
  const facts: FootnoteFact[] = [];
  const unread: MtdsgNote[] = [];
  for (const n of notes) {
    const found = sentencesOf(n.text).flatMap((s) => factsOfSentence(n.index, s));
    facts.push(...found);
    if (found.length === 0) unread.push(n);
  }
  return { facts, unread };
}
