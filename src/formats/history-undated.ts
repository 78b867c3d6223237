// Parties whose dates no source gives, in `treaty history`'s machine formats: the consent is a fact
// (a source proves it), its date is not, so the row has `date` null and the source that proves it a
// party. Without it, a script would read an empty history as "did nothing". The table says the same in
// the participant's heading ("Party; date not found in any source").
import type { PartyProof } from '../domain/party-proof.js';
import type { Row } from './result.js';

export function undatedConsentRow(who: { code: string; name: string }, treaty: string, proof: PartyProof | undefined, standing: { status: string; consent_type: string | null; in_force_on: string | null }, extra: Row): Row {
  return {
    code: who.code,
    name: who.name,
    treaty,
    date: null,
    action: standing.consent_type,
    reference: null,
    source: proof?.source ?? null,
    note: null,
    status: standing.status,
    in_force_on: standing.in_force_on,
    ...extra,
  };
}

/** A consent whose date is unknown is said in the heading, not as a row of the actions table. */
export function isUndatedRow(row: Row): boolean {
  return row.date === null;
}
