// The depositary's published counts against what the rows give on the same day: a difference means
// rows are missing or wrong (or a date was recorded that the depositary had not yet counted).
import { countsDiffer, type Check } from './checks.js';
import type { ActionRow, Participant, PublishedInForce, TreatyDefinition } from './model.js';
import { participantCounts } from './status.js';

export function headerChecks(
  treaty: TreatyDefinition,
  participants: ReadonlyMap<string, Participant>,
  actions: readonly ActionRow[],
  published: readonly PublishedInForce[],
): Check[] {
  const problems: Check[] = [];
  for (const counts of [treaty.snapshot, ...(treaty.counts ?? [])]) {
    if (counts.signatories === null && counts.parties === null) continue;
    const s = participantCounts(treaty, participants, actions, counts.date, published);
    // The depositary counts current participants; the rows also hold those it leaves out.
    const leftOut = counts.left_out ?? { signatories: [], parties: [] };
    const signatories = s.signatories - leftOut.signatories.length;
    if (counts.signatories !== null && signatories !== counts.signatories) {
      problems.push(countsDiffer('signatories', counts.date, counts.signatories, signatories));
    }
    if (counts.parties !== null) {
      // Parties the total names as lacking dates are counted from that total on (party-proof.ts), so the rows must reach it.
      const parties = s.consents - leftOut.parties.length;
      if (parties !== counts.parties) {
        problems.push(countsDiffer('parties', counts.date, counts.parties, parties));
      }
    }
  }
  return problems;
}
