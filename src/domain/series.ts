// Cumulative signatories and counted instruments, one point per date either changes: what a chart of
// a treaty's progress draws. Built from the participants' states, so its last point always equals the
// status figures (parties known only from the depositary included, from the first date a source proves).
import type { IsoDate } from './dates.js';
import type { ActionRow, Participant, PublishedInForce, TreatyDefinition } from './model.js';
import { participantStates } from './status.js';

export interface SeriesPoint {
  date: IsoDate;
  signatories: number;
  counted: number;
}

const CONSENTED = new Set(['consented', 'in_force', 'denounced']);

export function cumulativeSeries(
  treaty: TreatyDefinition,
  participants: ReadonlyMap<string, Participant>,
  actions: readonly ActionRow[],
  asOf: IsoDate,
  published: readonly PublishedInForce[] = [],
): SeriesPoint[] {
  const states = participantStates(treaty, participants, actions, asOf, { published, sorted: false });
  const publishedOf = new Map(published.map((p) => [p.code, p]));
  const signed = new Map<IsoDate, number>();
  const counted = new Map<IsoDate, number>();
  const bump = (map: Map<IsoDate, number>, date: IsoDate) => map.set(date, (map.get(date) ?? 0) + 1);
  for (const s of states) {
    if (s.signed_on !== null) bump(signed, s.signed_on);
    if (!CONSENTED.has(s.status) || treaty.rule.excluded_kinds.includes(s.kind)) continue;
    const p = publishedOf.get(s.code);
    const from = s.consent_on ?? p?.in_force_on ?? p?.party_by ?? null;
    if (from !== null) bump(counted, from);
  }
  let signatories = 0;
  let n = 0;
  return [...new Set([...signed.keys(), ...counted.keys()])].sort().map((date) => {
    signatories += signed.get(date) ?? 0;
    n += counted.get(date) ?? 0;
    return { date, signatories, counted: n };
  });
}
