// The header's counts of signatories and parties against the table, and when they differ, the
// reason the page itself gives for it, where it gives one. The header counts current participants:
// a bracketed date (withdrawn or denounced since) is left out, as the depositary leaves it out.
import { CONSENT_ACTIONS, isOneOf } from '../domain/vocabulary.js';
import { showsConsent, showsSignature, type MtdsgDocument, type MtdsgRow } from './mtdsg.js';

export interface CountCheck {
  what: 'signatories' | 'parties';
  header: number;
  table: number;
  /** Why they differ, in words; "not explained by the page" when nothing on it accounts for it. */
  cause: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function countChecks(doc: MtdsgDocument): CountCheck[] {
  const checks: CountCheck[] = [];
  const signed = doc.rows.filter(showsSignature).length;
  const consented = doc.rows.filter(showsConsent).length;
  if (doc.signatories !== null && doc.signatories !== signed) {
    const bracketed = doc.rows.filter((r) => !showsSignature(r) && r.actions.some((a) => a.action === 'signature')).length;
    checks.push({ what: 'signatories', header: doc.signatories, table: signed, cause: causeOf(doc, doc.signatories - signed, bracketed, 0) });
  }
  if (doc.parties !== null && doc.parties !== consented) {
    const bracketed = doc.rows.filter((r) => !showsConsent(r) && r.actions.some((a) => isOneOf(CONSENT_ACTIONS, a.action))).length;
    const provisional = doc.rows.filter((r) => !showsConsent(r) && r.actions.some((a) => a.action === 'provisional_application' && !a.bracketed)).length;
    checks.push({ what: 'parties', header: doc.parties, table: consented, cause: causeOf(doc, doc.parties - consented, bracketed, provisional) });
  }
  return checks;
}

function causeOf(doc: MtdsgDocument, missing: number, bracketed: number, provisional: number): string {
  if (missing > 0 && provisional === missing) {
    return `the difference is the ${plural(provisional, 'participant', 'participants')} whose only entry is provisional (application or acceptance): the depositary counts them`;
  }
  if (missing > 0 && bracketed === missing) {
    return `the difference is the ${plural(bracketed, 'participant', 'participants')} whose dates it shows in brackets (withdrawn or denounced): the depositary still counts them`;
  }
  const undated = doc.rows.filter((r: MtdsgRow) => r.actions.length === 0).length;
  if (missing > 0 && undated === missing) return `the difference is the ${plural(undated, 'participant', 'participants')} the table lists without a date: the depositary counts them (see their footnotes)`;
  return `not explained by the page: no bracketed date, provisional entry, undated row or footnote accounts for ${missing > 0 ? 'the missing' : 'the extra'} ${Math.abs(missing)}`;
}
