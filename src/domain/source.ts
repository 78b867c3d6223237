// Where a fact comes from, in one form for every row (CSV, import, record, the report): one or more
// items separated by spaces, each an http(s) address or an official-journal citation in square
// brackets, e.g. `https://www.coe.int/... [Uradni list RS 62/2004]`. Addresses become links; a
// citation is printed as it is written. Brackets let a citation hold the spaces it needs.

export type SourceItem = { kind: 'url'; text: string } | { kind: 'citation'; text: string };

/** An http(s) address; a plain check, as it runs once per imported row (400,000 in a large import). */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

/** The items of a source, or null when any part is neither an address nor a bracketed citation. */
export function sourceItems(text: string): SourceItem[] | null {
  const items: SourceItem[] = [];
  const rest = text.trim().replace(/\[([^\[\]]*)\]|(\S+)/g, (_m, citation: string | undefined, word: string | undefined) => {
    if (citation !== undefined) {
      if (citation.trim() === '') return '\u0000';
      items.push({ kind: 'citation', text: citation.trim().replace(/\s+/g, ' ') });
    } else if (isHttpUrl(word!)) items.push({ kind: 'url', text: word! });
    else return '\u0000';
    return '';
  });
  return items.length > 0 && rest.trim() === '' ? items : null;
}

export const SOURCE_FORM = 'one or more http(s) addresses or [official-journal citations] separated by spaces';
