// Fuzzy comparison of names typed by people, for "did you mean …?" hints.

/** Lower case, accents and punctuation removed, spaces collapsed: "Côte d'Ivoire" → "cote d ivoire". */
export function normalizeName(text: string): string {
  // A read command normalizes every name and alias, and the Unicode classes below cost ~17 µs a call
  // in V8; most names are ASCII or accented Latin, where plain classes give the same (checked by
  // the property tests in test/domain/nearest.test.ts).
  if (/^[\x20-\x7e]*$/.test(text)) return asciiKey(text);
  // Latin letters with accents decompose into ASCII and combining marks of U+0300–U+036F.
  const split = text.normalize('NFKD');
  if (/^[\x20-\x7e\u0300-\u036f]*$/.test(split)) return asciiKey(split.replace(/[\u0300-\u036f]+/g, ''));
  return normalizeUnicode(text);
}

function asciiKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The general case, for any text. */
export function normalizeUnicode(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Edits between two strings, a swap of neighbours counting as one ("hanio" → "hanoi" is 1). */
export function editDistance(a: string, b: string): number {
  // Optimal string alignment: Levenshtein plus adjacent transpositions; rows i-2, i-1 and i.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates closest to `query`, best first, among those close enough to be a plausible typo
 * (at most a third of the longer name differs). Each candidate is a label and the names it answers to.
 */
export function nearest<T>(query: string, candidates: readonly { value: T; names: readonly string[] }[], limit = 3): T[] {
  const q = normalizeName(query);
  const scored: { value: T; score: number }[] = [];
  for (const c of candidates) {
    let best = Infinity;
    for (const name of c.names) {
      const n = normalizeName(name);
      const allowed = Math.max(1, Math.floor(Math.max(q.length, n.length) / 3));
      // The distance is at least the difference in length: skipping those pairs keeps a long
      // query (a 200 KB "name" in a file) linear instead of quadratic.
      if (n !== q && !(n.startsWith(q) && q.length >= 3) && Math.abs(n.length - q.length) > allowed) continue;
      const d = n === q ? 0 : n.startsWith(q) && q.length >= 3 ? 0.5 : editDistance(q, n);
      if (d <= allowed) best = Math.min(best, d);
    }
    if (best !== Infinity) scored.push({ value: c.value, score: best });
  }
  return scored.sort((a, b) => a.score - b.score).slice(0, limit).map((s) => s.value);
}

const sortKeys = new Map<string, string>();

/**
 * Orders names as a reader expects ("Côte d'Ivoire" between "Costa Rica" and "Croatia") by their
 * folded form. Not localeCompare: its first call loads ICU collation data, about 10 ms of start-up.
 */
export function compareNames(a: string, b: string): number {
  let x = sortKeys.get(a);
  if (x === undefined) sortKeys.set(a, (x = normalizeName(a)));
  let y = sortKeys.get(b);
  if (y === undefined) sortKeys.set(b, (y = normalizeName(b)));
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Plain code-unit order, for ISO dates and ids. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
