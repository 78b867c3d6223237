// The depositary's texts in `treaty history`: each participant's declarations, reservations and
// objections in a treaty, as rows beside its actions (the kind is the row's action, the words its
// note) for the machine formats, and as passages under its table for people.
import { filterTexts, textRows, type TextRow } from '../domain/depositary-texts.js';
import type { ActionRow, TreatyDefinition } from '../domain/model.js';
import type { Row } from '../formats/result.js';

/** Marks a history row that is a text, not an action: the table view prints it apart. */
export const TEXT_ROW = 'depositary_text';

export function historyTexts(treaty: TreatyDefinition, actions: readonly ActionRow[], code: string, codeOf: (name: string) => string | null): TextRow[] {
  if (!treaty.depositary_texts?.length) return [];
  return filterTexts(textRows(treaty, actions, codeOf), { code, kinds: ['declaration', 'reservation', 'objection'] });
}

/** One text as a history row: what a script reads, in the columns actions have. */
export function textAsHistoryRow(t: TextRow, treaty: TreatyDefinition, participant: { code: string; name: string }, standing: { status: string; in_force_on: string | null }): Row {
  return {
    code: participant.code,
    name: participant.name,
    treaty: t.treaty,
    date: t.date,
    action: t.kind,
    reference: null,
    source: treaty.snapshot.source,
    note: t.heading ? `${t.heading}\n${t.text}` : t.text,
    status: standing.status,
    in_force_on: standing.in_force_on,
    [TEXT_ROW]: true,
  };
}
