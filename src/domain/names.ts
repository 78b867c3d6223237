// Finding a participant by what a person types: a code, the depositary's name, a common name or
// an alias, ignoring case, accents, punctuation and word order. Never a silent wrong pick: when a
// name fits several participants, every one is returned as a candidate.
import type { Participant } from './model.js';
import { compareNames, nearest, normalizeName } from './nearest.js';

export type Resolution =
  | { kind: 'found'; participant: Participant }
  | { kind: 'ambiguous'; candidates: Participant[] }
  | { kind: 'unknown'; suggestions: Participant[] };

const FILLER = new Set(['the', 'of', 'and']);

/** The longest name a participant is looked up by; the longest real one ("United Kingdom of Great Britain and Northern Ireland") is 52. */
export const MAX_NAME_LENGTH = 200;

/** Words of a name without filler, sorted: "Korea, Republic of" and "Republic of Korea" agree. */
function wordKey(normalized: string): string {
  return words(normalized).sort().join(' ');
}

function words(normalized: string): string[] {
  return normalized.split(' ').filter((w) => w !== '' && !FILLER.has(w));
}

export function namesOf(p: Participant): string[] {
  return [p.name, p.short_name, ...p.aliases].filter((n) => n.trim() !== '');
}

export interface NameIndex {
  participants: readonly Participant[];
  /** Exact keys: codes, then each name's spelled, run-together and word-sorted forms. */
  exact: Map<string, Set<Participant>>;
}

export function buildNameIndex(participants: Iterable<Participant>): NameIndex {
  const list = [...participants];
  const exact = new Map<string, Set<Participant>>();
  const add = (key: string, p: Participant) => {
    if (!key) return;
    let set = exact.get(key);
    if (!set) exact.set(key, (set = new Set()));
    set.add(p);
  };
  for (const p of list) {
    add(p.code.toLowerCase(), p);
    if (p.iso2) add(p.iso2.toLowerCase(), p);
    for (const name of namesOf(p)) {
      const n = normalizeName(name);
      add(n, p);
      add(n.replace(/ /g, ''), p);
      add(wordKey(n), p);
    }
  }
  return { participants: list, exact };
}

export function resolveParticipant(query: string, index: NameIndex): Resolution {
  const q = normalizeName(query);
  if (q === '') return { kind: 'unknown', suggestions: [] };
  for (const key of [q, q.replace(/ /g, ''), wordKey(q)]) {
    const hit = index.exact.get(key);
    if (hit) return fromSet(hit);
  }
  // Every word typed appears in one of the names: "Micronesia", "St Kitts", "Korea" (two candidates).
  const typed = words(q);
  if (typed.length > 0) {
    const containing = new Set<Participant>();
    for (const p of index.participants) {
      if (namesOf(p).some((name) => containsWords(words(normalizeName(name)), typed))) containing.add(p);
    }
    if (containing.size > 0) return fromSet(containing);
  }
  const suggestions = nearest(
    query,
    index.participants.map((p) => ({ value: p, names: [p.code, ...(p.iso2 ? [p.iso2] : []), ...namesOf(p)] })),
  );
  return { kind: 'unknown', suggestions };
}

function containsWords(nameWords: readonly string[], typed: readonly string[]): boolean {
  return typed.every((w) => nameWords.includes(w));
}

function fromSet(set: Set<Participant>): Resolution {
  const list = [...set].sort((a, b) => compareNames(a.name, b.name));
  return list.length === 1 ? { kind: 'found', participant: list[0]! } : { kind: 'ambiguous', candidates: list };
}

/** `"Viet Nam" (VN)`, as hints and candidate lists show a participant. */
export function describeParticipant(p: Participant): string {
  return `"${p.name}" (${p.iso2 ?? p.code})`;
}
