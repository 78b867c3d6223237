// The check of one imported action row, written out by hand: an import of 400,000 rows runs it
// 400,000 times, and the zod schema (ActionRowSchema, still the reference) costs several times more
// per row. A property test (test/domain/action-row-check.test.ts) keeps the two equal: the same rows
// accepted with the same output, the same rows refused on the same field. A refused row is then
// handed to zod, once, for the message.
import { isIsoDate } from './dates.js';
import { MAX_FIELD_LENGTH } from './limits.js';
import type { ActionRow } from './model.js';
import { sourceItems } from './source.js';
import { ACTIONS } from './vocabulary.js';

const FIELDS = ['treaty', 'code', 'action', 'date', 'reference', 'source', 'note'] as const;
const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);
const TREATY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PARTICIPANT_CODE = /^([A-Z]{3}|X[A-Z0-9]{2})$/;
const KNOWN_ACTIONS: ReadonlySet<string> = new Set(ACTIONS);

/** The schema's optional text: absent, null or blank is null; anything but text is refused (undefined). */
function optionalText(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > MAX_FIELD_LENGTH) return undefined;
  return value.trim() === '' ? null : value;
}

function source(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_FIELD_LENGTH) return undefined;
  const trimmed = value.trim();
  return trimmed !== '' && sourceItems(trimmed) !== null ? trimmed : undefined;
}

/**
 * The row ActionRowSchema would give for `record`, or the name of the first field it would refuse
 * (in the schema's order; "" for the record itself: not an object, or a column the schema lacks).
 */
export function checkActionRow(record: unknown): ActionRow | { refused: string } {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { refused: '' };
  const r = record as Record<string, unknown>;
  const { treaty, code, action, date } = r;
  if (typeof treaty !== 'string' || !TREATY_ID.test(treaty)) return { refused: 'treaty' };
  if (typeof code !== 'string' || !PARTICIPANT_CODE.test(code)) return { refused: 'code' };
  if (typeof action !== 'string' || !KNOWN_ACTIONS.has(action)) return { refused: 'action' };
  if (typeof date !== 'string' || !isIsoDate(date)) return { refused: 'date' };
  const reference = optionalText(r.reference);
  if (reference === undefined) return { refused: 'reference' };
  const from = source(r.source);
  if (from === undefined) return { refused: 'source' };
  const note = optionalText(r.note);
  if (note === undefined) return { refused: 'note' };
  for (const key of Object.keys(r)) if (!FIELD_SET.has(key)) return { refused: '' };
  return { treaty, code, action: action as ActionRow['action'], date, reference, source: from, note };
}
