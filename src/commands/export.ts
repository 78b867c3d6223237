// treaty export: the actions themselves, as rows that `treaty import` reads back unchanged.
import type { IsoDate } from '../domain/dates.js';
import type { Ctx } from '../context.js';
import type { ListResult } from '../formats/result.js';

export const EXPORT_COLUMNS = ['treaty', 'code', 'action', 'date', 'reference', 'source', 'note'] as const;

export interface ExportOptions {
  db: string | undefined;
  treaty: string;
  allTreaties: boolean;
  /** Only actions up to this date, when given. */
  asOf: IsoDate | undefined;
  columns: readonly string[];
}

export async function exportActions(ctx: Ctx, o: ExportOptions): Promise<ListResult> {
  return ctx.withStore(o.db, 'read', (store) => {
    const all = o.allTreaties ? store.allActions() : store.allActions(store.treaty(o.treaty).id);
    const rows = o.asOf === undefined ? all : all.filter((a) => a.date <= o.asOf!);
    return { kind: 'list', columns: o.columns, rows, notice: `${rows.length} action${rows.length === 1 ? '' : 's'}` };
  });
}
