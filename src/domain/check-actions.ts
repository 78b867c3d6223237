// Checks of action rows against the treaties and participants they name: the rules that a
// single row's schema cannot see. Used for the bundled data and for every import.
import type { ActionRow, TreatyDefinition } from './model.js';
import { DOMESTIC_ACTIONS } from './vocabulary.js';

export interface Problem<W = number> {
  /** Where the row came from: a line number, or a `file:line` string. */
  where: W;
  message: string;
}

export function actionKey(row: Pick<ActionRow, 'treaty' | 'code' | 'action' | 'date'>): string {
  return `${row.treaty}|${row.code}|${row.action}|${row.date}`;
}

export function checkActions<W>(
  rows: readonly { where: W; row: ActionRow }[],
  treaties: ReadonlyMap<string, TreatyDefinition>,
  participantCodes: ReadonlySet<string>,
  /** repeats: false leaves a row that repeats another to the caller (a plan finds them too). */
  { repeats = true }: { repeats?: boolean } = {},
): Problem<W>[] {
  const problems: Problem<W>[] = [];
  const firstSeen = new Map<string, W>();
  for (const { where, row } of rows) {
    const treaty = treaties.get(row.treaty);
    if (!treaty) {
      problems.push({ where, message: `unknown treaty "${row.treaty}"` });
      continue;
    }
    if (!participantCodes.has(row.code)) problems.push({ where, message: `unknown participant code "${row.code}"` });
    if (!treaty.actions.includes(row.action) && !(DOMESTIC_ACTIONS as readonly string[]).includes(row.action)) {
      problems.push({ where, message: `action "${row.action}" is not one that ${treaty.id} knows (${treaty.actions.join(', ')})` });
    }
    if (row.date < treaty.signature.opens_on) {
      problems.push({ where, message: `${row.date} is before ${treaty.id} opened for signature on ${treaty.signature.opens_on}` });
    }
    if (!repeats) continue;
    const key = actionKey(row);
    const seen = firstSeen.get(key);
    if (seen !== undefined) problems.push({ where, message: `the same action is already ${typeof seen === 'number' ? `on line ${seen}` : `at ${String(seen)}`}` });
    else firstSeen.set(key, where);
  }
  return problems;
}
