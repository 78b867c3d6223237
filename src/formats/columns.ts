import { UsageError, UserError } from '../errors.js';

/**
 * The columns named by --columns "a,b,c", in that order. A name that is not a column is an error
 * that lists the columns there are; an empty or malformed list is a usage error.
 */
export function parseColumns(value: string | undefined, available: readonly string[]): readonly string[] {
  if (value === undefined) return available;
  const names = value.split(',').map((s) => s.trim());
  if (names.some((n) => n === '')) throw new UsageError(`--columns: expected names separated by commas, like ${available.slice(0, 3).join(',')}; got "${value}"`);
  const unknown = names.filter((n) => !available.includes(n));
  if (unknown.length > 0) {
    throw new UserError(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}`, `the columns are: ${available.join(', ')}`);
  }
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new UsageError(`--columns: "${repeated}" is named twice`);
  return names;
}
