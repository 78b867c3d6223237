// treaty export: the actions themselves, as rows that `treaty import` reads back unchanged.
import type { IsoDate } from '../domain/dates.js';
import type { Ctx } from '../context.js';
import type { StreamResult } from '../formats/result.js';

export const EXPORT_COLUMNS = ['treaty', 'code', 'action', 'date', 'reference', 'source', 'note'] as const;

export interface ExportOptions {
  db: string | undefined;
  treaty: string;
  allTreaties: boolean;
  /** Only actions up to this date, when given. */
  asOf: IsoDate | undefined;
  columns: readonly string[];
}

export async function exportActions(ctx: Ctx, o: ExportOptions): Promise<StreamResult> {
  const { store, done } = await ctx.openStore(o.db, 'read');
  try {
    const treaty = o.allTreaties ? undefined : store.treaty(o.treaty).id;
    const rows = store.iterateActions(treaty, o.asOf);
    // An iterator a closed pipe left half-read must end before its database can close.
    return { kind: 'stream', columns: o.columns, rows, release: () => (rows.return?.(), done(true)) };
  } catch (e) {
    done(false);
    throw e;
  }
}
