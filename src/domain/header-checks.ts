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
    if (counts.signatories !== null && s.signatories !== counts.signatories) {
      problems.push(`on ${counts.date} the depositary counted ${counts.signatories} signatories; the rows give ${s.signatories}`);
    }
    if (counts.parties !== null) {
      // Parties the total names as lacking dates are counted from that total on (party-proof.ts), so the rows must reach it.
      if (s.consents !== counts.parties) {
        problems.push(`on ${counts.date} the depositary counted ${counts.parties} parties; the rows give ${s.consents}`);
      }
    }
  }
  return problems;
}
