// A plan of changes as a list: what record, import, remove and sync show (and --dry-run shows).
import type { ActionRow } from '../domain/model.js';
import type { Plan, PlanCounts } from '../domain/plan.js';
import type { ListResult, Row } from '../formats/result.js';

export const PLAN_COLUMNS = ['change', 'treaty', 'code', 'action', 'date', 'reference', 'source', 'note'] as const;

export function planResult(plan: Plan, notice: string, withUnchanged = false): ListResult {
  const rows: Row[] = [
    ...plan.added.map((a) => ({ change: 'added', ...a })),
    ...plan.changed.map(({ after }) => ({ change: 'changed', ...after })),
    ...plan.removed.map((a) => ({ change: 'removed', ...a })),
    ...(withUnchanged ? plan.unchanged.map((a) => ({ change: 'unchanged', ...a })) : []),
  ];
  return { kind: 'list', columns: PLAN_COLUMNS, rows, notice, noticeAlways: true, emptyText: '', tableLimit: 20 };
}

/**
 * An import's plan, of which only some rows may be listed: a table counts the rest by the plan's
 * counts (the rows past the listed ones are not held, so not counted by the list itself).
 */
export function stagedPlanResult(counts: PlanCounts, rows: { added: ActionRow[]; changed: ActionRow[]; removed: ActionRow[]; unchanged: ActionRow[] }, notice: string, withUnchanged = false): ListResult {
  const listed: Row[] = [
    ...rows.added.map((a) => ({ change: 'added', ...a })),
    ...rows.changed.map((a) => ({ change: 'changed', ...a })),
    ...rows.removed.map((a) => ({ change: 'removed', ...a })),
    ...(withUnchanged ? rows.unchanged.map((a) => ({ change: 'unchanged', ...a })) : []),
  ];
  const total = counts.added + counts.changed + counts.removed + (withUnchanged ? counts.unchanged : 0);
  return { kind: 'list', columns: PLAN_COLUMNS, rows: listed, notice, noticeAlways: true, emptyText: '', tableLimit: 20, ...(total > listed.length ? { total } : {}) };
}
