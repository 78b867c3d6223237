// A column header of a status page's participants table is its own legend: "Ratification,
// Acceptance(A), Approval(AA), Accession(a)" says which action each marker stands for, and the item
// without a marker is what an unmarked date means. Every column after the participant's has one,
// whatever the number of columns (Signature; Provisional application(n); Definitive acceptance...).
import type { Action } from '../domain/vocabulary.js';

export interface LegendItem {
  /** The depositary's words, e.g. "Accession to the Convention as amended by the Protocol". */
  words: string;
  /** "" for the unmarked item. */
  marker: string;
  action: Action;
}

export interface ColumnLegend {
  header: string;
  items: LegendItem[];
  /** Items whose words name no action we know: kept so that a cell using one is named in the refusal. */
  unknown: string[];
}

// The first words decide: "Acceptance of the Protocol", "Accession to the Convention as amended" and
// "Ratification of the Agreement as amended by the Protocol" are an acceptance, an accession and a
// ratification. Longer phrases come first, so "definitive signature" is not read as "signature".
const LEADS: readonly [RegExp, Action][] = [
  [/^(provisional|undertaking of provisional)/, 'provisional_application'],
  [/^notification of non-provisional/, 'notification'],
  [/^notification of succession/, 'succession'],
  [/^notification of provisional/, 'provisional_application'],
  [/^(territorial application|application to|extension)/, 'extension'],
  [/^definitive signature/, 'definitive_signature'],
  [/^definitive acceptance/, 'acceptance'],
  [/^confirmation of signature ad referendum/, 'signature'],
  [/^confirmation of signature/, 'definitive_signature'],
  [/^(succession to (the )?signature|signature)/, 'signature'],
  [/^ratification/, 'ratification'],
  [/^acceptance/, 'acceptance'],
  [/^approval/, 'approval'],
  [/^accession/, 'accession'],
  [/^succession/, 'succession'],
  [/^formal confirmation/, 'formal_confirmation'],
  [/^participation/, 'participation'],
  [/^consent to be bound/, 'consent_to_be_bound'],
  [/^simplified procedure/, 'simplified_procedure'],
  [/^notification/, 'notification'],
  [/^application/, 'application'],
  [/^denunciation/, 'denunciation'],
  [/^withdrawal/, 'withdrawal'],
  [/^declaration/, 'declaration'],
  [/^reservation/, 'reservation'],
  [/^objection/, 'objection'],
];

export function actionOfWords(words: string): Action | null {
  const w = words.toLowerCase().replace(/\s+/g, ' ').trim();
  return LEADS.find(([re]) => re.test(w))?.[1] ?? null;
}

/**
 * Items are separated by commas, but an item's own words may hold one ("by virtue of signature,
 * adoption of the Agreement or accession thereto"): a comma starts a new item only before a capital.
 */
export function parseColumnLegend(header: string): ColumnLegend {
  const items: LegendItem[] = [];
  const unknown: string[] = [];
  for (const part of header.replace(/\s+/g, ' ').split(/,\s*(?=[A-Z])/)) {
    // A marker is letters in brackets at the end; "(1)" in "article 21 (1)" is a paragraph, not a marker.
    const m = /^(.*?)\s*(?:\(\s*([A-Za-z]{1,3})\s*\))?\s*$/.exec(part.trim())!;
    const words = m[1]!.trim();
    if (!words) continue;
    const action = actionOfWords(words);
    if (action) items.push({ words, marker: m[2] ?? '', action });
    else unknown.push(part.trim());
  }
  return { header, items, unknown };
}

/**
 * The legend item a cell's marker stands for. A column may list several unmarked items ("Definitive
 * signature of the Protocol, Acceptance of the Protocol, Succession to..."): the page does not say
 * which an unmarked date is, so the first is taken and the others are named in `alternatives`.
 */
export function itemFor(legend: ColumnLegend, marker: string): { item: LegendItem; alternatives: LegendItem[] } | null {
  const exact = legend.items.filter((i) => i.marker === marker);
  // Some pages mark a column's only item and then leave its dates unmarked, or the reverse.
  const candidates = exact.length ? exact : marker === '' && legend.items.length === 1 ? legend.items : [];
  if (candidates.length === 0) return null;
  return { item: candidates[0]!, alternatives: candidates.slice(1) };
}
