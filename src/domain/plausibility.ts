// Is a recorded action plausible? Nothing here refuses: a treaty can allow what is unusual, and the user
// may know better. It says what looks wrong, so a typo in a year or a wrong instrument is caught while
// the source is still open in front of them.
import type { IsoDate } from './dates.js';
import type { ActionRow, TreatyDefinition } from './model.js';

export const PLAUSIBILITY_CODES = ['date_in_future', 'signature_outside_window', 'unusual_instrument'] as const;
export type PlausibilityCode = (typeof PLAUSIBILITY_CODES)[number];
export interface Implausible {
  code: PlausibilityCode;
  message: string;
}

const BY_SIGNATORY = new Set(['ratification', 'acceptance', 'approval']);

export function plausibility(treaty: TreatyDefinition, row: ActionRow, stored: readonly ActionRow[], today: IsoDate): Implausible[] {
  const found: Implausible[] = [];
  if (row.date > today) found.push({ code: 'date_in_future', message: `${row.date} is after today (${today}): a date still to come is not an action yet` });
  const { opens_on, closes_on } = treaty.signature;
  if (row.action === 'signature' && closes_on !== null && row.date > closes_on) {
    found.push({ code: 'signature_outside_window', message: `a signature on ${row.date}, after signature closed on ${closes_on}: States join by accession after that` });
  } else if (row.action === 'signature' && row.date < opens_on) {
    found.push({ code: 'signature_outside_window', message: `a signature on ${row.date}, before signature opened on ${opens_on}` });
  }
  const signed = stored.some((a) => a.treaty === row.treaty && a.code === row.code && a.action === 'signature' && a.date <= row.date);
  // Ratification, acceptance and approval follow a signature; a State that never signed accedes.
  if (BY_SIGNATORY.has(row.action) && !signed && treaty.actions.includes('accession')) {
    found.push({ code: 'unusual_instrument', message: `${row.code} has no signature recorded before ${row.date}: a State that did not sign usually accedes (accession), not ${row.action}` });
  }
  if (row.action === 'accession' && signed) {
    found.push({ code: 'unusual_instrument', message: `${row.code} signed before ${row.date}: a signatory usually ratifies, accepts or approves rather than accedes` });
  }
  return found;
}
