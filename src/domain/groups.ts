// Groups a participant belongs to, by the names people use for them: the five UN regional groups,
// and memberships kept as data (un_member, coe_member, eu_member).
import type { Participant } from './model.js';
import { normalizeName } from './nearest.js';
import type { UnGroup } from './vocabulary.js';

export type GroupFilter = { kind: 'un_group'; value: UnGroup } | { kind: 'membership'; value: string };

const UN_GROUP_NAMES: Record<Exclude<UnGroup, 'none'>, readonly string[]> = {
  'African States': ['African States', 'African Group', 'African', 'Africa', 'AG'],
  'Asia-Pacific States': ['Asia-Pacific States', 'Asia-Pacific Group', 'Asia-Pacific', 'Asia Pacific', 'Asian Group', 'Asia', 'APG'],
  'Eastern European States': ['Eastern European States', 'Eastern European Group', 'Eastern Europe', 'Eastern European', 'EEG'],
  'Latin American and Caribbean States': ['Latin American and Caribbean States', 'Latin American and Caribbean Group', 'Latin America', 'GRULAC', 'LAC'],
  'Western European and other States': ['Western European and other States', 'Western European and Others Group', 'Western European', 'WEOG'],
};

const MEMBERSHIP_NAMES: Record<string, readonly string[]> = {
  un_member: ['un_member', 'UN', 'United Nations', 'UN members'],
  coe_member: ['coe_member', 'CoE', 'Council of Europe'],
  eu_member: ['eu_member', 'EU members', 'EU member States', 'European Union members'],
};

/** Names shown when a group is not found. */
export const GROUP_CHOICES = [...Object.keys(UN_GROUP_NAMES), 'none', ...Object.keys(MEMBERSHIP_NAMES)];

export function resolveGroup(text: string): GroupFilter | null {
  const q = normalizeName(text);
  for (const [group, names] of Object.entries(UN_GROUP_NAMES)) {
    if (names.some((n) => normalizeName(n) === q)) return { kind: 'un_group', value: group as UnGroup };
  }
  if (q === 'none') return { kind: 'un_group', value: 'none' };
  for (const [group, names] of Object.entries(MEMBERSHIP_NAMES)) {
    if (names.some((n) => normalizeName(n) === q)) return { kind: 'membership', value: group };
  }
  return null;
}

export function inGroup(p: Pick<Participant, 'un_group' | 'groups'>, group: GroupFilter): boolean {
  return group.kind === 'un_group' ? p.un_group === group.value : p.groups.includes(group.value);
}
