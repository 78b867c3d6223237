// The field-size maximum applied to a row before anything is stored: one check, one wording, for
// record, add, import and the bundled data alike.
import { MAX_FIELD_LENGTH } from './limits.js';

/** The first text field of `row` longer than MAX_FIELD_LENGTH, said as a reason, or null. */
export function longFieldProblem(row: Readonly<Record<string, unknown>>, fields: readonly string[] = Object.keys(row)): string | null {
  for (const field of fields) {
    const value = row[field];
    if (typeof value === 'string' && value.length > MAX_FIELD_LENGTH) {
      return `${field} is ${value.length.toLocaleString('en-US')} characters long; the most a field may hold is ${MAX_FIELD_LENGTH.toLocaleString('en-US')}`;
    }
  }
  return null;
}
