// The words of DESIGN §3. Each list is shared by zod schemas, commander choices and SQL CHECKs.

export const ACTIONS = [
  'signature',
  'ratification',
  'acceptance',
  'approval',
  'accession',
  'succession',
  'definitive_signature',
  'denunciation',
  'withdrawal',
  'declaration',
  'reservation',
  'objection',
  'domestic_approval',
  'domestic_law',
  'announcement',
  // Markers the depositary's legends define beyond the classic five (issue 20); the rule says which count.
  'formal_confirmation',
  'participation',
  'consent_to_be_bound',
  'simplified_procedure',
  'application',
  'notification',
  'provisional_application',
  'extension',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Steps at home before a deposit (a cabinet's or parliament's approval, a law promulgated, a stated
 * intention): they never count toward a threshold, but show who is on the way. Every treaty knows them.
 */
export const DOMESTIC_ACTIONS = ['domestic_approval', 'domestic_law', 'announcement'] as const satisfies readonly Action[];

/** Actions by which a participant expresses its consent to be bound. */
export const CONSENT_ACTIONS = [
  'ratification',
  'acceptance',
  'approval',
  'accession',
  'succession',
  'definitive_signature',
  'formal_confirmation',
  'participation',
  'consent_to_be_bound',
  'simplified_procedure',
  'application',
] as const satisfies readonly Action[];

/**
 * How signature closes: on a stated date, at entry into force, never (no closing date), or not stated
 * by the source (unknown: never shown as open).
 */
export const SIGNATURE_CLOSINGS = ['on_date', 'at_entry_into_force', 'never', 'not_stated'] as const;
export type SignatureClosing = (typeof SIGNATURE_CLOSINGS)[number];

/**
 * How strong the source of a report is, strongest first: the depositary itself, a government or an
 * official journal, major news, a blog, an aggregator (a digest, a wiki, a page quoting another).
 */
export const REPORT_GRADES = ['depositary', 'official', 'news', 'blog', 'aggregator'] as const;
export type ReportGrade = (typeof REPORT_GRADES)[number];

/** What a report claims: a count of signatories or parties, or an action by one participant. */
export const REPORT_COUNTS = ['signatories', 'parties'] as const;

/** How precise a report's date is: "by May 2026" is the last day of May, to the month. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;

export const PARTICIPANT_KINDS = ['state', 'reio'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const PARTICIPANT_STATUSES = ['none', 'signed', 'consented', 'in_force', 'denounced'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const ENTRY_INTO_FORCE_STATES = ['pending', 'scheduled', 'in_force'] as const;
export type EntryIntoForceState = (typeof ENTRY_INTO_FORCE_STATES)[number];

export const UN_GROUPS = [
  'African States',
  'Asia-Pacific States',
  'Eastern European States',
  'Latin American and Caribbean States',
  'Western European and other States',
  'none',
] as const;
export type UnGroup = (typeof UN_GROUPS)[number];

export const FORMATS = ['table', 'csv', 'tsv', 'json', 'ndjson', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** What the depositary's texts on a status page are: its declarations, reservations and objections. */
export const TEXT_KINDS = ['declaration', 'reservation', 'objection'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];
