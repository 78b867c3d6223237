// Plain values for domain tests: a treaty definition with a rule, participants, action rows.
// Nothing here touches SQLite, files or the clock.
import type { IsoDate } from '../../src/domain/dates.js';
import type { ActionRow, Participant, Rule, TreatyDefinition } from '../../src/domain/model.js';

const SOURCE = 'https://example.org/source';

/** UN Convention against Cybercrime, article 65: 40 instruments, the EU not counted, 90 days; later parties 30 days. */
export const UN_RULE: Rule = {
  threshold: 40,
  counted_actions: ['ratification', 'acceptance', 'approval', 'accession'],
  excluded_kinds: ['reio'],
  group_condition: null,
  delay: { days: 90 },
  later: { delay: { days: 30 }, not_before_entry_into_force: true },
  denunciation: { delay: { years: 1 } },
  text: 'the ninetieth day after the date of deposit of the fortieth instrument',
  source: SOURCE,
};

/** Budapest Convention, article 36: five States, at least three of them Council of Europe members; 3 months, then the 1st. */
export const BUDAPEST_RULE: Rule = {
  threshold: 5,
  counted_actions: ['ratification', 'acceptance', 'approval', 'accession'],
  excluded_kinds: [],
  group_condition: { group: 'coe_member', at_least: 3 },
  delay: { months: 3, then: 'first_of_next_month' },
  later: { delay: { months: 3, then: 'first_of_next_month' }, not_before_entry_into_force: false },
  denunciation: { delay: { months: 3, then: 'first_of_next_month' } },
  text: 'the first day of the month following the expiration of a period of three months',
  source: SOURCE,
};

export interface TreatyOverrides {
  id?: string;
  rule?: Partial<Rule>;
  signature?: { opens_on?: IsoDate; closes_on?: IsoDate | null };
  snapshot_date?: IsoDate;
}

/** A minimal treaty like XVIII-16: signature open 2025-10-25 to 2026-12-31, snapshot of 2025-11-16. */
export function makeTreaty(overrides: TreatyOverrides = {}): TreatyDefinition {
  return {
    id: overrides.id ?? 'XVIII-16',
    aliases: ['cybercrime'],
    short_title: 'UN Convention against Cybercrime',
    title: 'United Nations Convention against Cybercrime',
    concluded: { place: 'New York', date: '2024-12-24' },
    depositary: { name: 'Secretary-General of the United Nations', reference: 'XVIII-16', url: SOURCE },
    signature: {
      opens_on: overrides.signature?.opens_on ?? '2025-10-25',
      closes_on: overrides.signature?.closes_on === undefined ? '2026-12-31' : overrides.signature.closes_on,
      text: 'Open for signature until 31 December 2026',
      source: SOURCE,
    },
    actions: ['signature', 'ratification', 'acceptance', 'approval', 'accession', 'denunciation'],
    rule: { ...UN_RULE, ...overrides.rule },
    snapshot: { date: overrides.snapshot_date ?? '2025-11-16', signatories: null, parties: null, source: SOURCE },
  };
}

/** A State participant; `code` doubles as its name unless one is given. */
export function state(code: string, groups: readonly string[] = [], name = code): Participant {
  return { code, iso2: null, name, short_name: name, aliases: [], kind: 'state', un_group: 'none', groups };
}

/** A regional economic integration organization (the EU). */
export function reio(code = 'EUU', name = 'European Union'): Participant {
  return { code, iso2: 'EU', name, short_name: name, aliases: [], kind: 'reio', un_group: 'none', groups: [] };
}

export function participantMap(...list: readonly Participant[]): Map<string, Participant> {
  return new Map(list.map((p) => [p.code, p]));
}

export function action(code: string, kind: ActionRow['action'], date: IsoDate, treaty = 'XVIII-16'): ActionRow {
  return { treaty, code, action: kind, date, reference: null, source: SOURCE, note: null };
}

/** A three-letter code for index 0..17575: 0 → "AAA", 1 → "AAB", … */
export function codeFor(index: number): string {
  const letter = (n: number) => String.fromCharCode(65 + (n % 26));
  return letter(Math.floor(index / 676)) + letter(Math.floor(index / 26)) + letter(index);
}

/** `count` States with codes from codeFor(first). */
export function states(count: number, groups: readonly string[] = [], first = 0): Participant[] {
  return Array.from({ length: count }, (_, i) => state(codeFor(first + i), groups));
}
