import { UsageError } from '../errors.js';

/**
 * The columns named by --columns "a,b,c" (or already split), in that order. A name that is not a
 * column is a choice not in the list, so a usage error (exit 2) that lists the columns there are.
 */
export function parseColumns(given: string | readonly string[] | undefined, available: readonly string[]): readonly string[] {
  if (given === undefined) return available;
  const value = typeof given === 'string' ? given : given.join(',');
  const names = value.split(',').map((s) => s.trim());
  if (names.some((n) => n === '')) throw new UsageError(`--columns: expected names separated by commas, like ${available.slice(0, 3).join(',')}; got "${value}"`);
  const unknown = names.filter((n) => !available.includes(n));
  if (unknown.length > 0) {
    throw new UsageError(`--columns: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; the columns are: ${available.join(', ')}`);
  }
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new UsageError(`--columns: "${repeated}" is named twice`);
  return names;
}
