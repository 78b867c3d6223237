// A plan of changes as a list: what record, import, remove and sync show (and --dry-run shows).
import type { Plan } from '../domain/plan.js';
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
