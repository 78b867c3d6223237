// From when a party whose consent date no source gives is counted: the earliest date a source proves
// it a party. That is the depositary's date of entry into force for it, a "party by" date, or a dated
// total of parties it is part of (a count's `not_in_data`): a total of 76 that the dated rows reach only
// with these four proves each of the four a party that day.
import type { IsoDate } from './dates.js';
import type { PublishedInForce, TreatyDefinition } from './model.js';

export interface PartyProof {
  code: string;
  /** The first date a source proves it a party: it is counted from this day. */
  from: IsoDate;
  consent_type: string | null;
  /** The published date of entry into force for it, when one is known. */
  in_force_on: IsoDate | null;
  /** Where `from` comes from. */
  source: string | null;
}

export function partyProofs(treaty: TreatyDefinition, published: readonly PublishedInForce[]): Map<string, PartyProof> {
  const proofs = new Map<string, PartyProof>();
  const offer = (code: string, date: IsoDate, source: string | null, row?: PublishedInForce) => {
    const seen = proofs.get(code);
    const base = seen ?? { code, from: date, consent_type: row?.consent_type ?? null, in_force_on: row?.in_force_on ?? null, source };
    if (row) Object.assign(base, { consent_type: row.consent_type, in_force_on: row.in_force_on });
    if (!seen || date < base.from) Object.assign(base, { from: date, source });
    proofs.set(code, base);
  };
  for (const p of published) offer(p.code, (p.in_force_on ?? p.party_by)!, p.source ?? null, p);
  for (const counts of [treaty.snapshot, ...(treaty.counts ?? [])]) {
    for (const code of counts.not_in_data ?? []) offer(code, counts.date, counts.source);
  }
  return proofs;
}
