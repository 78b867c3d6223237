// Checks of action rows against the treaties and participants they name: the rules that a
// single row's schema cannot see. Used for the bundled data and for every import.
import type { ActionRow, TreatyDefinition } from './model.js';

export interface Problem {
  line: number;
  message: string;
}

export function actionKey(row: Pick<ActionRow, 'treaty' | 'code' | 'action' | 'date'>): string {
  return `${row.treaty}|${row.code}|${row.action}|${row.date}`;
}

export function checkActions(
  rows: readonly { line: number; row: ActionRow }[],
  treaties: ReadonlyMap<string, TreatyDefinition>,
  participantCodes: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, row } of rows) {
    const treaty = treaties.get(row.treaty);
    if (!treaty) {
      problems.push({ line, message: `unknown treaty "${row.treaty}"` });
      continue;
    }
    if (!participantCodes.has(row.code)) problems.push({ line, message: `unknown participant code "${row.code}"` });
    if (!treaty.actions.includes(row.action)) {
      problems.push({ line, message: `action "${row.action}" is not one that ${treaty.id} knows (${treaty.actions.join(', ')})` });
    }
    if (row.date < treaty.signature.opens_on) {
      problems.push({ line, message: `${row.date} is before ${treaty.id} opened for signature on ${treaty.signature.opens_on}` });
    }
    const key = actionKey(row);
    const seen = firstLine.get(key);
    if (seen !== undefined) problems.push({ line, message: `the same action is already on line ${seen}` });
    else firstLine.set(key, line);
  }
  return problems;
}
