// The depositary's own words kept with a treaty (its declarations, reservations and objections, and
// the footnotes of its status page's table), as rows to list and filter. A footnote belongs to the
// participants whose actions cite it ("depositary footnote 6" in an action's note).
import type { ActionRow, TreatyDefinition } from './model.js';
import type { TextKind } from './vocabulary.js';

export const TEXT_FILTER_KINDS = ['declaration', 'reservation', 'objection', 'footnote'] as const;
export type TextFilterKind = (typeof TEXT_FILTER_KINDS)[number];

export interface TextRow {
  [column: string]: string | null | readonly string[];
  treaty: string;
  kind: TextKind | 'footnote';
  /** The participant who made it; null for a footnote (see cited_by). */
  code: string | null;
  participant: string | null;
  date: string | null;
  heading: string | null;
  text: string;
  /** For a footnote: the participants whose rows cite it. */
  cited_by: readonly string[] | null;
}

export interface TextFilter {
  code?: string | undefined;
  kinds?: readonly TextFilterKind[] | undefined;
  /** Case-insensitive, in the heading or the text. */
  grep?: string | undefined;
}

/** The footnote numbers an action's note cites: "depositary footnote 6, 7" → 6, 7. */
export function citedFootnotes(note: string | null): string[] {
  const m = note ? /depositary footnote ((?:[^;,\s:]+)(?:, [^;,\s:]+)*)/.exec(note) : null;
  return m ? m[1]!.split(', ') : [];
}

/**
 * Every text and footnote of a treaty, in the page's order. `codeOf` finds a participant's code by
 * the name the page gives, for texts kept before add recorded codes.
 */
export function textRows(treaty: TreatyDefinition, actions: readonly ActionRow[], codeOf: (name: string) => string | null): TextRow[] {
  const rows: TextRow[] = (treaty.depositary_texts ?? []).map((t) => ({
    treaty: treaty.id,
    kind: t.kind,
    code: t.code ?? codeOf(t.participant),
    participant: t.participant,
    date: t.date ?? null,
    heading: t.heading ?? null,
    text: t.text,
    cited_by: null,
  }));
  const citing = new Map<string, Set<string>>();
  for (const a of actions) {
    for (const n of citedFootnotes(a.note)) {
      if (!citing.has(n)) citing.set(n, new Set());
      citing.get(n)!.add(a.code);
    }
  }
  for (const f of treaty.footnotes ?? []) {
    rows.push({ treaty: treaty.id, kind: 'footnote', code: null, participant: null, date: null, heading: `footnote ${f.index}`, text: f.text, cited_by: [...(citing.get(f.index) ?? [])].sort() });
  }
  return rows;
}

export function filterTexts(rows: readonly TextRow[], f: TextFilter): TextRow[] {
  const needle = f.grep?.toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (f.kinds === undefined || f.kinds.includes(r.kind)) &&
      (f.code === undefined || r.code === f.code || (r.cited_by ?? []).includes(f.code)) &&
      (needle === undefined || `${r.heading ?? ''}\n${r.text}`.toLocaleLowerCase().includes(needle)),
  );
}
