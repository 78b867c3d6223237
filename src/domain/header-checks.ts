// The depositary's published counts against what the rows give on the same day: a difference means
// rows are missing or wrong (or a date was recorded that the depositary had not yet counted).
import type { ActionRow, Participant, PublishedInForce, TreatyDefinition } from './model.js';
import { treatyStatus } from './status.js';

export function headerChecks(
  treaty: TreatyDefinition,
  participants: ReadonlyMap<string, Participant>,
  actions: readonly ActionRow[],
  published: readonly PublishedInForce[],
): string[] {
  const problems: string[] = [];
  for (const counts of [treaty.snapshot, ...(treaty.counts ?? [])]) {
    if (counts.signatories === null && counts.parties === null) continue;
    const s = treatyStatus(treaty, participants, actions, counts.date, published);
    // The depositary counts current participants; the rows also hold those it leaves out.
    const leftOut = counts.left_out ?? { signatories: [], parties: [] };
    if (counts.signatories !== null && s.signatories !== counts.signatories + leftOut.signatories.length) {
      problems.push(`on ${counts.date} the depositary counted ${counts.signatories} signatories; the rows give ${s.signatories - leftOut.signatories.length}`);
    }
    if (counts.parties !== null) {
      const expected = counts.parties - (counts.not_in_data?.length ?? 0) + leftOut.parties.length;
      if (s.consents !== expected) {
        const known = counts.not_in_data?.length ? ` (${counts.not_in_data.length} of them known to lack dates)` : '';
        problems.push(`on ${counts.date} the depositary counted ${counts.parties} parties${known}; the rows give ${s.consents - leftOut.parties.length}`);
      }
    }
  }
  return problems;
}
