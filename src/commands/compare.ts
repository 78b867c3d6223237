// treaty compare <treaty> <treaty>: participant by participant, the status in each treaty.
import type { IsoDate } from '../domain/dates.js';
import { inGroup, type GroupFilter } from '../domain/groups.js';
import { participantStates } from '../domain/status.js';
import type { ParticipantKind, ParticipantStatus } from '../domain/vocabulary.js';
import type { Ctx } from '../context.js';
import { parseColumns } from '../formats/columns.js';
import type { ListResult, Row } from '../formats/result.js';

export interface CompareOptions {
  db: string | undefined;
  asOf: IsoDate | undefined;
  first: string;
  second: string;
  /** Only participants with one of these statuses in the first (second) treaty. */
  firstStatuses: readonly ParticipantStatus[] | undefined;
  secondStatuses: readonly ParticipantStatus[] | undefined;
  groups: readonly GroupFilter[] | undefined;
  kinds: readonly ParticipantKind[] | undefined;
  /** Also participants with no action in either treaty. */
  all: boolean;
  columns: string | undefined;
}

export async function compare(ctx: Ctx, o: CompareOptions): Promise<ListResult> {
  const asOf = o.asOf ?? ctx.today();
  return ctx.withStore(o.db, 'read', (store) => {
    const a = store.treaty(o.first);
    const b = store.treaty(o.second);
    const known = store.participants();
    // Rows follow the first treaty's name order; the second's states are only looked up by code.
    const statesOf = (t: typeof a, sorted: boolean) => new Map(participantStates(t, known, store.actions(t.id, asOf), asOf, { published: store.published(t.id), sorted }).map((s) => [s.code, s]));
    const inA = statesOf(a, true);
    const inB = statesOf(b, false);
    const available = ['code', 'name', 'kind', 'un_group', a.id, b.id, `${a.id}_in_force_on`, `${b.id}_in_force_on`];
    const columns = parseColumns(o.columns, available.length === new Set(available).size ? available : ['code', 'name', 'kind', 'un_group', a.id]);
    const rows: Row[] = [];
    for (const [code, sa] of inA) {
      const sb = inB.get(code)!;
      if (!o.all && !o.firstStatuses?.includes('none') && !o.secondStatuses?.includes('none') && sa.status === 'none' && sb.status === 'none') continue;
      if (o.firstStatuses && !o.firstStatuses.includes(sa.status)) continue;
      if (o.secondStatuses && !o.secondStatuses.includes(sb.status)) continue;
      if (o.kinds && !o.kinds.includes(sa.kind)) continue;
      const p = known.get(code);
      if (o.groups && !(p && o.groups.some((g) => inGroup(p, g)))) continue;
      rows.push({
        code,
        name: sa.name,
        kind: sa.kind,
        un_group: sa.un_group === 'none' ? null : sa.un_group,
        [a.id]: sa.status,
        [b.id]: sb.status,
        [`${a.id}_in_force_on`]: sa.in_force_on,
        [`${b.id}_in_force_on`]: sb.in_force_on,
      });
    }
    return { kind: 'list', columns, rows, notice: `${rows.length} participant${rows.length === 1 ? '' : 's'}, ${a.id} against ${b.id}, as of ${asOf}` };
  });
}
