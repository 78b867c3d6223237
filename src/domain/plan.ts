// What a write would do to the actions, worked out before anything is written: which rows are new,
// which change (same key, other reference, source or note), which are already there, and which
// conflict with a stored row (the same participant and once-only action on another date).
import { actionKey } from './check-actions.js';
import type { ActionRow } from './model.js';
import type { Action } from './vocabulary.js';

/** Actions a participant can take more than once, on different days, without contradiction. */
export const REPEATABLE_ACTIONS: readonly Action[] = ['declaration', 'reservation', 'objection', 'withdrawal', 'domestic_approval', 'domestic_law', 'announcement'];

export interface Located<T> {
  /** Where the row came from, for messages: `file:line`, or the command line. */
  where: string;
  row: T;
  /**
   * The row comes from the depositary's own status page: where a stored row has the same key it is
   * confirmed as it is (notes kept), and where a stored date differs the depositary's wins, saying so.
   */
  depositary?: boolean;
}

export interface Plan {
  added: ActionRow[];
  changed: { before: ActionRow; after: ActionRow }[];
  removed: ActionRow[];
  unchanged: ActionRow[];
}

export interface PlanProblem {
  where: string;
  message: string;
  hint?: string;
}

function sameContent(a: ActionRow, b: ActionRow): boolean {
  return a.reference === b.reference && a.source === b.source && a.note === b.note;
}

/** The key of a once-only action: a participant signs or ratifies a treaty once. */
function onceKey(row: ActionRow): string | null {
  return REPEATABLE_ACTIONS.includes(row.action) ? null : `${row.treaty}|${row.code}|${row.action}`;
}

/**
 * Plans adding `incoming` to `existing` (the stored actions of the treaties concerned). With `replace`,
 * a once-only action on another date replaces the stored one; without, it is a problem.
 */
export function planAdd(existing: readonly ActionRow[], incoming: readonly Located<ActionRow>[], replace: boolean): { plan: Plan; problems: PlanProblem[] } {
  const byKey = new Map(existing.map((r) => [actionKey(r), r]));
  const byOnce = new Map<string, ActionRow>();
  for (const r of existing) {
    const k = onceKey(r);
    if (k) byOnce.set(k, r);
  }
  const plan: Plan = { added: [], changed: [], removed: [], unchanged: [] };
  const problems: PlanProblem[] = [];
  // The rows themselves, not their places: a place is made into text only for a message.
  const seen = new Map<string, Located<ActionRow>>();
  for (const located of incoming) {
    const { row: given, depositary } = located;
    let row = given;
    const key = actionKey(row);
    const before = seen.get(key);
    if (before !== undefined) {
      problems.push({ where: located.where, message: `the same action is already at ${before.where}` });
      continue;
    }
    seen.set(key, located);
    const stored = byKey.get(key);
    if (stored) {
      if (depositary || sameContent(stored, row)) plan.unchanged.push(stored);
      else plan.changed.push({ before: stored, after: row });
      continue;
    }
    const once = onceKey(row);
    const rival = once ? byOnce.get(once) : undefined;
    if (rival) {
      if (depositary) {
        const replaced = `the depositary's date; replaces ${rival.date} (${rival.source})`;
        row = { ...row, note: row.note ? `${row.note}; ${replaced}` : replaced };
      } else if (!replace) {
        problems.push({
          where: located.where,
          message: `${row.code} already has a ${row.action} of ${row.treaty} on ${rival.date}, not ${row.date}`,
          hint: 'use --replace to replace the stored date',
        });
        continue;
      }
      plan.removed.push(rival);
      byOnce.delete(once!);
    }
    plan.added.push(row);
    if (once) byOnce.set(once, row);
  }
  return { plan, problems };
}

export function isEmpty(plan: Plan): boolean {
  return isEmptyCounts({ added: plan.added.length, changed: plan.changed.length, removed: plan.removed.length });
}

export interface PlanCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export function isEmptyCounts(c: Pick<PlanCounts, 'added' | 'changed' | 'removed'>): boolean {
  return c.added === 0 && c.changed === 0 && c.removed === 0;
}

/** "2 added, 1 changed, 0 removed, 70 unchanged". */
export function describePlan(plan: Plan): string {
  return describeCounts({ added: plan.added.length, changed: plan.changed.length, removed: plan.removed.length, unchanged: plan.unchanged.length });
}

export function describeCounts(c: PlanCounts): string {
  return `${c.added} added, ${c.changed} changed, ${c.removed} removed, ${c.unchanged} unchanged`;
}
