// treaty export: the actions themselves, as rows that `treaty import` reads back unchanged.
import type { IsoDate } from '../domain/dates.js';
import type { Ctx } from '../context.js';
import type { StreamResult } from '../formats/result.js';

export const EXPORT_COLUMNS = ['treaty', 'code', 'action', 'date', 'reference', 'source', 'note'] as const;
/** What export writes: the actions, the parties whose dates are unknown, or the reports; import reads each back. */
export const EXPORT_TABLES = ['actions', 'published', 'reports'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface ExportOptions {
  db: string | undefined;
  treaty: string;
  allTreaties: boolean;
  /** Only actions up to this date, when given. */
  asOf: IsoDate | undefined;
  columns: readonly string[];
  table?: ExportTable;
}

export async function exportActions(ctx: Ctx, o: ExportOptions): Promise<StreamResult> {
  const { store, done } = await ctx.openStore(o.db, 'read');
  try {
    const treaty = o.allTreaties ? undefined : store.treaty(o.treaty).id;
    if (o.table === 'published' || o.table === 'reports') {
      const ids = treaty === undefined ? store.definitions().map((t) => t.id) : [treaty];
      const facts = o.table === 'published'
        ? ids.flatMap((id) => store.publishedRows(id)).filter((p) => o.asOf === undefined || (p.in_force_on ?? p.party_by)! <= o.asOf)
        : ids.flatMap((id) => store.reports(id)).filter((r) => o.asOf === undefined || r.date <= o.asOf);
      return { kind: 'stream', columns: o.columns, rows: facts as unknown as Iterable<Record<string, string | number | null>>, release: () => done(true) };
    }
    const rows = store.iterateActions(treaty, o.asOf);
    // An iterator a closed pipe left half-read must end before its database can close.
    return { kind: 'stream', columns: o.columns, rows, release: () => (rows.return?.(), done(true)) };
  } catch (e) {
    done(false);
    throw e;
  }
}
