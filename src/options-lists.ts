// Values of the list commands' filters, checked by hand (no zod on the read path). A value that is
// not one of the choices is an error that names them (exit 1); an empty one is a usage error (exit 2).
import { GROUP_CHOICES, resolveGroup, type GroupFilter } from './domain/groups.js';
import { SOURCE_FORM, sourceItems } from './domain/source.js';
import { isOneOf } from './domain/vocabulary.js';
import { UsageError, UserError } from './errors.js';

/** Commander collector: `--status a,b --status c` gives ['a', 'b', 'c']. */
export function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((s) => s.trim())];
}

export function parseChoices<T extends string>(option: string, values: readonly string[] | undefined, choices: readonly T[]): T[] | undefined {
  if (values === undefined) return undefined;
  if (values.some((v) => v === '')) throw new UsageError(`${option}: expected one or more of ${choices.join(', ')} separated by commas`);
  const unknown = values.filter((v) => !isOneOf(choices, v));
  if (unknown.length > 0) throw new UserError(`${option}: unknown value ${unknown.map((u) => `"${u}"`).join(', ')}`, `choose from: ${choices.join(', ')}`);
  return [...new Set(values)] as T[];
}

export function parseGroups(values: readonly string[] | undefined): GroupFilter[] | undefined {
  if (values === undefined) return undefined;
  if (values.some((v) => v === '')) throw new UsageError('--group: expected a group name, such as "African States" or WEOG');
  return values.map((v) => {
    const group = resolveGroup(v);
    if (!group) throw new UserError(`--group: unknown group "${v}"`, `choose from: ${GROUP_CHOICES.join(', ')} (short forms such as African, GRULAC, WEOG work too)`);
    return group;
  });
}

/** A source: http(s) addresses or [official-journal citations], separated by spaces (domain/source.ts). */
export function parseSource(value: string): string {
  if (sourceItems(value) === null) throw new UsageError(`--source: expected ${SOURCE_FORM}, got "${value}"`);
  return value.trim().replace(/\s+/g, ' ');
}
