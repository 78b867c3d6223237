// A participant named on the command line, or an error that says what was meant.
import type { Participant } from './domain/model.js';
import { describeParticipant, MAX_NAME_LENGTH, resolveParticipant, type NameIndex } from './domain/names.js';
import { UserError } from './errors.js';

const MAX_LISTED = 8;

export function requireParticipant(query: string, index: NameIndex): Participant {
  if (query.length > MAX_NAME_LENGTH) {
    throw new UserError(`a participant name of ${query.length} characters ("${query.slice(0, 40)}…") is longer than any participant's`, `names are at most ${MAX_NAME_LENGTH} characters; type a code (VN, VNM) or a name`);
  }
  const r = resolveParticipant(query, index);
  if (r.kind === 'found') return r.participant;
  if (r.kind === 'ambiguous') {
    const listed = r.candidates.slice(0, MAX_LISTED).map(describeParticipant).join(', ');
    const more = r.candidates.length > MAX_LISTED ? ` and ${r.candidates.length - MAX_LISTED} more` : '';
    throw new UserError(`"${query}" matches ${r.candidates.length} participants: ${listed}${more}`, 'type a code (VN, VNM) or a fuller name');
  }
  const hint = r.suggestions.length > 0 ? `did you mean ${r.suggestions.map(describeParticipant).join(' or ')}?` : 'participants are found by ISO code (VN, VNM) or name ("Viet Nam", "Vietnam")';
  throw new UserError(`unknown participant "${query}"`, hint);
}
