// treaty participants: who signed, who consented, and when; with --all, who has done nothing.
import { inGroup, type GroupFilter } from '../domain/groups.js';
import { compareNames } from '../domain/nearest.js';
import type { IsoDate } from '../domain/dates.js';
import { participantStates, type ParticipantState } from '../domain/status.js';
import type { ParticipantKind, ParticipantStatus } from '../domain/vocabulary.js';
import type { Ctx } from '../context.js';
import type { ListResult, Row } from '../formats/result.js';

export const PARTICIPANT_COLUMNS = ['code', 'name', 'kind', 'un_group', 'signed_on', 'consent_on', 'consent_type', 'in_force_on', 'status', 'date_unknown', 'party_by', 'latest_step', 'latest_step_on'] as const;
export const PARTICIPANT_SORTS = ['name', 'signed_on', 'consent_on'] as const;
export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];

export interface ParticipantsOptions {
  db: string | undefined;
  treaty: string;
  asOf: IsoDate | undefined;
  statuses: readonly ParticipantStatus[] | undefined;
  groups: readonly GroupFilter[] | undefined;
  kinds: readonly ParticipantKind[] | undefined;
  /** Also list participants that have taken no action (status none). */
  all: boolean;
  sort: ParticipantSort;
  columns: readonly string[];
}

export async function participants(ctx: Ctx, o: ParticipantsOptions): Promise<ListResult> {
  const asOf = o.asOf ?? ctx.today();
  return ctx.withStore(o.db, 'read', (store) => {
    const treaty = store.treaty(o.treaty);
    const known = store.participants();
    const withNone = o.all || (o.statuses?.includes('none') ?? false);
    const states = participantStates(treaty, known, store.actions(treaty.id, asOf), asOf, { published: store.published(treaty.id) }).filter((s) => {
      if (!withNone && s.status === 'none') return false;
      if (o.statuses && !o.statuses.includes(s.status)) return false;
      if (o.kinds && !o.kinds.includes(s.kind)) return false;
      const p = known.get(s.code);
      if (o.groups && !(p && o.groups.some((g) => inGroup(p, g)))) return false;
      return true;
    });
    const rows = sortStates(states, o.sort).map((s): Row => ({
      code: s.code,
      name: s.name,
      kind: s.kind,
      // Outside the regional groups (the European Union) is a missing value, not a group named none.
      un_group: s.un_group === 'none' ? null : s.un_group,
      signed_on: s.signed_on,
      consent_on: s.consent_on,
      consent_type: s.consent_type,
      in_force_on: s.in_force_on,
      status: s.status,
      date_unknown: s.date_unknown,
      party_by: s.party_by,
      latest_step: s.latest_step,
      latest_step_on: s.latest_step_on,
    }));
    return { kind: 'list', columns: o.columns, rows, notice: countLine(states, treaty.id, asOf) };
  });
}

function sortStates(states: ParticipantState[], sort: ParticipantSort): ParticipantState[] {
  if (sort === 'name') return states; // participantStates already orders by name
  // Undated rows last; same date by name.
  return [...states].sort((a, b) => {
    const x = a[sort];
    const y = b[sort];
    if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
    return compareNames(a.name, b.name);
  });
}

function countLine(states: readonly ParticipantState[], treaty: string, asOf: IsoDate): string {
  const byStatus = new Map<string, number>();
  for (const s of states) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
  const parts = [...byStatus].map(([status, n]) => `${n} ${status.replace('_', ' ')}`);
  const unknown = states.filter((s) => s.date_unknown).length;
  const dates = unknown ? `; ${unknown} ${unknown === 1 ? 'is a party' : 'are parties'} whose date is not found in any source (date_unknown)` : '';
  return `${states.length} participant${states.length === 1 ? '' : 's'} of ${treaty} as of ${asOf}${parts.length ? `: ${parts.join(', ')}` : ''}${dates}`;
}
