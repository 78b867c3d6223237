// Where each UN regional group stands: how many of its members signed, consented, or did nothing yet.
import { hasConsented, type ParticipantState } from './status.js';
import { UN_GROUPS } from './vocabulary.js';

export interface RegionRow {
  /** A UN regional group, or "none" for participants outside them (the EU, observers). */
  group: string;
  participants: number;
  /** Signed at some point (whatever came after), as status counts signatories. */
  signed: number;
  /** Deposited an instrument of consent (in force for it or not, denounced since or not). */
  consented: number;
  /** Signed and not (yet) consented. */
  signed_only: number;
  /** No action at all. */
  not_yet: number;
}

/** One row per group in the vocabulary's order, then a row for all of them ("total"). */
export function regionalBreakdown(states: readonly ParticipantState[]): RegionRow[] {
  const empty = (group: string): RegionRow => ({ group, participants: 0, signed: 0, consented: 0, signed_only: 0, not_yet: 0 });
  const rows = new Map<string, RegionRow>(UN_GROUPS.map((g) => [g, empty(g)]));
  const total = empty('total');
  for (const s of states) {
    const row = rows.get(s.un_group) ?? rows.get('none')!;
    for (const r of [row, total]) {
      r.participants += 1;
      if (s.signed_on !== null) r.signed += 1;
      if (hasConsented(s)) r.consented += 1;
      else if (s.status === 'signed') r.signed_only += 1;
      else r.not_yet += 1;
    }
  }
  return [...[...rows.values()].filter((r) => r.participants > 0), total];
}
