// The words for a party whose dates no source gives, shared by every view for people so that the
// terminal and the report say the same thing.
import type { Cell } from './result.js';

export interface Certainty {
  date_unknown: Cell;
  party_by: Cell;
  consent_on?: Cell;
  in_force_on?: Cell;
}

/** "Party; date not found in any source (a party by 2019-03-08)", or null when the dates are known. */
export function certaintyWords(s: Certainty): string | null {
  if (s.date_unknown !== true) return null;
  const what = s.in_force_on ? 'date of consent not found in any source' : 'date not found in any source';
  return `Party; ${what}${s.party_by ? ` (a source proves it a party by ${s.party_by})` : ''}`;
}
