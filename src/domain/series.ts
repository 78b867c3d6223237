// Cumulative signatories and counted instruments, one point per date either changes: what a chart of
// a treaty's progress draws. Built from the participants' states as of a date (participantStates), so
// its last point equals the status figures that day (parties known only from the depositary included,
// from the first date a source proves them parties).
import type { IsoDate } from './dates.js';
import type { ActionRow, Participant, PublishedInForce, TreatyDefinition } from './model.js';
import { hasConsented, participantStates, type ParticipantState } from './status.js';

export interface SeriesPoint {
  date: IsoDate;
  signatories: number;
  counted: number;
}

export function cumulativeSeries(treaty: TreatyDefinition, states: readonly ParticipantState[]): SeriesPoint[] {
  const signed = new Map<IsoDate, number>();
  const counted = new Map<IsoDate, number>();
  const bump = (map: Map<IsoDate, number>, date: IsoDate) => map.set(date, (map.get(date) ?? 0) + 1);
  for (const s of states) {
    if (s.signed_on !== null) bump(signed, s.signed_on);
    if (!hasConsented(s) || treaty.rule.excluded_kinds.includes(s.kind)) continue;
    const from = s.consent_on ?? s.party_by;
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

/** The series of a treaty's actions as of a date, for callers that have no participants' states yet. */
export function seriesAsOf(
  treaty: TreatyDefinition,
  participants: ReadonlyMap<string, Participant>,
  actions: readonly ActionRow[],
  asOf: IsoDate,
  published: readonly PublishedInForce[] = [],
): SeriesPoint[] {
  return cumulativeSeries(treaty, participantStates(treaty, participants, actions, asOf, { published, sorted: false }));
}
