// Plain shapes the domain computes with. Types only: importing this file loads nothing.
import type { ActionRow, TreatyDefinition } from './schemas.js';
import type { ParticipantKind } from './vocabulary.js';

export type { ActionRow, TreatyDefinition };
export type Rule = TreatyDefinition['rule'];
export type Delay = Rule['delay'];

export interface Participant {
  code: string;
  iso2: string | null;
  name: string;
  short_name: string;
  aliases: readonly string[];
  kind: ParticipantKind;
  un_group: string;
  groups: readonly string[];
}

/**
 * A party whose consent date is unknown: the depositary's published date of entry into force for it,
 * or else a date by which a source shows it a party. Exactly one of the two dates is set.
 */
export interface PublishedInForce {
  code: string;
  consent_type: string | null;
  in_force_on: string | null;
  party_by: string | null;
  /** Where the published date comes from (one or more addresses, space-separated). */
  source?: string;
}
